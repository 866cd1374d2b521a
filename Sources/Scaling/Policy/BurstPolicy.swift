/// Burst mode, after Knative's panic mode: react to a sudden surge at once.
///
/// When the short-window demand (the mean of the raw proposals over ``windowSeconds``) reaches
/// ``factor`` times the capacity that is serving or starting, the pool jumps to that demand in one
/// step, past the scale-up rate policies, and does not scale down until no surge has been seen for
/// ``holdSeconds``.
public struct BurstPolicy: Codable, Sendable, Equatable {
    /// How many times the current capacity the demand must reach.
    ///
    /// Default: 2.
    public var factor: Double
    /// The short window in seconds over which demand is averaged.
    ///
    /// Default: 10, about two readings at the operator's 5 s interval, like Knative's 6 s panic
    /// window.
    public var windowSeconds: Double
    /// Seconds without a surge before burst mode ends and scale-down may resume.
    ///
    /// Default: 60.
    public var holdSeconds: Double

    /// Creates a burst policy.
    public init(factor: Double = 2, windowSeconds: Double = 10, holdSeconds: Double = 60) {
        self.factor = factor
        self.windowSeconds = windowSeconds
        self.holdSeconds = holdSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case factor, windowSeconds, holdSeconds
    }

    /// Decodes a burst policy; missing fields take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        factor = try container.decodeIfPresent(Double.self, forKey: .factor) ?? 2
        windowSeconds = try container.decodeIfPresent(Double.self, forKey: .windowSeconds) ?? 10
        holdSeconds = try container.decodeIfPresent(Double.self, forKey: .holdSeconds) ?? 60
    }
}
