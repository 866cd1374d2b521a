/// The steps beyond HPA: burst, cold start, scale to zero, activation and GPU capacity.
extension Run {
    /// The pool-level signal that wakes a pool at zero.
    static let activationSignal = SignalKind.waitingRequests.rawValue

    /// The fresh pool-level waiting-requests sample, if any.
    var activationSample: SignalSample? {
        guard let sample = state.poolSignals[Self.activationSignal], sample.isUsable,
            !sample.isStale(now: now, staleAfter: policy.missingSignals.staleAfterSeconds)
        else { return nil }
        return sample
    }

    /// Whether the activation source failed (reported as failed, or its sample is stale).
    var isActivationFailing: Bool {
        state.failedSignals.contains(Self.activationSignal) || state.poolSignals[Self.activationSignal] != nil
    }

    // MARK: - Zero

    /// Step 7 at zero: wake on waiting requests or the fallback, otherwise stay at zero.
    mutating func decideAtZero() {
        guard let zero = policy.scaleToZero else {
            // HPA's rule: a target scaled to zero by hand disables autoscaling.
            path = .disabled
            limits.append(Limit(.scalingDisabled, "the target was scaled to zero and scale-to-zero is off"))
            return
        }
        path = .atZero
        let waiting = activationSample?.value ?? 0
        let wakes = waiting > 0 && waiting >= zero.activationThreshold
        let poolDemand = proposals.filter { $0.status == .ok }.compactMap(\.replicas).max() ?? 0
        if wakes || poolDemand > 0 {
            desired = min(max(floor, poolDemand), policy.maxReplicas)
            history.idleSince = nil
            let what = wakes ? "\(Format.number(waiting)) requests are waiting" : "the pool signals ask for replicas"
            limits.append(Limit(.activation, "\(what) while the pool is at zero"))
        } else if isFallbackActive, let fallback = policy.missingSignals.fallback, fallback.replicas > 0 {
            desired = min(fallback.replicas, policy.maxReplicas)
            limits.append(Limit(.fallback, "signals keep failing at zero; holding the fallback of \(desired)"))
        } else {
            limits.append(Limit(.idle, "no requests waiting; staying at zero"))
            return
        }
        history.recommendations.append(Recommendation(time: now, replicas: desired))
    }

    /// Step 7 while serving: go from the minimum to zero after the idle period.
    mutating func applyScaleToZero() {
        guard let zero = policy.scaleToZero, isIdle else {
            history.idleSince = nil
            return
        }
        let since = history.idleSince ?? now
        history.idleSince = since
        let idleFor = now - since
        guard idleFor >= zero.idleSeconds, desired <= floor, current <= floor, !isBurstActive, !isFallbackActive
        else { return }
        desired = 0
        path = .scaledToZero
        limits.append(Limit(.scaleToZero, "no waiting or running requests for \(Format.number(idleFor)) s"))
    }

    /// Whether every pod is ready and reports zero waiting and zero running requests, nothing is
    /// loading or pending, and no requests wait at the pool level.
    var isIdle: Bool {
        let live = state.pods.filter { PodClass($0, policy: policy, now: now) != .ignored }
        guard !live.isEmpty else { return false }
        let stale = policy.missingSignals.staleAfterSeconds
        for pod in live {
            guard PodClass(pod, policy: policy, now: now) == .ready else { return false }
            for name in [SignalKind.waitingRequests.rawValue, SignalKind.runningRequests.rawValue] {
                guard let sample = pod.signals[name], sample.isUsable, !sample.isStale(now: now, staleAfter: stale),
                    sample.value == 0
                else { return false }
            }
        }
        if state.poolSignals[Self.activationSignal] != nil {
            guard let sample = activationSample, sample.value == 0 else { return false }
        }
        return true
    }

    // MARK: - Burst

