import Foundation
import Operator
import Testing

@Suite struct PoolReconcilerLastWriteTests {
    @Test func `a scale whose status write conflicted is not reported as manual on the retry`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        let log = EventLog()
        let reconciler = PoolReconciler(
            access: cluster,
            signals: PoolReconcilerTests.busy(12),
            events: log,
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        let first = try #require(await cluster.object(.deployments, "default", "llama-8b"))
        #expect(first.value(at: ["spec", "replicas"]) == 6)

        let busier = PoolReconciler(
            access: cluster,
            signals: PoolReconcilerTests.busy(40),
            events: log,
            clock: { ClusterFixtures.clock().addingTimeInterval(600) }
        )
        await cluster.injectConflicts(.inferencePools, count: 1)
        _ = try await busier.reconcile(namespace: "default", name: "llama-8b")
        let second = try #require(await cluster.object(.deployments, "default", "llama-8b"))
        #expect(second.value(at: ["spec", "replicas"]) == 8)
        #expect(!(await log.events.map(\.reason).contains(.ManualScale)))
        let pool = try #require(await cluster.object(.inferencePools, "default", "llama-8b"))
        let status = try #require(pool["status"]).decode(InferencePoolStatus.self)
        #expect(status.scalingHistory.map(\.to) == [6, 8])
    }
}
