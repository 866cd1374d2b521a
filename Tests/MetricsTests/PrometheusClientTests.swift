import HTTP
import Testing

@testable import Metrics

@Suite struct PrometheusClientTests {
    @Test func `decodes the vector fixture with string values, warnings and infos`() throws {
        let result = try PrometheusQueryResult.decode(
            try Fixture.bytes("prometheus_query_vector.json"),
            httpStatus: 200
        )
        guard case .vector(let samples) = result.data else {
            Issue.record("expected a vector")
            return
        }
        #expect(samples.count == 4)
        #expect(samples[0].value == 1512.0670553935861)
        #expect(samples[1].value.isNaN)
        #expect(samples[2].value == .infinity)
        #expect(samples[3].value == 0)
        #expect(samples.allSatisfy { $0.timestamp == 1_767_225_600.781 })
        #expect(samples.allSatisfy { $0.metric["__name__"] == nil && $0.metric["namespace"] == "vision" })
        #expect(result.warnings == ["a remote read source was unavailable; partial data returned"])
        #expect(result.infos.count == 1)
        #expect(result.infos.first?.hasPrefix("PromQL info: metric might not be a counter") == true)
    }

    @Test func `decodes the error fixture into its errorType`() throws {
        let body = try Fixture.bytes("prometheus_query_error.json")
        #expect(
            throws: PrometheusError.api(
                errorType: "bad_data",
                message: "invalid parameter \"query\": 1:52: parse error: unclosed left parenthesis",
                httpStatus: 400
            )
        ) {
            try PrometheusQueryResult.decode(body, httpStatus: 400)
        }
        #expect(PrometheusError.api(errorType: "timeout", message: "", httpStatus: 503).isRetryable)
        #expect(!PrometheusError.api(errorType: "bad_data", message: "", httpStatus: 400).isRetryable)
    }

    @Test func `decodes scalars and rejects bodies that are not the envelope`() throws {
        let scalar = try PrometheusQueryResult.decode(
            Array(#"{"status":"success","data":{"resultType":"scalar","result":[1767225600,"-Inf"]}}"#.utf8),
            httpStatus: 200
        )
        #expect(scalar.data == .scalar(timestamp: 1_767_225_600, value: -.infinity))
        #expect(throws: PrometheusError.status(code: 502)) {
            try PrometheusQueryResult.decode(Array("<html>bad gateway</html>".utf8), httpStatus: 502)
        }
        #expect(throws: PrometheusError.self) {
            try PrometheusQueryResult.decode(
                Array(
                    #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"x"]}]}}"#
                        .utf8
                ),
                httpStatus: 200
            )
        }
    }

    @Test func `short queries are GET, long ones POST, with auth headers`() throws {
        let basic = PrometheusClient(
            configuration: PrometheusConfiguration(
                baseURL: "http://127.0.0.1:9090/",
                authorization: .basic(username: "ops", password: Secret("s3cret"))
            )
        )
        let get = try basic.request(for: "sum(up{job=\"a b\"})", at: 10)
        #expect(get.method == .get)
        #expect(get.url == "http://127.0.0.1:9090/api/v1/query?query=sum%28up%7Bjob%3D%22a%20b%22%7D%29&time=10.0")
        #expect(get.headers["Authorization"] == "Basic b3BzOnMzY3JldA==")

        let bearer = PrometheusClient(
            configuration: PrometheusConfiguration(
                baseURL: "http://127.0.0.1:9090",
                authorization: .bearer(Secret("tok"))
            )
        )
        let long = try bearer.request(for: String(repeating: "x", count: 3000))
        #expect(long.method == .post)
        #expect(long.url == "http://127.0.0.1:9090/api/v1/query")
        #expect(long.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(long.body.map { String(decoding: $0, as: UTF8.self) } == "query=" + String(repeating: "x", count: 3000))
        #expect(long.headers["Authorization"] == "Bearer tok")
        #expect("\(Secret("tok"))" == "<redacted>")
    }

    @Test func `templates escape namespace and pods so input cannot change the query`() throws {
        let template = try PromQLTemplate("sum by (pod) (x{{{selector}}}) and on() y{namespace={{namespace}}}")
        let query = try template.rendered(namespace: "ns\"} or vector(1) #", pods: ["a.b", "c|d\\"])
        #expect(
            query
                == #"sum by (pod) (x{namespace="ns\"} or vector(1) #",pod=~"a\\.b|c\\|d\\\\"}) and on() y{namespace="ns\"} or vector(1) #"}"#
        )
        #expect(throws: PromQLTemplateError.unknownPlaceholder("pod")) { try PromQLTemplate("x{pod={{pod}}}") }
        #expect(throws: PromQLTemplateError.unclosedPlaceholder) { try PromQLTemplate("x{{namespace") }
        #expect(throws: PromQLTemplateError.noPods) { try template.rendered(namespace: "ns", pods: []) }
    }

    @Test func `signal values drop unknown pods, stale samples, NaN and duplicates`() {
        let samples = [
            VectorSample(metric: ["pod": "a"], timestamp: 1000, value: 3),
            VectorSample(metric: ["pod": "gone"], timestamp: 1000, value: 9),
            VectorSample(metric: ["pod": "b"], timestamp: 800, value: 4),
            VectorSample(metric: ["pod": "c"], timestamp: 1000, value: .nan),
            VectorSample(metric: ["pod": "d"], timestamp: 1000, value: 1),
            VectorSample(metric: ["pod": "d", "engine": "1"], timestamp: 1000, value: 2),
            VectorSample(metric: [:], timestamp: 1000, value: 5),
        ]
        let values = PromQLSignalSource.values(from: .vector(samples), known: ["a", "b", "c", "d"], notBefore: 900)
        #expect(values == ["a": 3])
    }

    @Test func `default queries parse for every server`() {
        for profile in [ServerProfile.vllm, .triton(), .dcgm] {
            #expect(!PromQLSignalSource.defaultQueries(for: profile).isEmpty)
        }
        #expect(PromQLSignalSource.defaultQueries(for: .vllm).count == 4)
        #expect(PromQLSignalSource.defaultQueries(for: .triton()).count == 5)
        #expect(PromQLSignalSource.defaultQueries(for: .dcgm).count == 3)
    }
}
