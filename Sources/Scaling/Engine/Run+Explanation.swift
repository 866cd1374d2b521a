/// The one-sentence explanation of a decision, for Events and `kubectl describe`.
extension Run {
    /// The sentence: the headline, up to three clauses for what shaped it, and a note on pods.
    func explanation() -> String {
        var sentence = headline()
        var clauses = path == .scaledToZero ? [] : Array(limits.compactMap(clause).prefix(3))
        if let note = podNote() { clauses.append(note) }
        if !clauses.isEmpty { sentence += "; " + clauses.joined(separator: "; ") }
        return sentence + "."
    }

    /// A note on pods the HPA would have miscounted: loading pods on the way up, pods pending for
    /// GPUs on the way down.
    private func podNote() -> String? {
        guard path == .normal else { return nil }
        let live = state.pods.filter { PodClass($0, policy: policy, now: now) != .ignored }
        let loading = live.filter(\.isLoading).count
        let pendingForGPU = live.filter(\.isPendingForCapacity).count
        if desired >= current, loading > 0, !limits.contains(where: { $0.reason == .coldStart }) {
            return "\(Format.pods(loading)) still loading count as incoming capacity"
        }
        if desired < current, pendingForGPU > 0 {
            return "\(Format.pods(pendingForGPU)) pending for GPUs do not hold the count and go first"
        }
        return nil
    }

    /// What happens and the main reason.
    private func headline() -> String {
        let verb =
            desired > current
            ? "Scaling up from \(current) to \(Format.replicas(desired))"
            : desired < current
                ? "Scaling down from \(current) to \(Format.replicas(desired))" : "Keeping \(Format.replicas(current))"
        switch path {
        case .invalidPolicy:
            return "\(verb) because the policy is invalid: \(firstMessage(.invalidPolicy))"
        case .disabled:
            return "\(verb) because the target was scaled to zero by hand and scale-to-zero is off"
        case .outOfBounds:
            return "\(verb) because \(firstMessage(.tooManyReplicas) + firstMessage(.tooFewReplicas))"
        case .scaledToZero:
            return "\(verb) because there were \(firstMessage(.scaleToZero))"
        case .atZero:
            if let activation = limits.first(where: { $0.reason == .activation }) {
                return "\(verb) because \(activation.message)"
            }
            return "\(verb) because \(firstMessage(.fallback) + firstMessage(.idle))"
        case .normal:
            guard let winner, let replicas = winner.replicas else {
                return "\(verb) because \(firstMessage(.missingSignals))"
            }
            let measurement = Self.describe(winner)
            if desired == current, replicas == current {
                return "\(verb) because \(winner.signal) is \(measurement), which asks for \(replicas)"
            }
            return "\(verb) because \(winner.signal) is \(measurement) and asks for \(replicas)"
        }
    }

    /// The clause a limit adds to the sentence; the winning signal and the headline's own reason add none.
    private func clause(_ limit: Limit) -> String? {
        switch limit.reason {
        case .signal, .invalidPolicy, .scalingDisabled, .idle, .activation, .scaleToZero:
            return nil
        case .tooManyReplicas, .tooFewReplicas:
            return path == .outOfBounds ? nil : limit.message
        case .missingSignals:
            return winner == nil && path == .normal ? nil : limit.message
        case .tolerance: return limit.message
        case .scaleUpStabilized: return "scale-up stabilization: \(limit.message)"
        case .scaleDownStabilized: return "scale-down stabilization: \(limit.message)"
        case .scaleUpLimit, .scaleDownLimit: return limit.message
        case .fallback: return path == .atZero ? nil : limit.message
        case .burst: return "burst mode: \(limit.message)"
        case .coldStart: return "cold start: \(limit.message)"
        case .capacityHold: return "GPU capacity: \(limit.message)"
        case .capacityPending: return "GPU capacity: \(limit.message)"
        }
    }

    /// The message of the first limit with `reason`, or an empty string.
    private func firstMessage(_ reason: LimitReason) -> String {
        limits.first { $0.reason == reason }?.message ?? ""
    }
}
