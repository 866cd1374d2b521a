/// The reasons of the Events PoolPilot records on an InferencePool.
public enum EventReason: String, Sendable, Equatable, CaseIterable {
    /// Replicas were raised.
    case ScaledUp
    /// Replicas were lowered.
    case ScaledDown
    /// The engine wanted more or fewer replicas than limits allow.
    case ScaleLimited
    /// Signals could not be read.
    case MetricsUnavailable
    /// The matching GPU nodes cannot take the desired replicas.
    case CapacityExhausted
    /// The spec has a problem the schema did not catch.
    case InvalidSpec
    /// Another autoscaler targets the Deployment.
    case Conflict
    /// The pod template's GPU placement was written.
    case PlacementPatched
    /// Someone changed the Deployment's replicas outside PoolPilot.
    case ManualScale
    /// The target Deployment does not exist.
    case TargetNotFound

    /// `Normal` for changes made, `Warning` for what needs a person.
    public var type: String {
        switch self {
        case .ScaledUp, .ScaledDown, .PlacementPatched: return "Normal"
        default: return "Warning"
        }
    }
}

/// An Event to record on the pool.
public struct PlannedEvent: Sendable, Equatable {
    /// The reason.
    public var reason: EventReason
    /// One sentence for `kubectl describe`.
    public var message: String

    /// Creates an event.
    public init(_ reason: EventReason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// `Normal` or `Warning`.
    public var type: String {
        reason.type
    }
}
