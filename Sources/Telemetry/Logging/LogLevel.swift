/// How important a log record is, from the chattiest to the most severe.
///
/// Records below a ``Logger``'s level are dropped before any formatting happens.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Request and response lines without bodies, cache contents.
    case trace
    /// Reconcile start and end, watch restarts, requeues, transient failures that will be retried.
    case debug
    /// Lifecycle events and every change made to the cluster.
    case info
    /// The program keeps running but a person must act.
    case warning
    /// A reconcile gave up or a component stopped.
    case error

    /// Parses a level name as given on a command line: `trace`, `debug`, `info`, `warning` (or `warn`), `error`.
    public init?(name: String) {
        switch name.lowercased() {
        case "trace": self = .trace
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// The lowercase name written in each record.
    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// How records are written: JSON lines for machines, `key=value` text for people.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line: `ts`, `level`, `logger`, `msg`, then the fields in key order.
    case json
    /// One line per record: timestamp, level, logger, message, then `key=value` pairs.
    case text
}
