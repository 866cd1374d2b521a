// YAML owns decoding YAML (via libyaml) into JSON-compatible values and encoding them back.
// It must never import HTTP, Kube or any other PoolPilot module: everything above depends on it.

/// Errors from reading or writing YAML.
public enum YAMLError: Error, Sendable, CustomStringConvertible {
    /// The input is not valid YAML; line and column are 1-based.
    case syntax(message: String, line: Int, column: Int)
    /// A construct that decodes but that PoolPilot does not support.
    case unsupported(String)

    /// A lowercase description with the position of a syntax error.
    public var description: String {
        switch self {
        case .syntax(let message, let line, let column): return "yaml: line \(line), column \(column): \(message)"
        case .unsupported(let what): return "yaml: unsupported: \(what)"
        }
    }
}
