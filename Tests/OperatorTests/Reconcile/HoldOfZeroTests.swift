import Operator
import Testing

/// A hold of 0 removed resumes autoscaling; a zero made by someone else disables it.
@Suite struct HoldOfZeroTests {
    static let disabled = EngineVerdict(
        desiredReplicas: 0,
        explanation: "Keeping 0 replicas because the target was scaled to zero by hand and scale-to-zero is off.",
        limits: [.scalingDisabled],
        isScalingActive: false
    )

    static func heldAtZero() -> InferencePoolStatus {
        let held = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(spec: ReconcilePlannerTests.spec { $0.replicas = 0 })
        )
        #expect(held.replicaWrite?.to == 0)
        return held.status
    }

    @Test func `removing a hold of 0 goes back to minReplicas`() {
        for minimum in [1, 3] {
            let plan = ReconcilePlanner.plan(
                ReconcilePlannerTests.inputs(
                    spec: ReconcilePlannerTests.spec { $0.minReplicas = minimum },
                    status: Self.heldAtZero(),
                    deployment: ReconcilePlannerTests.deployment(replicas: 0, ready: 0),
                    verdict: Self.disabled
                )
            )
            #expect(plan.replicaWrite?.to == minimum)
            #expect(plan.status.condition(.ScalingActive)?.reason == "HoldRemoved")
            #expect(!plan.events.map(\.reason).contains(.ManualScale))
        }
    }

    @Test func `a Deployment scaled to zero by someone else stays there with ScalingDisabled`() {
        let noticed = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(
                status: ReconcilePlanner.plan(ReconcilePlannerTests.inputs()).status,
                deployment: ReconcilePlannerTests.deployment(replicas: 0, ready: 0),
                verdict: Self.disabled
            )
        )
        #expect(noticed.events.map(\.reason).contains(.ManualScale))
        let later = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(
                status: noticed.status,
                deployment: ReconcilePlannerTests.deployment(replicas: 0, ready: 0),
                verdict: Self.disabled
            )
        )
        #expect(later.replicaWrite == nil)
        #expect(later.status.condition(.ScalingActive)?.reason == "ScalingDisabled")
    }
}
