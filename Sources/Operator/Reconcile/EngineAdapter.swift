import Foundation
import Kube
import Metrics
import Scaling

/// Translates between the InferencePool API and the `Scaling` engine, with no I/O.
///
/// The pool's spec becomes a `Scaling.ScalingPolicy`, the pods and their signals a
/// `Scaling.PoolState`, and the engine's `Decision` an ``EngineVerdict`` the planner reports.
/// Times are seconds since 1970, the clock the engine's history is kept on.
public enum EngineAdapter {
    /// The CRD's name for each engine signal kind, as shown in `status.currentMetrics`.
    static let statusNames: [SignalKind: String] = [
        .waitingRequests: "waitingRequestsPerReplica",
        .runningRequests: "runningRequestsPerReplica",
        .kvCacheUtilization: "kvCacheUtilization",
        .gpuMemoryUtilization: "gpuMemoryUtilization",
        .queueTimeSeconds: "queueTimeSeconds",
    ]

    /// The engine policy for a pool's spec.
    public static func policy(for spec: InferencePoolSpec) -> Scaling.ScalingPolicy {
        var signals: [SignalTarget] = []
        let targets = spec.targets
        if let value = targets.waitingRequestsPerReplica {
            signals.append(SignalTarget(kind: .waitingRequests, target: value))
        }
        if let value = targets.runningRequestsPerReplica {
            signals.append(SignalTarget(kind: .runningRequests, target: value))
        }
        if let value = targets.kvCacheUtilization {
            signals.append(SignalTarget(kind: .kvCacheUtilization, target: value))
        }
        if let value = targets.gpuMemoryUtilization {
            signals.append(SignalTarget(kind: .gpuMemoryUtilization, target: value))
        }
        if let value = targets.queueTimeSeconds { signals.append(SignalTarget(kind: .queueTimeSeconds, target: value)) }
        for custom in targets.custom {
            let source: SignalSource = custom.query == nil ? .pods : .pool
            signals.append(
                SignalTarget(kind: .custom, target: custom.targetPerReplica, name: custom.name, source: source)
            )
        }

        let up = spec.behavior?.scaleUp
        let down = spec.behavior?.scaleDown
        let behavior = Scaling.ScalingBehavior(
            scaleUp: rules(up, defaults: .defaultScaleUp),
            scaleDown: rules(down, defaults: .defaultScaleDown)
        )
        let fallback = spec.metrics.fallback.map {
            Fallback(afterFailedIntervals: $0.failureThreshold, replicas: $0.replicas)
        }
        let zero = spec.scaleToZero.flatMap { zero in
            zero.enabled
                ? ScaleToZeroPolicy(
                    idleSeconds: Double(zero.idleSeconds),
                    activationThreshold: zero.activationThreshold
                )
                : nil
        }
        return Scaling.ScalingPolicy(
            minReplicas: spec.minReplicas,
            maxReplicas: spec.maxReplicas,
            signals: signals,
            tolerance: Tolerance(
                scaleUp: up?.tolerance ?? InferencePoolDefaults.tolerance,
                scaleDown: down?.tolerance ?? InferencePoolDefaults.tolerance
            ),
            behavior: behavior,
            burst: spec.burst.enabled ? BurstPolicy(factor: spec.burst.factor) : nil,
            scaleToZero: zero,
            missingSignals: MissingSignalPolicy(
                staleAfterSeconds: Double(max(60, spec.metrics.intervalSeconds * 4)),
                fallback: fallback
            ),
            capacity: spec.gpu.capacityPolicy == .Hold ? .hold : .pend
        )
    }

    private static func rules(_ rules: ScalingRules?, defaults: Scaling.ScalingRules) -> Scaling.ScalingRules {
        var result = defaults
        guard let rules else { return result }
        if let window = rules.stabilizationWindowSeconds { result.stabilizationWindowSeconds = Double(window) }
        if let policies = rules.policies {
            result.policies = policies.map { policy in
                RatePolicy(
                    type: policy.type == .Pods ? .pods : .percent,
                    value: policy.value,
                    periodSeconds: Double(policy.periodSeconds)
                )
            }
        }
        switch rules.selectPolicy {
        case .Max?: result.selectPolicy = .max
        case .Min?: result.selectPolicy = .min
        case .Disabled?: result.selectPolicy = .disabled
        case nil: break
        }
        return result
    }

