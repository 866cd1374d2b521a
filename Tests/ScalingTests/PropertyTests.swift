import Scaling
import Testing

/// Properties that must hold for any policy, state and history; each run is seeded, so a failure
/// names the seed that reproduces it.
@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func `desired stays within the bounds`(seed: UInt64) {
        var generator = RandomScenarios(seed: seed)
        for _ in 0..<50 {
            let policy = generator.policy()
            let current = generator.int(1...40)
            let state = generator.state(policy: policy, current: current)
            let history = generator.history(now: 1000, current: current)
            let decision = DecisionEngine.decide(policy: policy, state: state, history: history, now: 1000)
            #expect(
                (policy.minReplicas...policy.maxReplicas).contains(decision.desiredReplicas),
                "seed \(seed): \(decision.explanation)"
            )
        }
    }

    @Test(arguments: seeds)
    func `the same inputs give the same decision`(seed: UInt64) {
        var generator = RandomScenarios(seed: seed)
        let policy = generator.policy()
        let current = generator.int(1...policy.maxReplicas)
        let state = generator.state(policy: policy, current: current)
        let history = generator.history(now: 1000, current: current)
        let first = DecisionEngine.decide(policy: policy, state: state, history: history, now: 1000)
        let second = DecisionEngine.decide(policy: policy, state: state, history: history, now: 1000)
        #expect(first == second)
    }

    @Test(arguments: seeds)
    func `more load never asks for fewer replicas`(seed: UInt64) {
        var generator = RandomScenarios(seed: seed)
        for _ in 0..<50 {
            let policy = generator.policy()
            let current = generator.int(policy.minReplicas...policy.maxReplicas)
            let state = generator.state(policy: policy, current: current)
            let history = generator.history(now: 1000, current: current)
            let factor = generator.double(1...4)
            let lower = DecisionEngine.decide(policy: policy, state: state, history: history, now: 1000)
            let higher = DecisionEngine.decide(
                policy: policy,
                state: state.scaled(by: factor),
                history: history,
                now: 1000
            )
            #expect(
                higher.desiredReplicas >= lower.desiredReplicas,
                "seed \(seed) x\(factor): \(lower.explanation) / \(higher.explanation)"
            )
        }
    }

    @Test(arguments: seeds)
    func `a constant load never makes the pool oscillate`(seed: UInt64) {
        var generator = RandomScenarios(seed: seed)
        let policy = generator.policy()
        let start = generator.int(policy.minReplicas...policy.maxReplicas)
        let waiting = generator.double(0...200)
        var pool = Simulator(policy: policy, replicas: start, loadSeconds: Double(15 * generator.int(0...8)))
        pool.run(from: 0, to: 1200) { _ in Simulator.Load(waiting: waiting) }
        let sizes = [start] + pool.steps.map(\.replicas)
        var direction = 0
        for (before, after) in zip(sizes, sizes.dropFirst()) where before != after {
            let step = after > before ? 1 : -1
            #expect(direction == 0 || direction == step, "seed \(seed): \(sizes)")
            direction = step
        }
        #expect(Set(pool.steps.suffix(20).map(\.replicas)).count == 1, "seed \(seed): \(sizes)")
    }

    @Test(arguments: seeds)
    func `scale-down is never faster than the policies allow`(seed: UInt64) {
        var generator = RandomScenarios(seed: seed)
        var policy = generator.policy()
        let down = generator.rules(down: true)
        policy.behavior = ScalingBehavior(scaleUp: .defaultScaleUp, scaleDown: down)
        policy.burst = nil
        let start = policy.maxReplicas
        let peak = generator.double(50...400)
        var pool = Simulator(policy: policy, replicas: start)
        pool.run(from: 0, to: 900) { now in
            Simulator.Load(waiting: max(0, peak * (1 - now / 600)), isReported: Int(now) % 150 != 75)
        }
        for (index, step) in pool.steps.enumerated() {
            let before = index == 0 ? start : pool.steps[index - 1].replicas
            guard step.replicas < before else { continue }
            let bounds = down.policies.map { rate -> Int in
                let startTime = step.time - rate.periodSeconds
                let atStart = pool.steps.last { $0.time <= startTime }?.replicas ?? start
                switch rate.type {
                case .pods: return atStart - rate.value
                case .percent: return Int(Double(atStart) * (1 - Double(rate.value) / 100) + 1e-9)
                }
            }
            let allowed = down.selectPolicy == .min ? bounds.max() ?? 0 : bounds.min() ?? 0
            #expect(step.replicas >= max(allowed, policy.minReplicas), "seed \(seed) at \(step.time)")
        }
    }
}
