/// Scaling to zero replicas when idle, and back up when work arrives.
///
/// The pool first shrinks to ``ScalingPolicy/minReplicas`` by the normal rules; only the last step
/// to zero waits for ``idleSeconds`` with no waiting and no running requests on any pod. It never
/// happens while a pod is loading. At zero, a pool-level `waitingRequests` value of at least
/// ``activationThreshold`` (from the gateway or router) brings the pool back to
/// `max(minReplicas, 1)`.
public struct ScaleToZeroPolicy: Codable, Sendable, Equatable {
    /// Seconds with no waiting or running requests before going to zero.
    ///
    /// Default: 300.
    public var idleSeconds: Double
    /// Waiting requests at the pool level that wake a pool at zero (at least this many).
    ///
    /// Default: 1.
    public var activationThreshold: Double

    /// Creates a scale-to-zero policy.
    public init(idleSeconds: Double = 300, activationThreshold: Double = 1) {
        self.idleSeconds = idleSeconds
        self.activationThreshold = activationThreshold
    }

    private enum CodingKeys: String, CodingKey {
        case idleSeconds, activationThreshold
    }

    /// Decodes the policy; missing fields take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        idleSeconds = try container.decodeIfPresent(Double.self, forKey: .idleSeconds) ?? 300
        activationThreshold = try container.decodeIfPresent(Double.self, forKey: .activationThreshold) ?? 1
    }
}
