/// Turning a finished run into a ``Decision``: conditions, the explanation, pods to remove.
extension Run {
    /// The finished decision.
    func decision() -> Decision {
        Decision(
            desiredReplicas: desired,
            currentReplicas: current,
            proposals: proposals,
            limitedBy: limits,
            conditions: conditions(),
            explanation: explanation(),
            podsToRemove: podsToRemove(),
            pendingForCapacity: pendingForCapacity,
            history: history
        )
    }

    // MARK: - Conditions

    /// HPA's three conditions, then PoolPilot's for the features the policy uses.
    func conditions() -> [ScalingCondition] {
        var result = [ableToScale(), scalingActive(), scalingLimited()]
        if path == .invalidPolicy { return result }
        result.append(signalsAvailable())
        if policy.burst != nil {
            result.append(
                isBurstActive
                    ? ScalingCondition(type: "Burst", status: true, reason: "BurstActive", message: message(.burst))
                    : ScalingCondition(type: "Burst", status: false, reason: "Steady", message: "no burst")
            )
        }
        if policy.scaleToZero != nil { result.append(scaledToZero()) }
        if state.gpuHeadroom != nil || isCapacityHeld || pendingForCapacity > 0 { result.append(capacityLimited()) }
        return result
    }

    private func ableToScale() -> ScalingCondition {
        if path == .invalidPolicy {
            return ScalingCondition(
                type: "AbleToScale",
                status: false,
                reason: "InvalidPolicy",
                message: message(.invalidPolicy)
            )
        }
        if let stabilization {
            return ScalingCondition(
                type: "AbleToScale",
                status: true,
                reason: stabilization.reason.rawValue,
                message: stabilization.message
            )
        }
        return ScalingCondition(
            type: "AbleToScale",
            status: true,
            reason: "ReadyForNewScale",
            message: "recommended size matches current size"
        )
    }

    private func scalingActive() -> ScalingCondition {
        switch path {
        case .invalidPolicy:
            return ScalingCondition(
                type: "ScalingActive",
                status: false,
                reason: "InvalidPolicy",
                message: message(.invalidPolicy)
            )
        case .disabled:
            return ScalingCondition(
                type: "ScalingActive",
                status: false,
                reason: "ScalingDisabled",
                message: "scaling is disabled since the replica count of the target is zero"
            )
        default: break
        }
        let measured = proposals.filter { $0.replicas != nil }.map(\.signal)
        if !measured.isEmpty || path == .atZero {
            let what = measured.isEmpty ? "the pool's waiting requests" : measured.joined(separator: ", ")
            return ScalingCondition(
                type: "ScalingActive",
                status: true,
                reason: "ValidMetricFound",
                message: "the replica count is computed from \(what)"
            )
        }
        let external = policy.signals.contains { $0.source == .pool }
        return ScalingCondition(
            type: "ScalingActive",
            status: false,
            reason: external ? "FailedGetExternalMetric" : "FailedGetPodsMetric",
            message: message(.missingSignals)
        )
    }

    private func scalingLimited() -> ScalingCondition {
        if let rateLimit {
            return ScalingCondition(
                type: "ScalingLimited",
                status: true,
                reason: rateLimit.reason.rawValue,
                message: rateLimit.message
            )
        }
        return ScalingCondition(
            type: "ScalingLimited",
            status: false,
            reason: "DesiredWithinRange",
            message: "the desired count is within the acceptable range"
        )
    }

    private func signalsAvailable() -> ScalingCondition {
        let unhealthy = proposals.filter { $0.status != .ok && $0.status != .noReadyPods }
        if isFallbackActive {
            return ScalingCondition(
                type: "SignalsAvailable",
                status: false,
                reason: "FallbackActive",
                message: message(.fallback)
            )
        }
        guard !unhealthy.isEmpty else {
            return ScalingCondition(
                type: "SignalsAvailable",
                status: true,
                reason: "AllSignalsPresent",
                message: "every signal was measured"
            )
        }
        let described = unhealthy.map(describeHealth)
        let partialOnly = unhealthy.allSatisfy { $0.status == .partial }
        return ScalingCondition(
            type: "SignalsAvailable",
            status: false,
            reason: partialOnly ? "SignalsPartial" : "SignalsMissing",
            message: described.joined(separator: "; ") + "; no scale-down until they return"
        )
    }

    private func scaledToZero() -> ScalingCondition {
        if desired == 0 {
            return ScalingCondition(type: "ScaledToZero", status: true, reason: "Idle", message: "the pool is at zero")
        }
        if current == 0 {
            return ScalingCondition(
                type: "ScaledToZero",
                status: false,
                reason: "Activated",
                message: message(.activation)
            )
        }
        return ScalingCondition(type: "ScaledToZero", status: false, reason: "Serving", message: "the pool is serving")
    }

    private func capacityLimited() -> ScalingCondition {
        if isCapacityHeld {
            return ScalingCondition(
                type: "CapacityLimited",
                status: true,
                reason: "InsufficientGPU",
                message: message(.capacityHold)
            )
        }
        if pendingForCapacity > 0 {
            return ScalingCondition(
                type: "CapacityLimited",
                status: true,
                reason: "WaitingForCapacity",
                message: message(.capacityPending)
            )
        }
        return ScalingCondition(
            type: "CapacityLimited",
            status: false,
            reason: "CapacityAvailable",
            message: "the GPU nodes fit the desired replicas"
        )
    }

    /// The message of the first limit with `reason`, or an empty string.
    private func message(_ reason: LimitReason) -> String {
        limits.first { $0.reason == reason }?.message ?? ""
    }

    // MARK: - Pods to remove

    /// The pods to remove first when scaling down: pending for capacity, other pending, not ready,
    /// then the least loaded ready pods; never a loading pod.
    func podsToRemove() -> [String] {
        guard desired < current else { return [] }
        let firstSignal = policy.signals.first?.name ?? ""
        func rank(_ pod: PodState) -> Int? {
            guard !pod.isLoading, PodClass(pod, policy: policy, now: now) != .ignored else { return nil }
            if pod.isPendingForCapacity { return 0 }
            if pod.phase == .pending { return 1 }
            return PodClass(pod, policy: policy, now: now) == .ready ? 3 : 2
        }
        let candidates = state.pods.compactMap { pod in rank(pod).map { (pod, $0) } }
        let sorted = candidates.sorted { left, right in
            if left.1 != right.1 { return left.1 < right.1 }
            let leftLoad = left.0.signals[firstSignal]?.value ?? -1
            let rightLoad = right.0.signals[firstSignal]?.value ?? -1
            if leftLoad != rightLoad { return leftLoad < rightLoad }
            return left.0.name < right.0.name
        }
        return sorted.prefix(current - desired).map(\.0.name)
    }
}