    /// Step 5: jump to the short-window demand on a surge; hold scale-down until it has passed.
    mutating func applyBurst() {
        guard let burst = policy.burst else {
            history.burstLastSeen = nil
            return
        }
        let window = history.recommendations.filter { $0.time > now - burst.windowSeconds }
        let mean = Double(window.map(\.replicas).reduce(0, +)) / Double(max(window.count, 1))
        let demand = ReplicaCalculator.ceiling(mean)
        let capacity = max(1, servingOrStartingPods)
        if Double(demand) >= burst.factor * Double(capacity) {
            isBurstActive = true
            history.burstLastSeen = now
            let jump = min(demand, policy.maxReplicas)
            if jump > desired {
                desired = jump
                limits.removeAll { [LimitReason.scaleUpLimit, .scaleUpStabilized].contains($0.reason) }
                if rateLimit?.reason == .scaleUpLimit { rateLimit = nil }
                if stabilization?.reason == .scaleUpStabilized { stabilization = nil }
            }
            desired = max(desired, current)
            let ratio = Format.number(Double(demand) / Double(capacity))
            limits.append(
                Limit(
                    .burst,
                    "short-window demand of \(demand) is \(ratio)x the \(Format.pods(capacity)) serving or starting"
                )
            )
        } else if let last = history.burstLastSeen, now - last < burst.holdSeconds {
            isBurstActive = true
            if desired < current {
                desired = current
                let left = Format.number(burst.holdSeconds - (now - last))
                limits.append(Limit(.burst, "scale-down suppressed for \(left) s more after a burst"))
            }
        } else {
            history.burstLastSeen = nil
        }
    }

    /// Pods that serve or will soon: ready, loading, or pending for a reason other than capacity.
    var servingOrStartingPods: Int {
        state.pods.filter { pod in
            PodClass(pod, policy: policy, now: now) != .ignored && !pod.isPendingForCapacity
        }.count
    }

    // MARK: - Cold start

    /// Step 6: stop a scale-down short of removing loading pods.
    mutating func applyColdStart() {
        guard desired < current else { return }
        let live = state.pods.filter { PodClass($0, policy: policy, now: now) != .ignored }
        let loading = live.filter(\.isLoading).count
        guard loading > 0 else { return }
        let serving = live.filter { PodClass($0, policy: policy, now: now) == .ready }.count
        let keep = min(current, loading + min(1, serving))
        guard desired < keep else { return }
        desired = keep
        limits.append(
            Limit(.coldStart, "\(Format.pods(loading)) still loading the model are never removed")
        )
    }

    // MARK: - Capacity

    /// Step 8: cap at the GPU capacity (Hold) or report the pods that will pend (Pend).
    mutating func applyCapacity() {
        guard path != .invalidPolicy, path != .disabled else { return }
        // Replicas that hold (or will get) a GPU: every replica but the pods pending for capacity.
        // Replicas the state does not list yet count as placed, so a lagging pod list never
        // shrinks the pool.
        let waitingForCapacity = state.pods.filter {
            $0.isPendingForCapacity && PodClass($0, policy: policy, now: now) != .ignored
        }.count
        // With the headroom unknown, a pod that pends for capacity shows there is none right now.
        guard let headroom = state.gpuHeadroom ?? (waitingForCapacity > 0 ? 0 : nil) else { return }
        let placed = max(0, current - waitingForCapacity)
        let schedulable = placed + max(0, headroom)
        guard desired > schedulable else { return }
        switch policy.capacity {
        case .hold:
            let capped = max(schedulable, desired == 0 ? 0 : min(desired, floor))
            guard capped < desired else { return }
            desired = capped
            isCapacityHeld = true
            limits.append(
                Limit(
                    .capacityHold,
                    "the GPU nodes fit \(schedulable) (\(placed) placed, room for \(max(0, headroom)) more)"
                )
            )
        case .pend:
            pendingForCapacity = desired - schedulable
            limits.append(
                Limit(
                    .capacityPending,
                    "\(Format.pods(pendingForCapacity)) will pend until nodes with free GPUs are added"
                )
            )
        }
    }
}
