import Foundation
import Metrics
import Operator
import Testing
import YAML

@Suite struct PoolReconcilerTests {
    static func busy(_ waiting: Double) -> TableSignals {
        TableSignals { pod in PodSignals(pod: pod, queueDepth: waiting, runningRequests: 20, kvCacheUtilization: 0.5) }
    }

    @Test func `scales the sample Deployment up on queued requests and reports it`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        let log = EventLog()
        let reconciler = PoolReconciler(
            access: cluster,
            signals: Self.busy(12),
            events: log,
            clock: ClusterFixtures.clock
        )
        let outcome = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        #expect(outcome == .requeueAfter(seconds: 5))

        let deployment = try #require(await cluster.object(.deployments, "default", "llama-8b"))
        #expect(deployment.value(at: ["spec", "replicas"]) == 6)
        let pool = try #require(await cluster.object(.inferencePools, "default", "llama-8b"))
        let status = try #require(pool["status"]).decode(InferencePoolStatus.self)
        #expect(status.desiredReplicas == 6)
        #expect(status.waitingPerReplica == 12)
        #expect(status.gpu?.matchingNodes == 2)
        #expect(status.condition(.ScalingActive)?.status == "True")
        #expect(await log.events.map(\.reason).contains(.ScaledUp))
    }

    @Test func `the sample template is patched once for its affinity, then left alone`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        let log = EventLog()
        let reconciler = PoolReconciler(
            access: cluster,
            signals: Self.busy(4),
            events: log,
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        let updates = await cluster.calls.filter { $0 == APICall("update", .deployments) }
        #expect(updates.count == 1)
        #expect(await log.events.filter { $0.reason == .PlacementPatched }.count == 1)
        let deployment = try #require(await cluster.object(.deployments, "default", "llama-8b"))
        let terms = deployment.value(at: [
            "spec", "template", "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
            "nodeSelectorTerms",
        ])
        #expect(terms?[0]?["matchExpressions"]?.arrayValue?.count == 2)
    }

    @Test func `a stale Deployment is retried from a fresh read`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        await cluster.injectConflicts(.deployments, count: 1)
        let reconciler = PoolReconciler(
            access: cluster,
            signals: Self.busy(12),
            events: EventLog(),
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        let deployment = try #require(await cluster.object(.deployments, "default", "llama-8b"))
        #expect(deployment.value(at: ["spec", "replicas"]) == 6)
        #expect(await cluster.calls.filter { $0 == APICall("get", .inferencePools) }.count == 2)
    }

    @Test func `an HPA on the Deployment stops replica writes`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        await cluster.put(
            .horizontalPodAutoscalers,
            [
                "kind": "HorizontalPodAutoscaler",
                "metadata": ["name": "llama-hpa", "namespace": "default"],
                "spec": ["scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "llama-8b"]],
            ]
        )
        let reconciler = PoolReconciler(
            access: cluster,
            signals: Self.busy(12),
            events: EventLog(),
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        #expect(await cluster.scaleWrites.isEmpty)
        let pool = try #require(await cluster.object(.inferencePools, "default", "llama-8b"))
        let status = try #require(pool["status"]).decode(InferencePoolStatus.self)
        #expect(status.condition(.Conflict)?.status == "True")
    }

    @Test func `unreachable pods hold the replicas`() async throws {
        let cluster = try await ClusterFixtures.cluster(replicas: 3)
        let silent = TableSignals { _ in nil }
        let reconciler = PoolReconciler(
            access: cluster,
            signals: silent,
            events: EventLog(),
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        #expect(await cluster.scaleWrites.isEmpty)
        let pool = try #require(await cluster.object(.inferencePools, "default", "llama-8b"))
        let status = try #require(pool["status"]).decode(InferencePoolStatus.self)
        #expect(status.condition(.MetricsAvailable)?.status == "False")
    }

    @Test func `a deleted pool ends the work`() async throws {
        let cluster = FakeCluster()
        let reconciler = PoolReconciler(access: cluster, signals: Self.busy(1), events: EventLog())
        #expect(try await reconciler.reconcile(namespace: "default", name: "gone") == .done)
    }
}
