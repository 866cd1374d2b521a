/// One condition of a pool, shaped like Kubernetes' `metav1.Condition`.
public struct PoolCondition: Codable, Sendable, Equatable {
    /// The condition types a pool reports.
    public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
        /// The pool's spec is valid, its target exists and its replicas are ready.
        case Ready
        /// The pool can compute a replica count from its signals.
        case ScalingActive
        /// The desired count was limited by min/max, a rate policy or capacity.
        case ScalingLimited
        /// Signals were read for every ready pod in the last interval.
        case MetricsAvailable
        /// The matching GPU nodes can schedule the desired replicas.
        case CapacityAvailable
        /// Another autoscaler targets the same Deployment, so the pool does not write replicas.
        case Conflict
    }

    /// The condition type such as `Ready`.
    public var type: String
    /// `True`, `False` or `Unknown`.
    public var status: String
    /// The spec generation the condition was computed for.
    public var observedGeneration: Int64?
    /// When `status` last changed, RFC 3339.
    public var lastTransitionTime: String
    /// A one-word CamelCase reason.
    public var reason: String
    /// A human sentence.
    public var message: String

    /// Creates a condition.
    public init(
        type: Kind,
        status: Bool?,
        reason: String,
        message: String,
        observedGeneration: Int64? = nil,
        lastTransitionTime: String
    ) {
        self.type = type.rawValue
        self.status = status.map { $0 ? "True" : "False" } ?? "Unknown"
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    /// The schema of one condition.
    public static let schema = SchemaNode.object(
        "A condition of the pool: Ready, ScalingActive, ScalingLimited, MetricsAvailable, "
            + "CapacityAvailable or Conflict.",
        [
            ("type", .string("The condition type.", maxLength: 316)),
            ("status", .string("True, False or Unknown.", enum: ["True", "False", "Unknown"])),
            (
                "observedGeneration",
                .integer("The spec generation the condition was computed for.", minimum: 0, format: "int64")
            ),
            ("lastTransitionTime", .string("When status last changed.", format: "date-time")),
            ("reason", .string("A one-word CamelCase reason.", maxLength: 1024)),
            ("message", .string("A human sentence explaining the condition.", maxLength: 32768)),
        ],
        required: ["type", "status", "lastTransitionTime", "reason", "message"]
    )
}
