/// The engine's answer: how many replicas, what each signal asked for, what held it back and why.
public struct Decision: Codable, Sendable, Equatable {
    /// The replica count the target should run.
    public var desiredReplicas: Int
    /// The replica count the decision started from.
    public var currentReplicas: Int
    /// What every configured signal proposed, in policy order.
    public var proposals: [SignalProposal]
    /// What shaped the result, in the order the steps applied; the winning signal comes first.
    public var limitedBy: [Limit]
    /// Conditions to report on the pool: HPA's types and reasons where they fit, plus PoolPilot's.
    public var conditions: [ScalingCondition]
    /// One sentence for Events and `kubectl describe`.
    public var explanation: String
    /// Pods to remove first when scaling down (never a loading pod), most expendable first.
    public var podsToRemove: [String]
    /// Replicas asked for beyond what the GPU nodes can take (policy Pend); 0 otherwise.
    public var pendingForCapacity: Int
    /// The history to pass to the next decision.
    public var history: ScalingHistory

    /// Creates a decision.
    public init(
        desiredReplicas: Int,
        currentReplicas: Int,
        proposals: [SignalProposal],
        limitedBy: [Limit],
        conditions: [ScalingCondition],
        explanation: String,
        podsToRemove: [String] = [],
        pendingForCapacity: Int = 0,
        history: ScalingHistory
    ) {
        self.desiredReplicas = desiredReplicas
        self.currentReplicas = currentReplicas
        self.proposals = proposals
        self.limitedBy = limitedBy
        self.conditions = conditions
        self.explanation = explanation
        self.podsToRemove = podsToRemove
        self.pendingForCapacity = pendingForCapacity
        self.history = history
    }

    /// The limit codes in order, for quick checks.
    public var limitReasons: [LimitReason] {
        limitedBy.map(\.reason)
    }

    /// The condition of `type`, if reported.
    public func condition(_ type: String) -> ScalingCondition? {
        conditions.first { $0.type == type }
    }
}

/// What one signal proposed.
public struct SignalProposal: Codable, Sendable, Equatable {
    /// The signal's name.
    public var signal: String
    /// How usable the signal was.
    public var status: SignalStatus
    /// Whether the values came from pods or from a pool-level total.
    public var source: SignalSource
    /// The average per ready pod (pods source) or the pool total (pool source), when measured.
    public var observed: Double?
    /// The target per replica.
    public var target: Double
    /// `observed / target` for pods signals, `total / (target × current)` for pool signals.
    public var ratio: Double?
    /// The replicas this signal asks for; `nil` when it could not be measured.
    public var replicas: Int?
    /// Ready pods that reported the signal.
    public var readyPods: Int
    /// Ready pods that did not report it, or whose sample was stale.
    public var missingPods: Int
    /// Pods that are pending, loading or not ready.
    public var unreadyPods: Int

    /// Creates a proposal.
    public init(
        signal: String,
        status: SignalStatus,
        source: SignalSource = .pods,
        observed: Double? = nil,
        target: Double,
        ratio: Double? = nil,
        replicas: Int? = nil,
        readyPods: Int = 0,
        missingPods: Int = 0,
        unreadyPods: Int = 0
    ) {
        self.signal = signal
        self.status = status
        self.source = source
        self.observed = observed
        self.target = target
        self.ratio = ratio
        self.replicas = replicas
        self.readyPods = readyPods
        self.missingPods = missingPods
        self.unreadyPods = unreadyPods
    }
}

/// How usable a signal was this interval.
public enum SignalStatus: String, Codable, Sendable, Equatable {
    /// Every ready pod reported a fresh value.
    case ok = "OK"
    /// Some ready pods reported, some did not (or their sample was stale): no scale-down.
    case partial = "Partial"
    /// No ready pod reported a fresh value: counted as a failed interval.
    case missing = "Missing"
    /// The signal's source failed outright: counted as a failed interval.
    case failed = "Failed"
    /// No pod is ready to measure (all pending or loading): not a failure, but nothing to go on.
    case noReadyPods = "NoReadyPods"

    /// Whether the signal counts as failed for the fallback.
    public var isFailure: Bool {
        self == .missing || self == .failed
    }
}

/// One thing that shaped the decision.
public struct Limit: Codable, Sendable, Equatable {
    /// The code.
    public var reason: LimitReason
    /// What happened, in words.
    public var message: String

    /// Creates a limit.
    public init(_ reason: LimitReason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}

/// The codes in ``Decision/limitedBy``; see docs/scaling.md for each.
public enum LimitReason: String, Codable, Sendable, Equatable, CaseIterable {
    /// The signal whose proposal won (the largest).
    case signal = "Signal"
    /// The winning signal was within tolerance, so it proposed the current count.
    case tolerance = "Tolerance"
    /// A lower recent recommendation held a scale-up back (scale-up window).
    case scaleUpStabilized = "ScaleUpStabilized"
    /// A higher recent recommendation held a scale-down back (scale-down window).
    case scaleDownStabilized = "ScaleDownStabilized"
    /// A scale-up rate policy capped the increase.
    case scaleUpLimit = "ScaleUpLimit"
    /// A scale-down rate policy capped the decrease.
    case scaleDownLimit = "ScaleDownLimit"
    /// `maxReplicas` capped the result.
    case tooManyReplicas = "TooManyReplicas"
    /// `minReplicas` raised the result.
    case tooFewReplicas = "TooFewReplicas"
    /// Missing, stale or partial signals blocked a scale-down.
    case missingSignals = "MissingSignals"
    /// The fallback replica count applied after repeated failures.
    case fallback = "Fallback"
    /// Burst mode jumped to the short-window demand or suppressed a scale-down.
    case burst = "Burst"
    /// Loading pods were kept: they are never removed.
    case coldStart = "ColdStart"
    /// The pool went to zero after its idle period.
    case scaleToZero = "ScaleToZero"
    /// The pool stays at zero: nothing to activate it.
    case idle = "Idle"
    /// The pool woke from zero because requests were waiting.
    case activation = "Activation"
    /// GPU capacity capped the result (policy Hold).
    case capacityHold = "CapacityHold"
    /// The result exceeds GPU capacity and pods will pend (policy Pend).
    case capacityPending = "CapacityPending"
    /// Scaling is disabled: the target was scaled to zero by hand (HPA's rule).
    case scalingDisabled = "ScalingDisabled"
    /// The policy is invalid; nothing changes.
    case invalidPolicy = "InvalidPolicy"
}

/// A status condition, shaped like a Kubernetes condition without its timestamps.
public struct ScalingCondition: Codable, Sendable, Equatable {
    /// `AbleToScale`, `ScalingActive`, `ScalingLimited`, or one of PoolPilot's.
    public var type: String
    /// "True", "False" or "Unknown".
    public var status: String
    /// A CamelCase reason.
    public var reason: String
    /// A sentence for people.
    public var message: String

    /// Creates a condition.
    public init(type: String, status: Bool, reason: String, message: String) {
        self.type = type
        self.status = status ? "True" : "False"
        self.reason = reason
        self.message = message
    }
}
