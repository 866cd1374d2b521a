import HTTP
import KubeRuntime
import Operator
import Telemetry
import Testing

@Suite struct OperatorRunnerTests {
    static func request(_ path: String) -> HTTPServerRequest {
        HTTPServerRequest(method: "GET", target: path)
    }

    @Test func `health is always ok and readiness waits for the first pool list`() async {
        let registry = MetricsRegistry()
        #expect(await OperatorRunner.respond(to: Self.request("/healthz"), ready: false, registry: registry).status == 200)
        #expect(await OperatorRunner.respond(to: Self.request("/readyz"), ready: false, registry: registry).status == 503)
        #expect(await OperatorRunner.respond(to: Self.request("/readyz"), ready: true, registry: registry).status == 200)
        #expect(await OperatorRunner.respond(to: Self.request("/nope"), ready: true, registry: registry).status == 404)
    }

    @Test func `metrics are served in Prometheus text format`() async throws {
        let registry = MetricsRegistry()
        _ = try await RuntimeMetrics.register(in: registry)
        let response = await OperatorRunner.respond(to: Self.request("/metrics"), ready: true, registry: registry)
        #expect(response.status == 200)
        guard case .bytes(let body) = response.body else {
            Issue.record("metrics should be a complete body")
            return
        }
        #expect(String(decoding: body, as: UTF8.self).contains("poolpilot_"))
    }

    @Test func `leader election is refused clearly rather than ignored`() {
        var configuration = OperatorConfiguration()
        configuration.leaderElect = true
        #expect(throws: OperatorError.self) { try OperatorRunner(configuration: configuration, logger: .disabled) }
    }
}
