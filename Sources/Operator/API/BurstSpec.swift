/// Burst mode: jump at once when short-window demand far exceeds capacity.
public struct BurstSpec: Codable, Sendable, Equatable {
    /// Whether burst mode is on.
    ///
    /// Default: true.
    public var enabled: Bool
    /// How many times current capacity short-window demand must reach to burst.
    ///
    /// Default: 2.
    public var factor: Double

    /// Creates a burst section.
    public init(enabled: Bool = true, factor: Double = InferencePoolDefaults.burstFactor) {
        self.enabled = enabled
        self.factor = factor
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        factor = try container.decodeIfPresent(Double.self, forKey: .factor) ?? InferencePoolDefaults.burstFactor
    }

    /// The schema of `spec.burst`.
    public static let schema = SchemaNode.object(
        "Burst mode, like Knative's panic mode: when short-window demand reaches factor times the "
            + "current capacity, the pool jumps straight to that demand (within maxReplicas and the "
            + "scale-up policies) and does not scale down until the burst has passed.",
        [
            ("enabled", .boolean("Turn burst mode on.", default: true)),
            (
                "factor",
                .number(
                    "Short-window demand over current capacity that starts a burst.",
                    minimum: 1,
                    exclusiveMinimum: true,
                    maximum: 100,
                    default: InferencePoolDefaults.burstFactor
                )
            ),
        ]
    )
}
