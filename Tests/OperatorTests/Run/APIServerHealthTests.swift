import Foundation
import HTTP
import Kube
import Operator
import Synchronization
import Telemetry
import Testing

/// A clock tests move by hand.
final class StepClock: Sendable {
    private let seconds = Mutex<Double>(1_796_400_000)
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
    var now: Date { seconds.withLock { Date(timeIntervalSince1970: $0) } }
}

@Suite struct APIServerHealthTests {
    static let refused = KubeClientError.transport(
        verb: "GET",
        path: "/api/v1/nodes",
        underlying: .connectFailed(url: "https://127.0.0.1:6443", reason: "connection refused")
    )
    static let serverError = KubeClientError.api(verb: "GET", path: "/api/v1/nodes", code: 500, status: nil)

    @Test func `an unreachable API server warns at once, then at most every interval, and is not ready`() {
        let clock = StepClock()
        let health = APIServerHealth(warnInterval: 30) { clock.now }
        #expect(health.isReachable)
        let first = health.failed("watch pods", error: Self.refused)
        #expect(first?.contains("the API server cannot be reached") == true)
        #expect(!health.isReachable)
        clock.advance(10)
        #expect(health.failed("reconcile default/llama", error: Self.refused) == nil)
        #expect(health.failed("watch nodes", error: Self.refused) == nil)
        clock.advance(25)
        let again = health.failed("watch pods", error: Self.refused)
        #expect(again?.contains("3 failed requests") == true)
        #expect(health.succeeded()?.contains("answers again") == true)
        #expect(health.isReachable)
        #expect(health.succeeded() == nil)
    }

    @Test func `a single server error is quiet and a repeated one warns without turning unready`() {
        let clock = StepClock()
        let health = APIServerHealth(warnInterval: 30) { clock.now }
        #expect(health.failed("reconcile default/llama", error: Self.serverError) == nil)
        #expect(health.failed("reconcile default/llama", error: Self.serverError)?.contains("keep failing") == true)
        #expect(health.isReachable)
    }

    @Test func `readiness fails while the API server cannot be reached but health stays ok`() async {
        let registry = MetricsRegistry()
        let request = HTTPServerRequest(method: "GET", target: "/readyz")
        let down = await OperatorRunner.respond(to: request, ready: true, apiReachable: false, registry: registry)
        #expect(down.status == 503)
        let health = HTTPServerRequest(method: "GET", target: "/healthz")
        #expect(
            await OperatorRunner.respond(to: health, ready: true, apiReachable: false, registry: registry).status == 200
        )
        #expect(
            await OperatorRunner.respond(to: request, ready: true, apiReachable: true, registry: registry).status == 200
        )
    }
}
