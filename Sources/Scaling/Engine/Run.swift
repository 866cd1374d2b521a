/// One decision in progress: the engine's steps over a working copy of the inputs.
struct Run {
    /// Which path the decision took, for the conditions and the explanation.
    enum Path: Equatable {
        case normal
        case outOfBounds
        case invalidPolicy
        case disabled
        case atZero
        case scaledToZero
    }

    let policy: ScalingPolicy
    let state: PoolState
    let now: Double
    /// The replica count the decision starts from (never negative).
    let current: Int
    /// The history being updated; it becomes ``Decision/history``.
    var history: ScalingHistory
    var path = Path.normal
    var proposals: [SignalProposal] = []
    /// What shaped the result so far, in step order.
    var limits: [Limit] = []
    /// The replica count so far; each step may change it.
    var desired: Int
    /// The proposal that won step 2, if any signal proposed.
    var winner: SignalProposal?
    /// What stabilization did, for `AbleToScale`.
    var stabilization: Limit?
    /// What a rate policy or a bound did, for `ScalingLimited`.
    var rateLimit: Limit?
    var isFallbackActive = false
    var isBurstActive = false
    var isCapacityHeld = false
    /// Replicas asked for beyond GPU capacity under policy Pend.
    var pendingForCapacity = 0

    init(policy: ScalingPolicy, state: PoolState, history: ScalingHistory, now: Double) {
        self.policy = policy
        self.state = state
        self.history = history
        self.now = now
        current = max(0, state.replicas)
        desired = current
    }

    /// The lower bound while serving; zero is reached only through scale-to-zero.
    var floor: Int { max(policy.minReplicas, 1) }

    /// Runs every step; the result is read with ``decision()``.
    mutating func execute() {
        let problems = policy.problems
        guard problems.isEmpty else {
            path = .invalidPolicy
            limits.append(Limit(.invalidPolicy, problems.joined(separator: "; ")))
            return
        }
        proposals = policy.signals.map {
            ReplicaCalculator.proposal(for: $0, policy: policy, state: state, now: now)
        }
        pruneHistory()
        countFailures()

        if current == 0 {
            decideAtZero()
        } else if current > policy.maxReplicas || current < floor {
            // HPA's rule: outside the bounds, go straight to the nearest bound.
            path = .outOfBounds
            desired = min(max(current, floor), policy.maxReplicas)
            let limit =
                current > policy.maxReplicas
                ? Limit(.tooManyReplicas, "current replicas are above maxReplicas \(policy.maxReplicas)")
                : Limit(.tooFewReplicas, "current replicas are below minReplicas \(floor)")
            limits.append(limit)
            rateLimit = limit
            history.recommendations.append(Recommendation(time: now, replicas: desired))
        } else {
            decideServing()
        }
        applyCapacity()
        if desired != current {
            history.scaleEvents.append(ScaleEvent(time: now, from: current, to: desired))
        }
    }

    /// Steps 2 to 7 for a pool that is serving and within its bounds.
    private mutating func decideServing() {
        var raw = combinedProposal()
        raw = applyFallback(to: raw)
        let outcome = Normalizer(policy: policy, history: history, now: now, current: current).normalize(raw)
        history.recommendations.append(Recommendation(time: now, replicas: raw))
        desired = outcome.replicas
        stabilization = outcome.stabilization
        rateLimit = outcome.rateLimit
        limits.append(contentsOf: [outcome.stabilization, outcome.rateLimit].compactMap { $0 })
        applyBurst()
        applyColdStart()
        applyScaleToZero()
    }

    // MARK: - Signals

    /// The largest proposal, held at the current count when signals are missing and it is lower.
    private mutating func combinedProposal() -> Int {
        var best: SignalProposal?
        for proposal in proposals {
            guard let replicas = proposal.replicas else { continue }
            if replicas > (best?.replicas ?? Int.min) { best = proposal }
        }
        guard let best, let replicas = best.replicas else {
            let states = proposals.map(describeHealth)
            limits.append(Limit(.missingSignals, "no signal could be measured: \(states.joined(separator: " and "))"))
            return current
        }
        winner = best
        limits.append(Limit(.signal, "\(best.signal) \(Self.describe(best)) proposes \(replicas)"))
        if replicas == current, let ratio = best.ratio, policy.tolerance.contains(ratio) {
            limits.append(Limit(.tolerance, "\(best.signal) is within tolerance of its target"))
        }
        let unhealthy = proposals.filter { $0.status != .ok }
        if replicas < current, !unhealthy.isEmpty {
            let names = unhealthy.map(describeHealth)
            limits.append(Limit(.missingSignals, "no scale-down while \(names.joined(separator: " and "))"))
            return current
        }
        return replicas
    }

