import Metrics
import Operator
import Scaling
import Testing

@Suite struct EngineAdapterTests {
    @Test func `maps targets and behavior onto the engine policy`() {
        let policy = EngineAdapter.policy(for: PoolExamples.fullSpec)
        #expect(
            policy.signals.map(\.name) == [
                "waitingRequests", "runningRequests", "kvCacheUtilization", "gpuMemoryUtilization", "queueTimeSeconds",
                "tokens",
                "gateway",
            ]
        )
        #expect(policy.signals.last?.source == .pool)
        #expect(policy.behavior?.scaleDown.selectPolicy == .min)
        #expect(policy.behavior?.scaleDown.policies == [RatePolicy(type: .percent, value: 50, periodSeconds: 60)])
        #expect(policy.tolerance.scaleDown == 0.05)
        #expect(policy.capacity == .pend)
        #expect(policy.missingSignals.fallback?.replicas == 2)
        #expect(policy.problems == [])
    }

    @Test func `queue signals from pods flow through the engine into a scale-up plan`() {
        let spec = ReconcilePlannerTests.spec()
        let now = EngineAdapter.seconds("2026-12-04T16:00:00Z") ?? 0
        let pods = ["a", "b"].map { name in
            EngineAdapter.podState(
                PodInfo(name: name, nodeName: "n1", readySince: "2026-12-04T15:00:00Z"),
                signals: PodSignals(pod: name, queueDepth: 12, runningRequests: 30),
                observedAt: now,
                targets: spec.targets
            )
        }
        let decision = DecisionEngine.decide(
            policy: EngineAdapter.policy(for: spec),
            state: PoolState(replicas: 2, pods: pods, gpuHeadroom: 10),
            history: ScalingHistory(),
            now: now
        )
        let verdict = EngineAdapter.verdict(from: decision)
        #expect(verdict.desiredReplicas == 6)
        #expect(verdict.signals.first?.name == "waitingRequestsPerReplica")
        #expect(verdict.signals.first?.current == 12)
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(spec: spec, verdict: verdict))
        #expect(plan.replicaWrite?.to == 6)
        #expect(plan.status.waitingPerReplica == 12)
        #expect(plan.events.first?.message == decision.explanation)
    }

    @Test func `a pod without a node and short of GPUs pends for capacity`() {
        let pod = PodInfo(
            name: "c",
            phase: "Pending",
            isReady: false,
            unschedulableMessage: "0/4 nodes are available: 4 Insufficient nvidia.com/gpu."
        )
        let state = EngineAdapter.podState(pod, signals: nil, observedAt: 0, targets: ScalingTargets())
        #expect(state.pendingReason == .insufficientGPU)
        #expect(!state.isLoading)
        let loading = EngineAdapter.podState(
            PodInfo(name: "d", nodeName: "n1", isReady: false),
            signals: nil,
            observedAt: 0,
            targets: ScalingTargets()
        )
        #expect(loading.isLoading)
    }
}
