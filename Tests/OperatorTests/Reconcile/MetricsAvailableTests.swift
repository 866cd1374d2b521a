import Operator
import Testing

/// MetricsAvailable is True only when a signal was actually read.
@Suite struct MetricsAvailableTests {
    static let read = SignalStatus(
        name: "waitingRequestsPerReplica",
        current: 8,
        target: 4,
        proposedReplicas: 4
    )
    static let unread = SignalStatus(name: "waitingRequestsPerReplica", current: nil, target: 4, proposedReplicas: nil)

    @Test func `signals read make MetricsAvailable True`() {
        let verdict = EngineVerdict(desiredReplicas: 4, explanation: "Up to 4.", signals: [Self.read])
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(verdict: verdict))
        #expect(plan.status.condition(.MetricsAvailable)?.status == "True")
    }

    @Test func `no ready pod means no signal and MetricsAvailable is False with NoReadyPods`() {
        for signals in [[Self.unread], []] {
            let verdict = EngineVerdict(
                desiredReplicas: 1,
                explanation: "Keeping 1.",
                signals: signals,
                isScalingActive: false,
                hasNoReadyPods: true
            )
            let plan = ReconcilePlanner.plan(
                ReconcilePlannerTests.inputs(
                    deployment: ReconcilePlannerTests.deployment(replicas: 1, ready: 0),
                    verdict: verdict
                )
            )
            let condition = plan.status.condition(.MetricsAvailable)
            #expect(condition?.status == "False")
            #expect(condition?.reason == "NoReadyPods")
            #expect(plan.events.map(\.reason) == [.MetricsUnavailable])
        }
    }

    @Test func `a failed or empty read is ScrapeFailed`() {
        let empty = EngineVerdict(desiredReplicas: 2, explanation: "Keeping 2.", signals: [Self.unread])
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(verdict: empty))
        #expect(plan.status.condition(.MetricsAvailable)?.reason == "ScrapeFailed")
        let failed = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(verdict: nil, metricsError: "connection refused")
        )
        #expect(failed.status.condition(.MetricsAvailable)?.status == "False")
        #expect(failed.status.condition(.MetricsAvailable)?.reason == "ScrapeFailed")
    }
}