    /// Seconds since 1970 for an RFC 3339 time, or `nil`.
    public static func seconds(_ time: String?) -> Double? {
        time.flatMap(KubeTime.parse).map(\.timeIntervalSince1970)
    }

    /// The engine's view of one pod and its signals (`nil` signals when the pod was not scraped).
    public static func podState(
        _ pod: PodInfo,
        signals: PodSignals?,
        observedAt: Double,
        targets: ScalingTargets,
        custom: [String: Double] = [:]
    ) -> PodState {
        let phase = PodState.Phase(rawValue: pod.phase) ?? .unknown
        var pending: PodState.PendingReason?
        if phase == .pending {
            if pod.nodeName != nil {
                pending = .containerCreating
            } else if let message = pod.unschedulableMessage {
                pending = message.contains("Insufficient nvidia.com") ? .insufficientGPU : .unschedulable
            }
        }
        var samples: [String: SignalSample] = [:]
        if let signals, pod.isReady {
            let values: [(SignalKind, Double?)] = [
                (.waitingRequests, signals.queueDepth),
                (.runningRequests, signals.runningRequests),
                (.kvCacheUtilization, signals.kvCacheUtilization),
                (.gpuMemoryUtilization, signals.gpuMemoryUtilization),
                (.queueTimeSeconds, signals.queueTimeSeconds),
            ]
            for (kind, value) in values {
                if let value { samples[kind.rawValue] = SignalSample(value, observedAt: observedAt) }
            }
            for (name, value) in custom { samples[name] = SignalSample(value, observedAt: observedAt) }
        }
        return PodState(
            name: pod.name,
            phase: phase,
            isReady: pod.isReady,
            readySince: seconds(pod.readySince),
            isLoading: pod.nodeName != nil && !pod.isReady && !pod.isTerminating && phase != .failed
                && phase != .succeeded,
            isTerminating: pod.isTerminating,
            pendingReason: pending,
            signals: samples
        )
    }

    /// The verdict the planner reports, from the engine's decision.
    public static func verdict(from decision: Decision) -> EngineVerdict {
        var limits: [EngineVerdict.Limit] = []
        for reason in decision.limitReasons {
            let limit: EngineVerdict.Limit?
            switch reason {
            case .tooFewReplicas: limit = .minReplicas
            case .tooManyReplicas: limit = .maxReplicas
            case .capacityHold: limit = .capacity
            case .scaleUpLimit, .scaleDownLimit: limit = .ratePolicy
            case .scaleUpStabilized, .scaleDownStabilized: limit = .stabilization
            case .tolerance: limit = .tolerance
            case .missingSignals: limit = .missingSignals
            case .fallback: limit = .fallback
            case .scalingDisabled: limit = .scalingDisabled
            default: limit = nil
            }
            if let limit, !limits.contains(limit) { limits.append(limit) }
        }
        let signals = decision.proposals.map { proposal in
            Operator.SignalStatus(
                name: statusName(proposal.signal),
                current: proposal.observed.map { ($0 * 1000).rounded() / 1000 },
                target: proposal.target,
                proposedReplicas: proposal.replicas
            )
        }
        let missing = decision.proposals.filter { $0.status != .ok && $0.status != .noReadyPods }.map {
            statusName($0.signal)
        }
        let active =
            decision.condition("ScalingActive").map { $0.status == "True" }
            ?? decision.proposals.contains { $0.replicas != nil }
        return EngineVerdict(
            desiredReplicas: decision.desiredReplicas,
            explanation: decision.explanation,
            limits: limits,
            signals: signals,
            isScalingActive: active,
            missingSignals: missing,
            pendingForCapacity: decision.pendingForCapacity,
            hasNoReadyPods: decision.proposals.isEmpty || decision.proposals.contains { $0.status == .noReadyPods }
        )
    }

    private static func statusName(_ engineName: String) -> String {
        SignalKind(rawValue: engineName).flatMap { statusNames[$0] } ?? engineName
    }

    /// Engine history seeded from the pool's status, for the first decision after a restart.
    public static func history(from status: InferencePoolStatus) -> ScalingHistory {
        ScalingHistory(
            scaleEvents: status.scalingHistory.compactMap { record in
                seconds(record.time).map { ScaleEvent(time: $0, from: record.from, to: record.to) }
            }
        )
    }
}
