import Operator
import Testing

@Suite struct PoolConflictPlannerTests {
    static func inputs(name: String, created: String?, others: [PoolReference]) -> ReconcileInputs {
        var inputs = ReconcilePlannerTests.inputs(spec: ReconcilePlannerTests.spec { $0.gpu.managePlacement = true })
        inputs.pool.name = name
        inputs.pool.creationTimestamp = created
        inputs.otherPools = others
        return inputs
    }

    @Test func `the younger of two pools on one Deployment reports a conflict and writes nothing`() {
        let older = PoolReference(name: "zeta", creationTimestamp: "2026-12-04T10:00:00Z", targetName: "llama")
        let plan = ReconcilePlanner.plan(Self.inputs(name: "alpha", created: "2026-12-04T11:00:00Z", others: [older]))
        #expect(plan.replicaWrite == nil)
        #expect(plan.templateWrite == nil)
        #expect(plan.status.condition(.Conflict)?.status == "True")
        #expect(plan.status.condition(.Conflict)?.message.contains("InferencePool zeta") == true)
        #expect(plan.status.condition(.ScalingActive)?.status == "False")
        #expect(plan.events.map(\.reason) == [.Conflict])
    }

    @Test func `the older pool keeps the Deployment and ties go to the first name`() {
        let younger = PoolReference(name: "beta", creationTimestamp: "2026-12-04T11:00:00Z", targetName: "llama")
        let plan = ReconcilePlanner.plan(Self.inputs(name: "gamma", created: "2026-12-04T10:00:00Z", others: [younger]))
        #expect(plan.replicaWrite != nil)
        #expect(plan.status.condition(.Conflict)?.status == "False")

        let twin = PoolReference(name: "beta", creationTimestamp: "2026-12-04T10:00:00Z", targetName: "llama")
        let loser = ReconcilePlanner.plan(Self.inputs(name: "gamma", created: "2026-12-04T10:00:00Z", others: [twin]))
        #expect(loser.replicaWrite == nil && loser.templateWrite == nil)
        #expect(loser.status.condition(.Conflict)?.status == "True")
        let winner = PoolReference(name: "gamma", creationTimestamp: "2026-12-04T10:00:00Z", targetName: "llama")
        let kept = ReconcilePlanner.plan(Self.inputs(name: "beta", created: "2026-12-04T10:00:00Z", others: [winner]))
        #expect(kept.replicaWrite != nil)
    }

    @Test func `a pool on another Deployment is no conflict`() {
        let other = PoolReference(name: "old", creationTimestamp: "2026-12-04T09:00:00Z", targetName: "mistral")
        let plan = ReconcilePlanner.plan(Self.inputs(name: "new", created: "2026-12-04T11:00:00Z", others: [other]))
        #expect(plan.replicaWrite != nil)
        #expect(plan.status.condition(.Conflict)?.status == "False")
    }
}
