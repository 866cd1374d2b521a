import Scaling

/// Random policies, states and histories for the property tests.
struct RandomScenarios {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &random)
    }

    mutating func chance(_ probability: Double) -> Bool {
        double(0...1) < probability
    }

    mutating func rules(down: Bool) -> ScalingRules {
        var policies: [RatePolicy] = []
        for _ in 0..<int(1...2) {
            let period = Double(15 * int(1...6))
            policies.append(
                chance(0.5)
                    ? RatePolicy(type: .pods, value: int(1...5), periodSeconds: period)
                    : RatePolicy(type: .percent, value: int(10...100), periodSeconds: period)
            )
        }
        let select: SelectPolicy = chance(0.5) ? .max : .min
        let window = down ? Double(15 * int(0...8)) : Double(15 * int(0...2))
        return ScalingRules(stabilizationWindowSeconds: window, policies: policies, selectPolicy: select)
    }

    mutating func behavior() -> ScalingBehavior? {
        switch int(0...2) {
        case 0: return nil
        case 1: return .hpaDefault
        default: return ScalingBehavior(scaleUp: rules(down: false), scaleDown: rules(down: true))
        }
    }

    mutating func policy() -> ScalingPolicy {
        let minimum = int(1...4)
        var policy = ScalingPolicy(
            minReplicas: minimum,
            maxReplicas: int(minimum...30),
            signals: [SignalTarget(kind: .waitingRequests, target: Double(int(1...10)))],
            tolerance: Tolerance(scaleUp: double(0...0.3), scaleDown: double(0...0.3)),
            behavior: behavior()
        )
        if chance(0.3) { policy.signals.append(SignalTarget(kind: .kvCacheUtilization, target: double(0.3...0.9))) }
        if chance(0.4) { policy.burst = BurstPolicy(factor: double(1.5...3), windowSeconds: 15, holdSeconds: 60) }
        if chance(0.3) {
            policy.missingSignals.fallback = Fallback(afterFailedIntervals: int(1...3), replicas: int(0...10))
        }
        policy.capacity = chance(0.5) ? .hold : .pend
        return policy
    }

    /// A pod in a random condition; ready pods report values scaled by `load`.
    mutating func pod(_ index: Int, policy: ScalingPolicy) -> PodState {
        let name = "pod-\(index)"
        switch int(0...9) {
        case 0: return PodState(name: name, phase: .pending, isReady: false, pendingReason: .insufficientGPU)
        case 1: return PodState(name: name, isReady: false, isLoading: true)
        case 2: return PodState(name: name)
        default:
            var signals: [String: SignalSample] = [:]
            for signal in policy.signals {
                signals[signal.name] = SignalSample(double(0...3) * signal.target)
            }
            return PodState(name: name, signals: signals)
        }
    }

    mutating func state(policy: ScalingPolicy, current: Int) -> PoolState {
        PoolState(
            replicas: current,
            pods: (0..<current).map { pod($0, policy: policy) },
            gpuHeadroom: chance(0.3) ? int(0...5) : nil
        )
    }

    mutating func history(now: Double, current: Int) -> ScalingHistory {
        var history = ScalingHistory()
        var time = now - 300
        while time < now {
            if chance(0.5) { history.recommendations.append(Recommendation(time: time, replicas: int(1...30))) }
            time += 15
        }
        return history
    }
}

extension PoolState {
    /// The same state with every signal value multiplied by `factor`.
    func scaled(by factor: Double) -> PoolState {
        var copy = self
        copy.pods = pods.map { pod in
            var scaled = pod
            scaled.signals = pod.signals.mapValues { SignalSample($0.value * factor, observedAt: $0.observedAt) }
            return scaled
        }
        copy.poolSignals = poolSignals.mapValues { SignalSample($0.value * factor, observedAt: $0.observedAt) }
        return copy
    }
}
