import Foundation
import HTTP
import Metrics
import Operator
import Synchronization
import Testing
import YAML

/// The Prometheus path against a loopback fake of the HTTP API.
@Suite struct PrometheusReaderTests {
    /// Answers every query with one sample per pod (value by pod name) or, for totals, a scalar 7.
    static func fakePrometheus(seenAuthorization: LockedBox<String?>) -> HTTPServer {
        HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0)) { request in
            seenAuthorization.set(request.headers["Authorization"])
            let form = String(decoding: request.body, as: UTF8.self)
            let query =
                request.queryValue("query") ?? HTTPServerRequest.parseQuery(form).first { $0.name == "query" }?.value
                ?? ""
            let now = Date().timeIntervalSince1970
            let body: String
            if query.contains("by (pod)") {
                body =
                    #"{"status":"success","data":{"resultType":"vector","result":["#
                    + #"{"metric":{"pod":"llama-0"},"value":[\#(now),"9"]},{"metric":{"pod":"llama-1"},"value":[\#(now),"3"]}]}}"#
            } else {
                body = #"{"status":"success","data":{"resultType":"scalar","result":[\#(now),"7"]}}"#
            }
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "application/json"],
                body: .bytes(Array(body.utf8))
            )
        }
    }

    @Test func `reads per-pod signals and pool totals, with the bearer token from the Secret`() async throws {
        let seen = LockedBox<String?>(nil)
        let server = Self.fakePrometheus(seenAuthorization: seen)
        let port = try await server.start()
        let cluster = FakeCluster()
        await cluster.put(
            .secrets,
            [
                "metadata": ["name": "prom", "namespace": "ml"],
                "data": ["token": .string(Data("s3cret\n".utf8).base64EncodedString())],
            ]
        )
        var spec = ReconcilePlannerTests.spec()
        spec.metrics = MetricsSpec(
            source: .prometheus,
            prometheus: PrometheusSpec(
                url: "http://127.0.0.1:\(port)",
                bearerTokenSecretRef: SecretKeyReference(name: "prom", key: "token")
            )
        )
        spec.targets.custom = [CustomTarget(name: "gateway", query: "sum(gateway_queue)", targetPerReplica: 2)]
        let httpClient = HTTPClient()
        let reader = PrometheusReader(access: cluster, client: httpClient)
        let reading = await reader.read(
            key: "ml/llama",
            spec: spec,
            pods: [PodInfo(name: "llama-0"), PodInfo(name: "llama-1")]
        )
        #expect(reading.error == nil)
        #expect(reading.pods["llama-0"]?.queueDepth == 9)
        #expect(reading.pods["llama-1"]?.queueDepth == 3)
        #expect(reading.poolTotals["gateway"] == 7)
        #expect(seen.get() == "Bearer s3cret")
        httpClient.shutdown()
        await server.shutdown()
    }

    @Test func `an unreachable server fails the reading instead of reading zero`() async {
        var spec = ReconcilePlannerTests.spec()
        spec.metrics = MetricsSpec(source: .prometheus, prometheus: PrometheusSpec(url: "http://127.0.0.1:1"))
        let httpClient = HTTPClient()
        let reading = await PrometheusReader(access: FakeCluster(), client: httpClient).read(
            key: "ml/llama",
            spec: spec,
            pods: [PodInfo(name: "a")]
        )
        #expect(reading.error != nil)
        #expect(reading.pods.isEmpty)
        httpClient.shutdown()
    }
}

/// A value shared between a server handler and the test.
final class LockedBox<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        storage = Mutex(value)
    }

    func set(_ value: Value) {
        storage.withLock { $0 = value }
    }

    func get() -> Value {
        storage.withLock { $0 }
    }
}
