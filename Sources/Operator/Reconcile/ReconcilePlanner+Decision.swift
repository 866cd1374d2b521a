extension ReconcilePlanner {
    /// The replica count to run and whether PoolPilot may write it.
    struct ReplicaDecision {
        var desired: Int?
        var mayWrite: Bool
        var isActive: Bool
        var activeReason: String
        var activeMessage: String
        var explanation: String
        var conflict: String?
    }

    /// Chooses between a conflict, a pause, a manual hold and the engine's verdict, in that order.
    static func replicaDecision(
        _ inputs: ReconcileInputs,
        deployment: DeploymentSnapshot,
        conflicting: [AutoscalerReference],
        owner: PoolReference? = nil
    ) -> ReplicaDecision {
        let spec = inputs.pool.spec
        let current = deployment.specReplicas
        if let owner, conflicting.isEmpty {
            let message =
                "InferencePool \(owner.name) already manages Deployment \(deployment.name) (it is older); "
                + "PoolPilot writes neither its replicas nor its pod template for this pool until one of them "
                + "targets another Deployment."
            return ReplicaDecision(
                desired: nil,
                mayWrite: false,
                isActive: false,
                activeReason: "Conflict",
                activeMessage: message,
                explanation: message,
                conflict: message
            )
        }
        if !conflicting.isEmpty {
            var others = conflicting.map { "\($0.kind) \($0.name)" }
            if let owner { others.append("InferencePool \(owner.name)") }
            let names = others.joined(separator: ", ")
            let message =
                "\(names) already scales Deployment \(deployment.name); PoolPilot does not write its replicas "
                + "until that autoscaler is removed."
            return ReplicaDecision(
                desired: inputs.verdict?.desiredReplicas,
                mayWrite: false,
                isActive: false,
                activeReason: "Conflict",
                activeMessage: message,
                explanation: message,
                conflict: message
            )
        }
        if spec.paused {
            let message = "The pool is paused; PoolPilot reads signals but does not write the Deployment."
            return ReplicaDecision(
                desired: inputs.verdict?.desiredReplicas,
                mayWrite: false,
                isActive: false,
                activeReason: "Paused",
                activeMessage: message,
                explanation: message
            )
        }
        if let hold = spec.replicas {
            let message =
                "Held at \(hold) replicas by spec.replicas (kubectl scale ipool); remove it to resume autoscaling."
            let explanation =
                hold == current ? message : "Scaled from \(current) to \(hold) replicas: a manual hold (spec.replicas)."
            return ReplicaDecision(
                desired: hold,
                mayWrite: true,
                isActive: false,
                activeReason: "ManualHold",
                activeMessage: message,
                explanation: explanation
            )
        }
        // A hold of 0 that PoolPilot itself wrote was removed: resume at minReplicas, then autoscale.
        // (Only a Deployment scaled to zero by someone else stops autoscaling, as with an HPA.)
        if current == 0, spec.scaleToZero?.enabled != true, let last = inputs.pool.status.scalingHistory.last,
            last.to == 0, last.reason != EventReason.ManualScale.rawValue
        {
            let resume = max(1, spec.minReplicas)
            let message =
                "Scaled from 0 to \(resume) replicas: the hold of 0 (spec.replicas) was removed, so the pool "
                + "resumes at minReplicas and autoscales from there."
            return ReplicaDecision(
                desired: resume,
                mayWrite: true,
                isActive: true,
                activeReason: "HoldRemoved",
                activeMessage: message,
                explanation: message
            )
        }
        guard let verdict = inputs.verdict else {
            let message = inputs.metricsError.map { "No decision: \($0)." } ?? "No decision was made."
            return ReplicaDecision(
                desired: nil,
                mayWrite: false,
                isActive: false,
                activeReason: "FailedGetMetrics",
                activeMessage: message,
                explanation: message
            )
        }
        return ReplicaDecision(
            desired: verdict.desiredReplicas,
            mayWrite: true,
            isActive: verdict.isScalingActive,
            activeReason: verdict.isScalingActive
                ? "ValidMetricFound"
                : (verdict.limits.contains(.scalingDisabled) ? "ScalingDisabled" : "FailedGetMetrics"),
            activeMessage: verdict.explanation,
            explanation: verdict.explanation
        )
    }

    /// Sets MetricsAvailable and the signal summary in status.
    ///
    /// True only when signals were actually read: with no ready pod (only Pending pods, or none)
    /// nothing was read (`NoReadyPods`), and a failed or partial read is `ScrapeFailed`.
    static func reportSignals(
        _ inputs: ReconcileInputs,
        status: inout InferencePoolStatus,
        conditions: inout ConditionSet,
        events: inout [PlannedEvent]
    ) {
        let verdict = inputs.verdict
        status.currentMetrics = verdict?.signals ?? []
        status.waitingPerReplica = verdict?.signals.first { $0.name == "waitingRequestsPerReplica" }?.current
        status.gpuMemoryUtilization = verdict?.signals.first { $0.name == "gpuMemoryUtilization" }?.current
        let unavailable: (reason: String, message: String)?
        if let error = inputs.metricsError {
            unavailable = (
                "ScrapeFailed",
                "Signals could not be read: \(error). Replicas are held; PoolPilot never scales down on missing signals."
            )
        } else if let verdict, !verdict.missingSignals.isEmpty {
            unavailable = (
                "ScrapeFailed",
                "Missing signals: \(verdict.missingSignals.joined(separator: ", ")). \(verdict.explanation)"
            )
        } else if let verdict, !verdict.signals.contains(where: { $0.current != nil }) {
            unavailable =
                verdict.hasNoReadyPods
                ? ("NoReadyPods", "No pod is ready, so no signal could be read; replicas are not scaled down.")
                : ("ScrapeFailed", "No signal could be read in the last interval; replicas are not scaled down.")
        } else {
            unavailable = nil
        }
        if let unavailable {
            conditions.set(.MetricsAvailable, false, reason: unavailable.reason, message: unavailable.message)
            if conditions.turned(.MetricsAvailable, to: false) {
                events.append(PlannedEvent(.MetricsUnavailable, unavailable.message))
            }
        } else if verdict != nil {
            conditions.set(
                .MetricsAvailable,
                true,
                reason: "MetricsRead",
                message: "Every signal was read in the last interval."
            )
        }
    }

    /// Sets CapacityAvailable from the nodes' free GPUs, unschedulable pool pods and the capacity cap.
    ///
    /// Pods that wait only because they were just created are no shortage; only pods the scheduler
    /// marked `Unschedulable`, replicas asked beyond what fits (policy Pend) and a capacity cap
    /// (policy Hold) are. The condition and the Event share one message, so their numbers agree.
    static func reportCapacity(_ inputs: ReconcileInputs, conditions: inout ConditionSet, events: inout [PlannedEvent])
    {
        let capacity = inputs.capacity
        let verdict = inputs.verdict
        let held = verdict?.limits.contains(.capacity) ?? false
        let pending = max(capacity.pendingReplicas, verdict?.pendingForCapacity ?? 0)
        guard held || pending > 0 else {
            conditions.set(.CapacityAvailable, true, reason: "CapacityAvailable", message: capacity.summary + ".")
            return
        }
        var message = capacity.summary
        message += held ? "; replicas are capped there (capacityPolicy Hold)." : "; \(pending) replicas are pending."
        if let why = capacity.pendingMessage { message += " Scheduler: \(why)" }
        conditions.set(.CapacityAvailable, false, reason: "CapacityExhausted", message: message)
        if conditions.turned(.CapacityAvailable, to: false) {
            events.append(PlannedEvent(.CapacityExhausted, message))
        }
    }

    /// Sets ScalingLimited from what limited the verdict.
    ///
    /// The message names the limit only (the ScaledUp/ScaledDown Event already explains the
    /// decision). A Warning is recorded only when the condition turns True, or to another reason,
    /// because of maxReplicas, capacity or a rate policy; a pool resting at minReplicas is normal.
    static func reportLimits(_ inputs: ReconcileInputs, conditions: inout ConditionSet, events: inout [PlannedEvent]) {
        let spec = inputs.pool.spec
        let order: [EngineVerdict.Limit] = [.maxReplicas, .capacity, .ratePolicy, .minReplicas]
        let limits = order.filter { inputs.verdict?.limits.contains($0) ?? false }
        guard let verdict = inputs.verdict, let limit = limits.first, spec.replicas == nil else {
            conditions.set(
                .ScalingLimited,
                false,
                reason: "DesiredWithinRange",
                message: "The desired count is within limits."
            )
            return
        }
        let desired = verdict.desiredReplicas
        let reason: String
        let message: String
        switch limit {
        case .maxReplicas:
            reason = "TooManyReplicas"
            message = "The signals ask for more replicas than maxReplicas; the pool is capped at \(spec.maxReplicas)."
        case .capacity:
            reason = "CapacityLimited"
            message =
                "The pool is capped at \(desired) replicas, what the matching GPU nodes can run (capacityPolicy Hold)."
        case .ratePolicy:
            reason = "ScaleRateLimited"
            message = "A scaling rate policy limits this step to \(desired) replicas."
        default:
            reason = "TooFewReplicas"
            message = "The signals ask for fewer replicas than minReplicas; the pool is kept at \(spec.minReplicas)."
        }
        conditions.set(.ScalingLimited, true, reason: reason, message: message)
        if limit != .minReplicas, conditions.turned(.ScalingLimited, to: true) {
            events.append(PlannedEvent(.ScaleLimited, message))
        }
    }
}
