/// Errors from the simulated cluster's pure parts: traces, node descriptions, load settings.
public enum SimulationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A trace file is missing or malformed.
    case traceUnreadable(String)
    /// A node description is invalid; the message names the field.
    case invalidNodeDescription(String)
    /// A load description is invalid.
    case invalidLoad(String)
    /// A feature the simulation does not model.
    case unsupported(String)

    /// A lowercase description.
    public var description: String {
        switch self {
        case .traceUnreadable(let message): return "trace unreadable: \(message)"
        case .invalidNodeDescription(let message): return "invalid node description: \(message)"
        case .invalidLoad(let message): return "invalid load: \(message)"
        case .unsupported(let message): return "unsupported: \(message)"
        }
    }
}
