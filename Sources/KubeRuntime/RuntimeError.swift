/// Failures of the runtime's own machinery.
public enum RuntimeError: Error, Sendable, CustomStringConvertible {
    /// A write was refused because this process does not hold the leader lease.
    case notLeader
    /// Caches did not sync within the allowed time.
    case cacheSyncTimeout(resource: String, seconds: Double)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// A feature that is not available.
    case unsupported(String)

    /// A lowercase explanation.
    public var description: String {
        switch self {
        case .notLeader: "not the leader: write refused"
        case .cacheSyncTimeout(let resource, let seconds): "cache of \(resource) did not sync within \(seconds) s"
        case .invalidConfiguration(let reason): "invalid runtime configuration: \(reason)"
        case .unsupported(let feature): "unsupported: \(feature)"
        }
    }
}
