import Operator
import Testing

/// "What PoolPilot last set" follows every write it made, so its own writes are never manual.
@Suite struct LastWriteTests {
    static let seven = ScalingRecord(
        time: "2026-12-04T15:59:00Z",
        from: 6,
        to: 7,
        reason: "ScaledUp",
        message: "Scaling up from 6 to 7."
    )
    static let eight = ScalingRecord(
        time: "2026-12-04T15:59:30Z",
        from: 7,
        to: 8,
        reason: "ScaledUp",
        message: "Scaling up from 7 to 8."
    )

    @Test func `a write whose status update was lost is not a manual scale`() {
        var status = InferencePoolStatus()
        status.scalingHistory = [Self.seven]
        var inputs = ReconcilePlannerTests.inputs(
            status: status,
            deployment: ReconcilePlannerTests.deployment(replicas: 8),
            verdict: EngineVerdict(
                desiredReplicas: 8,
                explanation: "Keeping 8.",
                signals: [ReconcilePlannerTests.waiting]
            )
        )
        inputs.lastWrite = Self.eight
        let plan = ReconcilePlanner.plan(inputs)
        #expect(!plan.events.map(\.reason).contains(.ManualScale))
        #expect(plan.status.scalingHistory == [Self.seven, Self.eight])
    }

    @Test func `a scale that differs from every PoolPilot write is still manual`() {
        var status = InferencePoolStatus()
        status.scalingHistory = [Self.seven]
        var inputs = ReconcilePlannerTests.inputs(
            status: status,
            deployment: ReconcilePlannerTests.deployment(replicas: 5),
            verdict: EngineVerdict(
                desiredReplicas: 5,
                explanation: "Keeping 5.",
                signals: [ReconcilePlannerTests.waiting]
            )
        )
        inputs.lastWrite = Self.seven
        let plan = ReconcilePlanner.plan(inputs)
        #expect(plan.events.map(\.reason) == [.ManualScale])
        #expect(plan.status.scalingHistory.last?.to == 5)
    }
}
