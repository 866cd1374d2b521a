import Scaling
import Testing

/// Replicas over time for the behaviours that need a history: stabilization, burst, cold start,
/// fallback, scale to zero and capacity.
@Suite struct TimelineTests {
    static let fastDown = ScalingBehavior(
        scaleUp: ScalingRules.defaultScaleUp,
        scaleDown: ScalingRules(stabilizationWindowSeconds: 0, policies: ScalingRules.defaultScaleDown.policies)
    )

    @Test func `scale-down waits for the 300 s window after load drops`() {
        var pool = Simulator(policy: Build.policy(), replicas: 2)
        pool.run(from: 0, to: 600) { Simulator.Load(waiting: $0 < 150 ? 60 : 20) }
        #expect(pool.replicas(at: 0) == 6)
        #expect(pool.replicas(at: 150) == 6)
        #expect(pool.reasons(at: 300).contains(.scaleDownStabilized))
        #expect(pool.replicas(at: 420) == 6)
        #expect(pool.replicas(at: 435) == 2)
        #expect(pool.replicas(at: 600) == 2)
    }

    @Test func `without burst mode a surge climbs at the policy rate`() {
        var pool = Simulator(policy: Build.policy(behavior: Self.fastDown), replicas: 2)
        pool.run(from: 0, to: 120) { Simulator.Load(waiting: $0 < 60 ? 20 : 200) }
        #expect(pool.steps.map(\.replicas) == [2, 2, 2, 2, 6, 12, 20, 20, 20])
    }

