/// The pure middle of a reconcile: from what was read to what to write, report and record.
///
/// Reconciling is gather (I/O) → ``plan(_:)`` (pure) → act (I/O). Every decision about writes,
/// conditions and Events is made here from plain values, so the paths (invalid spec, missing
/// target, conflicts, holds, capacity, template placement) are tested without a cluster.
public enum ReconcilePlanner {
    /// Plans one reconcile.
    public static func plan(_ inputs: ReconcileInputs) -> ReconcilePlan {
        let spec = inputs.pool.spec
        var status = inputs.pool.status
        status.observedGeneration = inputs.pool.generation
        var conditions = ConditionSet(
            previous: inputs.pool.status.conditions,
            now: inputs.now,
            generation: inputs.pool.generation
        )
        var events: [PlannedEvent] = []
        var plan = ReconcilePlan(
            replicaWrite: nil,
            templateWrite: nil,
            templateChanges: [],
            status: status,
            events: [],
            requeueAfterSeconds: max(1, spec.metrics.intervalSeconds)
        )

        // A spec with problems is reported and never acted on.
        let problems = SpecValidator.problems(in: spec)
        if !problems.isEmpty {
            let message = "The spec is invalid: " + problems.joined(separator: "; ") + "."
            conditions.set(.Ready, false, reason: "InvalidSpec", message: message)
            conditions.set(.ScalingActive, false, reason: "InvalidSpec", message: message)
            if conditions.turned(.Ready, to: false) || inputs.pool.status.condition(.Ready)?.message != message {
                events.append(PlannedEvent(.InvalidSpec, message))
            }
            return finish(plan, status: status, conditions: conditions, events: events)
        }

        guard let deployment = inputs.deployment else {
            let message = "Deployment \(spec.targetRef.name) was not found in namespace \(inputs.pool.namespace)."
            conditions.set(.Ready, false, reason: "TargetNotFound", message: message)
            conditions.set(.ScalingActive, false, reason: "TargetNotFound", message: message)
            if conditions.turned(.Ready, to: false) { events.append(PlannedEvent(.TargetNotFound, message)) }
            return finish(plan, status: status, conditions: conditions, events: events)
        }
        status.replicas = deployment.specReplicas
        status.readyReplicas = deployment.readyReplicas
        status.selector = deployment.selector
        status.gpu = inputs.capacity.status

        // An older pool on the same Deployment keeps it; this one writes neither template nor replicas.
        let me = PoolReference(
            name: inputs.pool.name,
            creationTimestamp: inputs.pool.creationTimestamp,
            targetName: spec.targetRef.name
        )
        let owner = inputs.otherPools
            .filter { $0.name != me.name && $0.targetName == deployment.name && $0.precedes(me) }
            .min { $0.precedes($1) }

        // Placement first: it is independent of how many replicas run.
        if spec.gpu.managePlacement && !spec.paused && owner == nil {
            let placed = TemplatePlacement(gpu: spec.gpu).placed(deployment.object)
            if !placed.changes.isEmpty {
                plan.templateWrite = placed.deployment
                plan.templateChanges = placed.changes
                let summary = placed.changes.joined(separator: ", ")
                events.append(PlannedEvent(.PlacementPatched, "Patched the pod template's GPU placement: \(summary)."))
            }
        }

        // A write PoolPilot made whose status update was lost is PoolPilot's, not someone else's.
        if let written = inputs.lastWrite, written.to == deployment.specReplicas,
            !status.scalingHistory.contains(written)
        {
            appendHistory(&status, written)
        }

        // Someone else changed the replicas since PoolPilot's last write.
        if owner == nil, let last = status.scalingHistory.last, last.to != deployment.specReplicas,
            inputs.lastWrite?.to != deployment.specReplicas
        {
            let message =
                "Deployment \(deployment.name) was scaled to \(deployment.specReplicas) outside PoolPilot "
                + "(it last set \(last.to)); PoolPilot continues from \(deployment.specReplicas)."
            events.append(PlannedEvent(.ManualScale, message))
            appendHistory(
                &status,
                ScalingRecord(
                    time: inputs.now,
                    from: last.to,
                    to: deployment.specReplicas,
                    reason: "ManualScale",
                    message: message
                )
            )
        }

        let conflicting = inputs.autoscalers.filter { $0.targets(deployment: deployment.name) }
        reportSignals(inputs, status: &status, conditions: &conditions, events: &events)
        reportCapacity(inputs, conditions: &conditions, events: &events)

        let decision = replicaDecision(inputs, deployment: deployment, conflicting: conflicting, owner: owner)
        conditions.set(
            .Conflict,
            decision.conflict != nil,
            reason: decision.conflict == nil
                ? "NoConflict" : (owner != nil && conflicting.isEmpty ? "ConflictingPool" : "ConflictingAutoscaler"),
            message: decision.conflict ?? "No other autoscaler targets the Deployment."
        )
        if let conflict = decision.conflict, conditions.turned(.Conflict, to: true) {
            events.append(PlannedEvent(.Conflict, conflict))
        }
        conditions.set(
            .ScalingActive,
            decision.isActive,
            reason: decision.activeReason,
            message: decision.activeMessage
        )
        reportLimits(inputs, conditions: &conditions, events: &events)

        status.desiredReplicas = decision.desired
        if let desired = decision.desired, decision.mayWrite, desired != deployment.specReplicas {
            plan.replicaWrite = .init(
                from: deployment.specReplicas,
                to: desired,
                resourceVersion: deployment.resourceVersion
            )
            let reason: EventReason = desired > deployment.specReplicas ? .ScaledUp : .ScaledDown
            let message = decision.explanation
            events.append(PlannedEvent(reason, message))
            status.lastScaleTime = inputs.now
            appendHistory(
                &status,
                ScalingRecord(
                    time: inputs.now,
                    from: deployment.specReplicas,
                    to: desired,
                    reason: reason.rawValue,
                    message: message
                )
            )
        }

        let isReady = deployment.readyReplicas > 0 || (decision.desired ?? deployment.specReplicas) == 0
        conditions.set(
            .Ready,
            isReady,
            reason: isReady ? "ReplicasReady" : "NoReadyReplicas",
            message:
                "\(deployment.readyReplicas) of \(deployment.specReplicas) replicas of \(deployment.name) are ready."
        )
        return finish(plan, status: status, conditions: conditions, events: events)
    }

    private static func finish(
        _ plan: ReconcilePlan,
        status: InferencePoolStatus,
        conditions: ConditionSet,
        events: [PlannedEvent]
    ) -> ReconcilePlan {
        var plan = plan
        var status = status
        let order = PoolCondition.Kind.allCases.map(\.rawValue)
        status.conditions = conditions.conditions.sorted {
            (order.firstIndex(of: $0.type) ?? order.count) < (order.firstIndex(of: $1.type) ?? order.count)
        }
        plan.status = status
        plan.events = events
        return plan
    }

    static func appendHistory(_ status: inout InferencePoolStatus, _ record: ScalingRecord) {
        status.scalingHistory.append(record)
        let overflow = status.scalingHistory.count - InferencePoolDefaults.scalingHistoryLimit
        if overflow > 0 { status.scalingHistory.removeFirst(overflow) }
    }
}
