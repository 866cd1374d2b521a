/// Everything a pool's owner decides about scaling: bounds, signals, rates and special modes.
///
/// Every field has a default except the bounds and the signals, so a scenario file may give only
/// what differs from HPA:
///
/// ```swift
/// let policy = ScalingPolicy(
///     minReplicas: 1,
///     maxReplicas: 8,
///     signals: [SignalTarget(kind: .waitingRequests, target: 5)]
/// )
/// ```
public struct ScalingPolicy: Codable, Sendable, Equatable {
    /// The fewest replicas while the pool is serving.
    ///
    /// 0 acts as 1: only ``scaleToZero`` takes a pool to zero. Default: 1.
    public var minReplicas: Int
    /// The most replicas ever.
    public var maxReplicas: Int
    /// The signals to scale on; the largest proposal wins.
    public var signals: [SignalTarget]
    /// The dead band around a ratio of 1, per direction.
    ///
    /// Default: 0.1 each way.
    public var tolerance: Tolerance
    /// Stabilization windows and rate policies; `nil` follows HPA's behavior-less path.
    public var behavior: ScalingBehavior?
    /// Burst (panic) mode; `nil` turns it off.
    public var burst: BurstPolicy?
    /// Scale to zero when idle; `nil` turns it off.
    public var scaleToZero: ScaleToZeroPolicy?
    /// What missing or stale signals do.
    ///
    /// Default: stale after 60 s, no fallback.
    public var missingSignals: MissingSignalPolicy
    /// What to do when GPUs run out.
    ///
    /// Default: ``CapacityPolicy/hold``.
    public var capacity: CapacityPolicy
    /// Seconds after a pod turns Ready during which its signals are not trusted yet and it counts
    /// as still starting.
    ///
    /// Default: 0.
    public var warmupSeconds: Double

    /// Creates a policy.
    public init(
        minReplicas: Int = 1,
        maxReplicas: Int,
        signals: [SignalTarget],
        tolerance: Tolerance = Tolerance(),
        behavior: ScalingBehavior? = nil,
        burst: BurstPolicy? = nil,
        scaleToZero: ScaleToZeroPolicy? = nil,
        missingSignals: MissingSignalPolicy = MissingSignalPolicy(),
        capacity: CapacityPolicy = .hold,
        warmupSeconds: Double = 0
    ) {
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.signals = signals
        self.tolerance = tolerance
        self.behavior = behavior
        self.burst = burst
        self.scaleToZero = scaleToZero
        self.missingSignals = missingSignals
        self.capacity = capacity
        self.warmupSeconds = warmupSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case minReplicas, maxReplicas, signals, tolerance, behavior, burst, scaleToZero, missingSignals, capacity
        case warmupSeconds
    }

    /// Decodes a policy; every field but `maxReplicas` and `signals` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minReplicas = try container.decodeIfPresent(Int.self, forKey: .minReplicas) ?? 1
        maxReplicas = try container.decode(Int.self, forKey: .maxReplicas)
        signals = try container.decode([SignalTarget].self, forKey: .signals)
        tolerance = try container.decodeIfPresent(Tolerance.self, forKey: .tolerance) ?? Tolerance()
        behavior = try container.decodeIfPresent(ScalingBehavior.self, forKey: .behavior)
        burst = try container.decodeIfPresent(BurstPolicy.self, forKey: .burst)
        scaleToZero = try container.decodeIfPresent(ScaleToZeroPolicy.self, forKey: .scaleToZero)
        missingSignals =
            try container.decodeIfPresent(MissingSignalPolicy.self, forKey: .missingSignals) ?? MissingSignalPolicy()
        capacity = try container.decodeIfPresent(CapacityPolicy.self, forKey: .capacity) ?? .hold
        warmupSeconds = try container.decodeIfPresent(Double.self, forKey: .warmupSeconds) ?? 0
    }

    /// The problems that make this policy unusable, in words; empty when it is valid.
    public var problems: [String] {
        var found: [String] = []
        if minReplicas < 0 { found.append("minReplicas must not be negative") }
        if maxReplicas < 1 { found.append("maxReplicas must be at least 1") }
        if maxReplicas < minReplicas { found.append("maxReplicas must not be below minReplicas") }
        if signals.isEmpty { found.append("at least one signal is needed") }
        for signal in signals where !(signal.target > 0) || !signal.target.isFinite {
            found.append("signal \(signal.name) needs a target above zero")
        }
        if Set(signals.map(\.name)).count != signals.count { found.append("signal names must be unique") }
        if tolerance.scaleUp < 0 || tolerance.scaleDown < 0 { found.append("tolerances must not be negative") }
        if let burst, !(burst.factor > 1) { found.append("burst factor must be above 1") }
        if let fallback = missingSignals.fallback, fallback.afterFailedIntervals < 1 || fallback.replicas < 0 {
            found.append("fallback needs afterFailedIntervals >= 1 and replicas >= 0")
        }
        let rules = [behavior?.scaleUp, behavior?.scaleDown].compactMap { $0 }
        for rule in rules where rule.policies.contains(where: { $0.value <= 0 || !($0.periodSeconds > 0) }) {
            found.append("rate policies need a value and a period above zero")
        }
        return found
    }
}

/// The dead band around a usage ratio of 1 inside which a signal proposes no change.
public struct Tolerance: Codable, Sendable, Equatable {
    /// How far above 1 the ratio may go before scaling up.
    ///
    /// Default: 0.1.
    public var scaleUp: Double
    /// How far below 1 the ratio may go before scaling down.
    ///
    /// Default: 0.1.
    public var scaleDown: Double

    /// Creates a tolerance; both directions default to HPA's 0.1.
    public init(scaleUp: Double = HPADefaults.tolerance, scaleDown: Double = HPADefaults.tolerance) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }

    /// Whether `ratio` is inside the band, so no change is proposed.
    public func contains(_ ratio: Double) -> Bool {
        ratio >= 1 - scaleDown && ratio <= 1 + scaleUp
    }

    private enum CodingKeys: String, CodingKey {
        case scaleUp, scaleDown
    }

    /// Decodes a tolerance; a missing direction is 0.1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scaleUp = try container.decodeIfPresent(Double.self, forKey: .scaleUp) ?? HPADefaults.tolerance
        scaleDown = try container.decodeIfPresent(Double.self, forKey: .scaleDown) ?? HPADefaults.tolerance
    }
}

/// What happens when the pool wants more pods than the GPU nodes can take.
public enum CapacityPolicy: String, Codable, Sendable, Equatable {
    /// Cap desired replicas at what the matching nodes can schedule and report the limit.
    case hold = "Hold"
    /// Ask for the replicas anyway, so a cluster autoscaler can add nodes, and report the pending.
    case pend = "Pend"
}
