import Foundation
import HTTP
import Metrics
import Testing

/// The PromQL client against a loopback stand-in for Prometheus's HTTP API.
@Suite(.serialized) struct PrometheusClientLiveTests {
    @Test func `sends auth, switches to POST for long queries, and hands over warnings and infos`() async throws {
        let vector = try Fixture.bytes("prometheus_query_vector.json")
        let requests = RequestRecorder()
        let endpoint = try await LiveEndpoint { request in
            await requests.record(request)
            return HTTPServerResponse(status: 200, headers: ["Content-Type": "application/json"], body: .bytes(vector))
        }
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)

        let notices = NoticeRecorder()
        let prometheus = PrometheusClient(
            configuration: PrometheusConfiguration(
                baseURL: "http://127.0.0.1:\(endpoint.port)",
                authorization: .bearer(Secret("token-1")),
                timeoutSeconds: 60,
                noticeHandler: { notice in Task { await notices.record(notice) } }
            ),
            client: client
        )
        let short = try await prometheus.query("up", at: 1_767_225_600)
        guard case .vector(let samples) = short.data else {
            Issue.record("expected a vector")
            return
        }
        #expect(samples.count == 4)
        let first = try #require(await requests.all.last)
        #expect(first.method == "GET")
        #expect(first.path == "/api/v1/query")
        #expect(first.queryValue("query") == "up")
        #expect(first.headers["Authorization"] == "Bearer token-1")

        let longQuery = "sum(up)" + String(repeating: " ", count: 3000)
        _ = try await prometheus.query(longQuery)
        let second = try #require(await requests.all.last)
        #expect(second.method == "POST")
        #expect(second.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(HTTPServerRequest.parseQuery(String(decoding: second.body, as: UTF8.self)).first?.value == longQuery)

        let deadline = ContinuousClock.now + .seconds(10)
        while await notices.all.count < 4, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let kinds = await notices.all.map(\.kind)
        #expect(kinds.filter { $0 == .warning }.count == 2)
        #expect(kinds.filter { $0 == .info }.count == 2)
        await endpoint.stop()
    }

    @Test func `an error envelope keeps its errorType and HTTP status`() async throws {
        let body = try Fixture.bytes("prometheus_query_error.json")
        let endpoint = try await LiveEndpoint { _ in
            HTTPServerResponse(status: 400, headers: ["Content-Type": "application/json"], body: .bytes(body))
        }
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)
        let prometheus = PrometheusClient(
            configuration: PrometheusConfiguration(
                baseURL: "http://127.0.0.1:\(endpoint.port)",
                authorization: .basic(username: "ops", password: Secret("pw")),
                timeoutSeconds: 60
            ),
            client: client
        )
        await #expect(
            throws: PrometheusError.api(
                errorType: "bad_data",
                message: "invalid parameter \"query\": 1:52: parse error: unclosed left parenthesis",
                httpStatus: 400
            )
        ) {
            try await prometheus.query("sum(")
        }
        await endpoint.stop()
    }

    @Test func `a gzip-encoded page is decoded before parsing`() async throws {
        let page = try Fixture.bytes("vllm_metrics_v1.txt")
        let compressed = try Self.gzip(page)
        #expect(compressed.starts(with: [0x1f, 0x8b]))
        let endpoint = try await LiveEndpoint { _ in
            HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "text/plain; version=0.0.4", "Content-Encoding": "gzip"],
                body: .bytes(compressed)
            )
        }
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)
        let result = await PodScraper(client: client, configuration: ScrapeConfiguration(timeoutSeconds: 60)).scrape(
            ScrapeTarget(pod: "llm/a", address: "127.0.0.1", port: endpoint.port),
            selection: ServerProfile.vllm.selection
        )
        let snapshot = try result.outcome.get()
        #expect(snapshot.samples(named: "vllm:num_requests_running").map(\.value) == [31, 29])
        await endpoint.stop()
    }

    /// Compresses with the system's gzip (installed everywhere the tests run).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try FileManager.default.url(
            for: .itemReplacementDirectory,
            in: .userDomainMask,
            appropriateFor: FileManager.default.temporaryDirectory,
            create: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.txt")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", file.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: folder.appendingPathComponent("page.txt.gz")))
    }
}

/// Remembers requests seen by a test server.
actor RequestRecorder {
    private(set) var all: [HTTPServerRequest] = []

    func record(_ request: HTTPServerRequest) {
        all.append(request)
    }
}

/// Remembers notices passed to a notice handler.
actor NoticeRecorder {
    private(set) var all: [PrometheusNotice] = []

    func record(_ notice: PrometheusNotice) {
        all.append(notice)
    }
}
