/// HPA's per-signal replica calculation, with PoolPilot's classification of LLM server pods.
///
/// Pods are grouped as HPA groups them: terminating and finished pods are ignored; Pending pods are
/// unready; Running pods without a fresh sample are missing. One deliberate difference: a Running
/// pod that is not Ready, still loading or inside its warm-up is unready too (HPA does this only for
/// CPU), because a model server that is loading reports zeros that say nothing about load.
enum ReplicaCalculator {
    /// Values within this distance below an integer are rounded to it before `ceil`, so that
    /// `0.7 / 0.5 × 5` gives 7, not 8.
    static let epsilon = 1e-9

    /// `ceil(value)`, robust against floating-point error just above an integer.
    static func ceiling(_ value: Double) -> Int {
        let limit = Double(Int32.max)
        guard value < limit else { return Int(Int32.max) }
        guard value > 0 else { return 0 }
        return Int((value - epsilon).rounded(.up))
    }

    /// The proposal of one signal.
    static func proposal(
        for signal: SignalTarget,
        policy: ScalingPolicy,
        state: PoolState,
        now: Double
    ) -> SignalProposal {
        if state.failedSignals.contains(signal.name) {
            return SignalProposal(signal: signal.name, status: .failed, source: signal.source, target: signal.target)
        }
        switch signal.source {
        case .pods: return podsProposal(for: signal, policy: policy, state: state, now: now)
        case .pool: return poolProposal(for: signal, policy: policy, state: state, now: now)
        }
    }

    /// HPA's `External` metric with an `AverageValue` target: `ceil(total / target)`.
    private static func poolProposal(
        for signal: SignalTarget,
        policy: ScalingPolicy,
        state: PoolState,
        now: Double
    ) -> SignalProposal {
        let stale = policy.missingSignals.staleAfterSeconds
        guard let sample = state.poolSignals[signal.name], sample.isUsable, !sample.isStale(now: now, staleAfter: stale)
        else {
            return SignalProposal(signal: signal.name, status: .missing, source: .pool, target: signal.target)
        }
        let current = state.replicas
        let wanted = ceiling(sample.value / signal.target)
        guard current > 0 else {
            return SignalProposal(
                signal: signal.name,
                status: .ok,
                source: .pool,
                observed: sample.value,
                target: signal.target,
                replicas: wanted
            )
        }
        let ratio = sample.value / (signal.target * Double(current))
        return SignalProposal(
            signal: signal.name,
            status: .ok,
            source: .pool,
            observed: sample.value,
            target: signal.target,
            ratio: ratio,
            replicas: policy.tolerance.contains(ratio) ? current : wanted
        )
    }

    /// HPA's `Pods` metric with an `AverageValue` target, including the missing/unready rebalance.
    private static func podsProposal(
        for signal: SignalTarget,
        policy: ScalingPolicy,
        state: PoolState,
        now: Double
    ) -> SignalProposal {
        let groups = PodGroups(pods: state.pods, signal: signal.name, policy: policy, now: now)
        let base = SignalProposal(
            signal: signal.name,
            status: .ok,
            target: signal.target,
            readyPods: groups.values.count,
            missingPods: groups.missing,
            unreadyPods: groups.unready
        )
        guard !groups.values.isEmpty else {
            var empty = base
            empty.status = groups.missing > 0 ? .missing : .noReadyPods
            return empty
        }

        // The fast path: nothing missing, and no unready pods to count as zero on a scale-up.
        let current = state.replicas
        let average = groups.values.reduce(0, +) / Double(groups.values.count)
        let ratio = average / signal.target
        var result = base
        result.observed = average
        result.ratio = ratio
        result.status = groups.missing > 0 ? .partial : .ok
        let scaleUpWithUnready = groups.unready > 0 && ratio > 1
        if !scaleUpWithUnready && groups.missing == 0 {
            let ready = Double(groups.values.count)
            result.replicas = policy.tolerance.contains(ratio) ? current : ceiling(ratio * ready)
            return result
        }

        // The rebalance: missing pods at target on a scale-down and at zero on a scale-up; unready
        // pods at zero on a scale-up. Keep the current count if the direction flips or the new ratio
        // falls within tolerance.
        var total = groups.values.reduce(0, +)
        var count = groups.values.count + groups.missing
        if ratio < 1 { total += Double(groups.missing) * signal.target }
        if scaleUpWithUnready { count += groups.unready }
        let newRatio = total / Double(count) / signal.target
        let flipped = (ratio > 1 && newRatio < 1) || (ratio < 1 && newRatio > 1)
        if policy.tolerance.contains(newRatio) || flipped {
            result.replicas = current
            return result
        }
        let rebalanced = ceiling(newRatio * Double(count))
        let wrongWay = (newRatio < 1 && rebalanced > current) || (newRatio > 1 && rebalanced < current)
        result.replicas = wrongWay ? current : rebalanced
        return result
    }
}

/// The pods of a pool grouped for one signal.
struct PodGroups {
    /// Fresh values from ready pods.
    var values: [Double] = []
    /// Ready pods without a fresh value.
    var missing = 0
    /// Pending, loading, not-ready or warming-up pods.
    var unready = 0

    init(pods: [PodState], signal: String, policy: ScalingPolicy, now: Double) {
        for pod in pods {
            switch PodClass(pod, policy: policy, now: now) {
            case .ignored: continue
            case .unready: unready += 1
            case .ready:
                let sample = pod.signals[signal]
                let stale = policy.missingSignals.staleAfterSeconds
                if let sample, sample.isUsable, !sample.isStale(now: now, staleAfter: stale) {
                    values.append(sample.value)
                } else {
                    missing += 1
                }
            }
        }
    }
}

/// How the engine sees one pod.
enum PodClass {
    /// Terminating, Succeeded or Failed: not part of the pool any more.
    case ignored
    /// Pending, loading, not Ready or warming up: capacity that is not serving yet.
    case unready
    /// Running and Ready: its signals count.
    case ready

    init(_ pod: PodState, policy: ScalingPolicy, now: Double) {
        if pod.isTerminating || pod.phase == .failed || pod.phase == .succeeded {
            self = .ignored
        } else if pod.phase != .running || !pod.isReady || pod.isLoading {
            self = .unready
        } else if let since = pod.readySince, now - since < policy.warmupSeconds {
            self = .unready
        } else {
            self = .ready
        }
    }
}
