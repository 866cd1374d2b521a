/// How fast the pool may change size in each direction, as HPA's `spec.behavior`.
///
/// When a policy has no behavior at all (``ScalingPolicy/behavior`` is `nil`), the engine follows
/// HPA's legacy path instead: a 300 s scale-down window and scale-up capped at
/// `max(2 × current, 4)` per decision.
public struct ScalingBehavior: Codable, Sendable, Equatable {
    /// Rules for adding replicas.
    ///
    /// Default: no window, `Pods 4/15s` and `Percent 100/15s`, `Max`.
    public var scaleUp: ScalingRules
    /// Rules for removing replicas.
    ///
    /// Default: 300 s window, `Percent 100/15s`, `Max`.
    public var scaleDown: ScalingRules

    /// Creates a behavior; each direction defaults to HPA's.
    public init(scaleUp: ScalingRules = .defaultScaleUp, scaleDown: ScalingRules = .defaultScaleDown) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }

    /// HPA's behavior defaults for both directions.
    public static let hpaDefault = ScalingBehavior()

    private enum CodingKeys: String, CodingKey {
        case scaleUp, scaleDown
    }

    /// Decodes a behavior; a missing direction or field takes HPA's default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scaleUp = try ScalingRules.decode(container, .scaleUp, defaults: .defaultScaleUp)
        scaleDown = try ScalingRules.decode(container, .scaleDown, defaults: .defaultScaleDown)
    }
}

/// The rules for one direction: a stabilization window and rate policies.
public struct ScalingRules: Codable, Sendable, Equatable {
    /// Seconds of past recommendations to consider: the lowest (up) or highest (down) wins.
    public var stabilizationWindowSeconds: Double
    /// The rate policies; which one applies is chosen by ``selectPolicy``.
    public var policies: [RatePolicy]
    /// Which policy wins when several allow different changes.
    ///
    /// Default: ``SelectPolicy/max``.
    public var selectPolicy: SelectPolicy

    /// Creates rules for one direction.
    public init(stabilizationWindowSeconds: Double, policies: [RatePolicy], selectPolicy: SelectPolicy = .max) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.policies = policies
        self.selectPolicy = selectPolicy
    }

    /// HPA's scale-up default: no window; 4 pods or 100 % per 15 s, whichever is more.
    public static let defaultScaleUp = ScalingRules(
        stabilizationWindowSeconds: HPADefaults.scaleUpStabilizationSeconds,
        policies: [
            RatePolicy(type: .pods, value: 4, periodSeconds: HPADefaults.policyPeriodSeconds),
            RatePolicy(type: .percent, value: 100, periodSeconds: HPADefaults.policyPeriodSeconds),
        ]
    )

    /// HPA's scale-down default: a 300 s window; 100 % per 15 s.
    public static let defaultScaleDown = ScalingRules(
        stabilizationWindowSeconds: HPADefaults.scaleDownStabilizationSeconds,
        policies: [RatePolicy(type: .percent, value: 100, periodSeconds: HPADefaults.policyPeriodSeconds)]
    )

    /// The longest policy period, which bounds how much scale-event history matters.
    var longestPeriodSeconds: Double {
        policies.map(\.periodSeconds).max() ?? 0
    }

    fileprivate static func decode<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>,
        _ key: Key,
        defaults: ScalingRules
    ) throws -> ScalingRules {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return defaults }
        let nested = try container.nestedContainer(keyedBy: CodingKeys.self, forKey: key)
        return ScalingRules(
            stabilizationWindowSeconds: try nested.decodeIfPresent(Double.self, forKey: .stabilizationWindowSeconds)
                ?? defaults.stabilizationWindowSeconds,
            policies: try nested.decodeIfPresent([RatePolicy].self, forKey: .policies) ?? defaults.policies,
            selectPolicy: try nested.decodeIfPresent(SelectPolicy.self, forKey: .selectPolicy) ?? defaults.selectPolicy
        )
    }

    private enum CodingKeys: String, CodingKey {
        case stabilizationWindowSeconds, policies, selectPolicy
    }
}

/// One rate limit: at most `value` pods, or `value` percent, per `periodSeconds`.
public struct RatePolicy: Codable, Sendable, Equatable {
    /// Whether `value` counts pods or percent of the replicas at the start of the period.
    public enum Kind: String, Codable, Sendable, Equatable {
        /// A number of pods.
        case pods = "Pods"
        /// A percentage of the replicas at the start of the period.
        case percent = "Percent"
    }

    /// Pods or Percent.
    public var type: Kind
    /// The amount of change allowed per period.
    ///
    /// Must be greater than zero.
    public var value: Int
    /// The length of the period in seconds.
    public var periodSeconds: Double

    /// Creates a rate policy.
    public init(type: Kind, value: Int, periodSeconds: Double) {
        self.type = type
        self.value = value
        self.periodSeconds = periodSeconds
    }
}

/// Which rate policy wins, as HPA's `selectPolicy`.
public enum SelectPolicy: String, Codable, Sendable, Equatable {
    /// The policy that allows the largest change.
    case max = "Max"
    /// The policy that allows the smallest change.
    case min = "Min"
    /// No change in this direction at all.
    case disabled = "Disabled"
}