    /// Counts consecutive failed intervals per signal; at zero, also the activation source.
    private mutating func countFailures() {
        var failedNow: Set<String> = []
        for proposal in proposals {
            if proposal.status.isFailure {
                history.failedIntervals[proposal.signal, default: 0] += 1
                failedNow.insert(proposal.signal)
            } else if proposal.status != .noReadyPods {
                history.failedIntervals[proposal.signal] = nil
            }
        }
        let activation = Self.activationSignal
        if current == 0, policy.scaleToZero != nil, !failedNow.contains(activation) {
            if activationSample == nil && isActivationFailing {
                history.failedIntervals[activation, default: 0] += 1
            } else if activationSample != nil {
                history.failedIntervals[activation] = nil
            }
        }
        if let fallback = policy.missingSignals.fallback {
            isFallbackActive = history.failedIntervals.values.contains { $0 >= fallback.afterFailedIntervals }
        }
    }

    /// The raw recommendation once the fallback applies, if it does.
    private mutating func applyFallback(to raw: Int) -> Int {
        guard isFallbackActive, let fallback = policy.missingSignals.fallback else { return raw }
        let held = fallback.mode == .static ? fallback.replicas : max(current, fallback.replicas)
        let working = proposals.filter { !$0.status.isFailure }.compactMap(\.replicas).max() ?? 0
        let failing = history.failedIntervals.filter { $0.value >= fallback.afterFailedIntervals }.keys.sorted()
        limits.removeAll { $0.reason == .missingSignals }
        limits.append(
            Limit(
                .fallback,
                "\(failing.joined(separator: ", ")) failed \(fallback.afterFailedIntervals)+ times in a row; "
                    + "holding the fallback of \(fallback.replicas)"
            )
        )
        return max(held, working)
    }

    // MARK: - History

    /// Drops recommendations older than every window and scale events older than every period.
    private mutating func pruneHistory() {
        let behavior = policy.behavior
        let windows = [
            behavior?.scaleUp.stabilizationWindowSeconds ?? 0,
            behavior?.scaleDown.stabilizationWindowSeconds ?? HPADefaults.scaleDownStabilizationSeconds,
            policy.burst?.windowSeconds ?? 0,
        ]
        let keepRecommendations = windows.max() ?? 0
        history.recommendations.removeAll { $0.time < now - keepRecommendations || $0.time > now }
        let periods = [behavior?.scaleUp.longestPeriodSeconds ?? 0, behavior?.scaleDown.longestPeriodSeconds ?? 0]
        let keepEvents = periods.max() ?? 0
        history.scaleEvents.removeAll { $0.time <= now - keepEvents || $0.time > now }
    }

    /// What is wrong with a signal, as in "kvCacheUtilization is missing or stale on 2 of 4 ready pods".
    func describeHealth(_ proposal: SignalProposal) -> String {
        var text: String
        switch proposal.status {
        case .ok: text = "\(proposal.signal) is measured"
        case .partial:
            let ready = proposal.readyPods + proposal.missingPods
            text = "\(proposal.signal) is missing or stale on \(proposal.missingPods) of \(ready) ready pods"
        case .missing: text = "\(proposal.signal) is missing on every ready pod"
        case .failed: text = "\(proposal.signal)'s source failed"
        case .noReadyPods: text = "no pod is ready to measure \(proposal.signal)"
        }
        if proposal.status != .ok, let seconds = state.missingSeconds[proposal.signal] {
            text += " (for \(Format.number(seconds)) s)"
        }
        return text
    }

    /// A measurement in words, as in "at 12 per replica against a target of 5".
    static func describe(_ proposal: SignalProposal) -> String {
        guard let observed = proposal.observed else { return "(\(proposal.status.rawValue.lowercased()))" }
        let scope = proposal.source == .pool ? "in total" : "per replica"
        return "at \(Format.number(observed)) \(scope) against a target of \(Format.number(proposal.target))"
    }
}
