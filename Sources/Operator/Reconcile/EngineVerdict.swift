/// What the decision engine concluded for one pool, in the terms the planner reports.
///
/// ``EngineAdapter`` fills it from `Scaling`'s decision; tests build it directly, so every
/// reconcile path is exercised with plain values.
public struct EngineVerdict: Sendable, Equatable {
    /// What held the result back from the signals' raw proposal.
    public enum Limit: String, Sendable, Equatable, CaseIterable {
        /// Raised to `minReplicas`.
        case minReplicas
        /// Capped at `maxReplicas`.
        case maxReplicas
        /// Capped at what the matching GPU nodes can schedule (policy Hold).
        case capacity
        /// Slowed by a scale-up or scale-down rate policy.
        case ratePolicy
        /// Held by a stabilization window.
        case stabilization
        /// Within tolerance of the target, so unchanged.
        case tolerance
        /// Signals missing, so not scaled down.
        case missingSignals
        /// The fallback replica count applies.
        case fallback
        /// Autoscaling is off: the Deployment was scaled to zero by someone else and scale-to-zero is off.
        case scalingDisabled
    }

    /// The replica count decided.
    public var desiredReplicas: Int
    /// One sentence that explains the decision.
    public var explanation: String
    /// What limited the decision.
    public var limits: [Limit]
    /// Each signal's reading and proposal.
    public var signals: [SignalStatus]
    /// Whether any signal could be used to compute a proposal.
    public var isScalingActive: Bool
    /// Signals expected but missing in this reading.
    public var missingSignals: [String]
    /// Replicas asked for beyond what the GPU nodes can schedule (policy Pend).
    public var pendingForCapacity: Int
    /// Whether signals were not read because no pod is ready (only Pending pods, or none).
    public var hasNoReadyPods: Bool

    /// Creates a verdict.
    public init(
        desiredReplicas: Int,
        explanation: String,
        limits: [Limit] = [],
        signals: [SignalStatus] = [],
        isScalingActive: Bool = true,
        missingSignals: [String] = [],
        pendingForCapacity: Int = 0,
        hasNoReadyPods: Bool = false
    ) {
        self.hasNoReadyPods = hasNoReadyPods
        self.desiredReplicas = desiredReplicas
        self.explanation = explanation
        self.limits = limits
        self.signals = signals
        self.isScalingActive = isScalingActive
        self.missingSignals = missingSignals
        self.pendingForCapacity = pendingForCapacity
    }
}
