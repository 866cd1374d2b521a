/// When an idle pool may run no replicas at all, and what wakes it.
public struct ScaleToZeroSpec: Codable, Sendable, Equatable {
    /// Whether the pool may go to zero.
    ///
    /// Default: false.
    public var enabled: Bool
    /// Seconds with no waiting or running requests before going to zero.
    ///
    /// Default: 300.
    public var idleSeconds: Int
    /// A PromQL query for requests waiting in front of the pool (a router or gateway queue).
    public var activationQuery: String?
    /// Waiting requests, per `activationQuery`, that wake the pool at zero.
    ///
    /// Default: 1.
    public var activationThreshold: Double

    /// Creates a scale-to-zero section.
    public init(
        enabled: Bool = false,
        idleSeconds: Int = InferencePoolDefaults.scaleToZeroIdleSeconds,
        activationQuery: String? = nil,
        activationThreshold: Double = InferencePoolDefaults.activationWaitingRequests
    ) {
        self.enabled = enabled
        self.idleSeconds = idleSeconds
        self.activationQuery = activationQuery
        self.activationThreshold = activationThreshold
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
        idleSeconds =
            try container.decodeIfPresent(Int.self, forKey: .idleSeconds)
            ?? InferencePoolDefaults.scaleToZeroIdleSeconds
        activationQuery = try container.decodeIfPresent(String.self, forKey: .activationQuery)
        activationThreshold =
            try container.decodeIfPresent(Double.self, forKey: .activationThreshold)
            ?? InferencePoolDefaults.activationWaitingRequests
    }

    /// The schema of `spec.scaleToZero`.
    public static let schema = SchemaNode.object(
        "Lets an idle pool run no replicas. A pool at zero has no pods to scrape, so waking it needs a "
            + "signal from in front of the pods: activationQuery, run against spec.metrics.prometheus. "
            + "PoolPilot never goes to zero while a pod is still loading its model.",
        [
            ("enabled", .boolean("Allow the pool to go to zero replicas when idle.", default: false)),
            (
                "idleSeconds",
                .integer(
                    "Seconds with no waiting or running requests before the pool goes to zero.",
                    minimum: 30,
                    maximum: 86400,
                    default: InferencePoolDefaults.scaleToZeroIdleSeconds
                )
            ),
            (
                "activationQuery",
                .string(
                    "PromQL returning requests waiting in front of the pool (for example a gateway's queue).",
                    maxLength: 4096
                )
            ),
            (
                "activationThreshold",
                .number(
                    "Waiting requests, per activationQuery, that wake the pool from zero.",
                    minimum: 0,
                    exclusiveMinimum: true,
                    default: InferencePoolDefaults.activationWaitingRequests
                )
            ),
        ],
        rules: [.cel("!self.enabled || has(self.activationQuery)", "activationQuery is required when enabled")]
    )
}
