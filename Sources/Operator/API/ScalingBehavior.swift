/// How fast a pool may change size in each direction, as a HorizontalPodAutoscaler's `behavior`.
public struct ScalingBehavior: Codable, Sendable, Equatable {
    /// Rules for adding replicas; absent fields take HPA's scale-up defaults.
    public var scaleUp: ScalingRules?
    /// Rules for removing replicas; absent fields take HPA's scale-down defaults.
    public var scaleDown: ScalingRules?

    /// Creates a behavior.
    public init(scaleUp: ScalingRules? = nil, scaleDown: ScalingRules? = nil) {
        self.scaleUp = scaleUp
        self.scaleDown = scaleDown
    }

    /// The schema of `spec.behavior`.
    public static let schema = SchemaNode.object(
        "How fast the pool may grow and shrink, as a HorizontalPodAutoscaler's behavior, with the same "
            + "defaults: scale up at once by the larger of 100% or 4 pods per 15 s; scale down after a "
            + "300 s stabilization window by up to 100% per 15 s.",
        [
            ("scaleUp", ScalingRules.schema(direction: "up")),
            ("scaleDown", ScalingRules.schema(direction: "down")),
        ]
    )
}

/// The rules for one direction.
public struct ScalingRules: Codable, Sendable, Equatable {
    /// How the rate policies combine.
    public enum SelectPolicy: String, Codable, Sendable, Equatable, CaseIterable {
        /// The policy allowing the largest change wins.
        case Max
        /// The policy allowing the smallest change wins.
        case Min
        /// No change in this direction.
        case Disabled
    }

    /// Seconds of past recommendations considered; the most conservative one wins.
    public var stabilizationWindowSeconds: Int?
    /// How the policies combine.
    public var selectPolicy: SelectPolicy?
    /// Rate limits per period.
    public var policies: [ScalingPolicy]?
    /// Ratio tolerance around 1 within which no change is made.
    public var tolerance: Double?

    /// Creates rules; `nil` fields take HPA's defaults for the direction.
    public init(
        stabilizationWindowSeconds: Int? = nil,
        selectPolicy: SelectPolicy? = nil,
        policies: [ScalingPolicy]? = nil,
        tolerance: Double? = nil
    ) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
        self.tolerance = tolerance
    }

    /// The schema of `spec.behavior.scaleUp` or `scaleDown`.
    static func schema(direction: String) -> SchemaNode {
        let window =
            direction == "up"
            ? InferencePoolDefaults.scaleUpStabilizationSeconds : InferencePoolDefaults.scaleDownStabilizationSeconds
        return .object(
            "Rules for scaling \(direction).",
            [
                (
                    "stabilizationWindowSeconds",
                    .integer(
                        "Seconds of past recommendations considered when scaling \(direction); the most "
                            + "conservative wins. Default: \(window).",
                        minimum: 0,
                        maximum: 3600
                    )
                ),
                (
                    "selectPolicy",
                    .string(
                        "Max picks the policy allowing the largest change, Min the smallest; Disabled "
                            + "turns scaling \(direction) off. Default: Max.",
                        enum: SelectPolicy.allCases.map(\.rawValue)
                    )
                ),
                (
                    "policies",
                    .array(
                        "Rate limits; each allows a change within its period.",
                        of: ScalingPolicy.schema,
                        maxItems: 10
                    )
                ),
                (
                    "tolerance",
                    .number(
                        "No change while current / target is within this fraction of 1. Default: 0.1.",
                        minimum: 0,
                        maximum: 1
                    )
                ),
            ]
        )
    }
}

/// One rate limit: at most `value` pods or percent per `periodSeconds`.
public struct ScalingPolicy: Codable, Sendable, Equatable {
    /// What `value` counts.
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        /// A number of pods.
        case Pods
        /// A percentage of the current replicas.
        case Percent
    }

    /// What `value` counts.
    public var type: Kind
    /// The allowed change per period.
    public var value: Int
    /// The period in seconds.
    public var periodSeconds: Int

    /// Creates a policy.
    public init(type: Kind, value: Int, periodSeconds: Int) {
        self.type = type
        self.value = value
        self.periodSeconds = periodSeconds
    }

    /// The schema of one policy.
    public static let schema = SchemaNode.object(
        "A rate limit: at most value pods (Pods) or value percent of the current replicas (Percent) per "
            + "periodSeconds.",
        [
            ("type", .string("Pods or Percent.", enum: Kind.allCases.map(\.rawValue))),
            ("value", .integer("The change allowed per period.", minimum: 1)),
            ("periodSeconds", .integer("The period in seconds.", minimum: 1, maximum: 1800)),
        ],
        required: ["type", "value", "periodSeconds"]
    )
}
