import Foundation
import Kube
import Metrics
import Scaling
import Telemetry
import YAML

/// Reconciles one InferencePool: gather (read the cluster and signals), plan (pure), act (write).
///
/// ```swift
/// let reconciler = PoolReconciler(access: access, signals: scraper, events: recorder)
/// let outcome = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
/// ```
///
/// The engine's history for each pool lives here, between reconciles; after a restart it is
/// seeded from the pool's `status.scalingHistory`. A write that meets a stale resourceVersion
/// (409) makes the whole reconcile start again from a fresh read, up to three times, then the
/// error is thrown for the runtime to retry with backoff.
public actor PoolReconciler {
    /// What a reconcile asks of the runtime next.
    public enum Outcome: Sendable, Equatable {
        /// Reconcile again after this many seconds (the pool's metrics interval).
        case requeueAfter(seconds: Int)
        /// Nothing more to do: the pool is gone.
        case done
    }

    let access: any ClusterAccess
    let signals: any SignalReader
    let logger: Logger
    private let events: any EventSink
    private let clock: @Sendable () -> Date
    let beforeWrite: @Sendable () throws -> Void
    var histories: [String: ScalingHistory] = [:]
    /// The last replica change written per pool, recorded as soon as the scale write succeeds.
    var lastWrites: [String: ScalingRecord] = [:]

    /// Creates a reconciler; `clock` is injected so tests control time, and `beforeWrite` runs before
    /// any write (leader election passes a check that throws once this replica stops leading).
    public init(
        access: any ClusterAccess,
        signals: any SignalReader,
        events: any EventSink,
        logger: Logger = .disabled,
        clock: @escaping @Sendable () -> Date = { Date() },
        beforeWrite: @escaping @Sendable () throws -> Void = {}
    ) {
        self.beforeWrite = beforeWrite
        self.access = access
        self.signals = signals
        self.events = events
        self.logger = logger
        self.clock = clock
    }

    /// Reconciles the pool `namespace/name`.
    ///
    /// - Throws: ``OperatorError/conflict(_:)`` after three stale writes in a row, or the access
    ///   layer's error when the API server fails; the runtime retries both with backoff.
    public func reconcile(namespace: String, name: String) async throws -> Outcome {
        var lastConflict: OperatorError?
        for _ in 1...3 {
            do {
                return try await reconcileOnce(namespace: namespace, name: name)
            } catch let error as OperatorError where error.isConflict {
                lastConflict = error
            }
        }
        throw lastConflict ?? OperatorError.conflict("\(namespace)/\(name)")
    }

    /// Forgets a pool's history (when it is deleted).
    public func forget(namespace: String, name: String) {
        histories["\(namespace)/\(name)"] = nil
        lastWrites["\(namespace)/\(name)"] = nil
    }

    private func reconcileOnce(namespace: String, name: String) async throws -> Outcome {
        let key = "\(namespace)/\(name)"
        guard let poolObject = try await access.get(.inferencePools, namespace: namespace, name: name) else {
            histories[key] = nil
            lastWrites[key] = nil
            return .done
        }
        let date = clock()
        let now = KubeTime.format(date)
        let pool = try Self.snapshot(of: poolObject, namespace: namespace, name: name)

        // Gather: the target, its pods, other autoscalers, GPU nodes and signals.
        let gathered = try await gather(pool: pool, key: key, at: date)
        let inputs = ReconcileInputs(
            pool: pool,
            deployment: gathered.deployment,
            autoscalers: gathered.autoscalers,
            otherPools: gathered.otherPools,
            capacity: gathered.capacity,
            verdict: gathered.decision.map(EngineAdapter.verdict(from:)),
            metricsError: gathered.metricsError,
            lastWrite: lastWrites[key],
            now: now
        )

        let plan = ReconcilePlanner.plan(inputs)
        try await act(plan, pool: pool, poolObject: poolObject)
        log(plan, pool: pool)
        if let decision = gathered.decision,
            plan.replicaWrite != nil || decision.desiredReplicas == decision.currentReplicas
        {
            histories[key] = decision.history
        }
        for event in plan.events {
            await events.record(
                event,
                namespace: namespace,
                name: name,
                uid: poolObject.value(at: ["metadata", "uid"])?.stringValue
            )
        }
        return .requeueAfter(seconds: plan.requeueAfterSeconds)
    }

    /// Logs every change made (info) and what needs a person (warning), once per occurrence.
    private func log(_ plan: ReconcilePlan, pool: PoolSnapshot) {
        let fields: LogFields = [
            "object.kind": .string(InferencePoolCRD.kind), "object.namespace": .string(pool.namespace),
            "object.name": .string(pool.name),
        ]
        if !plan.templateChanges.isEmpty {
            logger.info(
                "patched pod template",
                fields.merging(["changes": .string(plan.templateChanges.joined(separator: "; "))]) { $1 }
            )
        }
        if let write = plan.replicaWrite {
            let reason = plan.events.first { $0.reason == .ScaledUp || $0.reason == .ScaledDown }?.message ?? ""
            logger.info(
                "scaled deployment",
                fields.merging([
                    "replicas.from": .integer(write.from), "replicas.to": .integer(write.to), "reason": .string(reason),
                ]) { $1 }
            )
        }
        for event in plan.events where [.InvalidSpec, .Conflict, .ManualScale].contains(event.reason) {
            logger.warning(
                "pool needs attention",
                fields.merging(["reason": .string(event.reason.rawValue), "message": .string(event.message)]) { $1 }
            )
        }
    }

    /// Reads the pool's spec and status; an undecodable spec becomes an invalid-object error.
    static func snapshot(of object: JSONValue, namespace: String, name: String) throws -> PoolSnapshot {
        let spec: InferencePoolSpec
        do {
            spec = try (object["spec"] ?? .object([:])).decode(InferencePoolSpec.self)
        } catch {
            throw OperatorError.invalidObject("inferencepool \(namespace)/\(name): \(error)")
        }
        let status = (try? object["status"]?.decode(InferencePoolStatus.self)) ?? InferencePoolStatus()
        return PoolSnapshot(
            namespace: namespace,
            name: name,
            generation: object.value(at: ["metadata", "generation"])?.integerValue,
            spec: spec,
            status: status,
            creationTimestamp: object.value(at: ["metadata", "creationTimestamp"])?.stringValue
        )
    }
}