    @Test func `burst mode jumps to the demand and holds until the burst has passed`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.burst = BurstPolicy(factor: 2, windowSeconds: 10, holdSeconds: 60)
        var pool = Simulator(policy: policy, replicas: 2)
        pool.run(from: 0, to: 150) { now in Simulator.Load(waiting: now >= 60 && now < 90 ? 200 : 20) }
        #expect(pool.replicas(at: 45) == 2)
        #expect(pool.replicas(at: 60) == 20)
        #expect(pool.reasons(at: 60).contains(.burst))
        #expect(pool.steps.first { $0.time == 60 }?.decision.condition("Burst")?.reason == "BurstActive")
        #expect(pool.replicas(at: 90) == 20)
        #expect(pool.replicas(at: 105) == 20)
        #expect(pool.reasons(at: 105).contains(.burst))
        #expect(pool.replicas(at: 120) == 2)
        #expect(pool.steps.first { $0.time == 135 }?.decision.condition("Burst")?.reason == "Steady")
    }

    @Test func `loading pods count as incoming capacity, so the pool does not keep adding`() {
        var pool = Simulator(policy: Build.policy(), replicas: 2, loadSeconds: 120)
        pool.run(from: 0, to: 300) { _ in Simulator.Load(waiting: 60) }
        #expect(pool.replicas(at: 0) == 6)
        #expect(pool.steps.allSatisfy { $0.replicas == 6 })
        let whileLoading = pool.steps.first { $0.time == 60 }?.decision.proposals.first
        #expect(whileLoading?.unreadyPods == 4)
        #expect(whileLoading?.replicas == 6)
    }

    @Test func `a loading pod is never the one removed`() {
        var pool = Simulator(policy: Build.policy(behavior: Self.fastDown), replicas: 2, loadSeconds: 120)
        pool.step(at: 0, load: Simulator.Load(waiting: 60))
        #expect(pool.replicas == 6)
        let decision = pool.step(at: 30, load: Simulator.Load(waiting: 0))
        #expect(decision.desiredReplicas == 5)
        #expect(decision.limitReasons.contains(.coldStart))
        #expect(decision.podsToRemove == ["pod-0"])
        #expect(pool.pods.map(\.name) == ["pod-1", "pod-2", "pod-3", "pod-4", "pod-5"])
        pool.run(from: 45, to: 105) { _ in Simulator.Load(waiting: 0) }
        #expect(pool.replicas == 5)
        pool.run(from: 120, to: 150) { _ in Simulator.Load(waiting: 0) }
        #expect(pool.replicas == 1)
    }

    @Test func `missing signals hold, then the fallback holds steadily, then signals take over again`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.missingSignals = MissingSignalPolicy(fallback: Fallback(afterFailedIntervals: 3, replicas: 2))
        var pool = Simulator(policy: policy, replicas: 5)
        pool.run(from: 0, to: 180) { now in Simulator.Load(waiting: 50, isReported: now == 0 || now >= 120) }
        #expect(pool.replicas(at: 15) == 5)
        #expect(pool.reasons(at: 15).contains(.missingSignals))
        #expect(pool.replicas(at: 30) == 5)
        #expect(pool.replicas(at: 45) == 2)
        #expect(pool.reasons(at: 45).contains(.fallback))
        #expect(pool.steps.filter { $0.time >= 45 && $0.time < 120 }.allSatisfy { $0.replicas == 2 })
        #expect(pool.steps.first { $0.time == 60 }?.decision.condition("SignalsAvailable")?.reason == "FallbackActive")
        #expect(pool.replicas(at: 120) == 5)
        #expect(pool.steps.first { $0.time == 135 }?.decision.history.failedIntervals.isEmpty == true)
    }

    @Test func `an idle pool shrinks to its minimum, then to zero, and wakes on a waiting request`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.scaleToZero = ScaleToZeroPolicy(idleSeconds: 120)
        var pool = Simulator(policy: policy, replicas: 3)
        pool.reportsPoolQueue = true
        pool.run(from: 0, to: 300) { now in Simulator.Load(waiting: now >= 200 ? 3 : 0) }
        #expect(pool.replicas(at: 0) == 1)
        #expect(pool.replicas(at: 105) == 1)
        #expect(pool.replicas(at: 120) == 0)
        #expect(pool.reasons(at: 120).contains(.scaleToZero))
        #expect(pool.replicas(at: 195) == 0)
        #expect(pool.reasons(at: 195) == [.idle])
        #expect(pool.replicas(at: 210) == 1)
        #expect(pool.reasons(at: 210) == [.activation])
        #expect(pool.steps.first { $0.time == 210 }?.decision.condition("ScaledToZero")?.reason == "Activated")
    }

    @Test func `a pool never goes to zero while a pod is loading`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.scaleToZero = ScaleToZeroPolicy(idleSeconds: 30)
        var pool = Simulator(policy: policy, replicas: 0, loadSeconds: 600)
        pool.pods = [Simulator.Pod(name: "loading", readyAt: 600)]
        pool.run(from: 0, to: 300) { _ in Simulator.Load(waiting: 0) }
        #expect(pool.steps.allSatisfy { $0.replicas == 1 })
    }

    @Test func `Hold caps the pool at the GPUs there are and says so`() {
        var pool = Simulator(policy: Build.policy(), replicas: 2, gpuSlots: 4)
        pool.run(from: 0, to: 60) { _ in Simulator.Load(waiting: 100) }
        #expect(pool.steps.map(\.replicas) == [4, 4, 4, 4, 4])
        let last = pool.steps.last?.decision
        #expect(last?.limitReasons.contains(.capacityHold) == true)
        #expect(last?.condition("CapacityLimited")?.reason == "InsufficientGPU")
        #expect(last?.pendingForCapacity == 0)
    }

    @Test func `Pend asks for more than fits, reports the pending, and still scales down (kubernetes #79158)`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.capacity = .pend
        var pool = Simulator(policy: policy, replicas: 2, gpuSlots: 4)
        pool.run(from: 0, to: 60) { _ in Simulator.Load(waiting: 100) }
        #expect(pool.steps.map(\.replicas) == [6, 10, 10, 10, 10])
        let busy = pool.steps.last?.decision
        #expect(busy?.pendingForCapacity == 6)
        #expect(busy?.condition("CapacityLimited")?.reason == "WaitingForCapacity")
        let quiet = pool.step(at: 75, load: Simulator.Load(waiting: 20))
        #expect(quiet.desiredReplicas == 2)
        #expect(quiet.podsToRemove.count == 8)
        #expect(
            quiet.podsToRemove.prefix(6).allSatisfy {
                ["pod-4", "pod-5", "pod-6", "pod-7", "pod-8", "pod-9"].contains($0)
            }
        )
    }

    @Test func `pods pending for GPUs do not freeze the count inside the tolerance (kubernetes #79158)`() {
        let pods = Build.readyPods([Double](repeating: 9.5, count: 8)) + Build.pendingPods(2, from: 8)
        let state = PoolState(replicas: 10, pods: pods)
        var hold = Build.policy()
        hold.capacity = .hold
        let held = DecisionEngine.decide(policy: hold, state: state, history: ScalingHistory(), now: 0)
        #expect(held.proposals.first?.replicas == 10)
        #expect(held.desiredReplicas == 8)
        #expect(held.limitReasons.contains(.capacityHold))
        #expect(held.podsToRemove == ["pod-8", "pod-9"])
        var pend = hold
        pend.capacity = .pend
        let pending = DecisionEngine.decide(policy: pend, state: state, history: ScalingHistory(), now: 0)
        #expect(pending.desiredReplicas == 10)
        #expect(pending.pendingForCapacity == 2)
        #expect(pending.condition("CapacityLimited")?.reason == "WaitingForCapacity")
    }
}
