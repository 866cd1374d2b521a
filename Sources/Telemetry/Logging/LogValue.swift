/// A field value in a log record.
///
/// Build values with literals (`"ready"`, `3`, `0.5`, `true`) or the static helpers. A
/// ``Redacted`` value always prints as `<redacted>`.
public enum LogValue: Sendable, Equatable {
    /// A string, written quoted in JSON.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number; non-finite values are written as strings.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// A secret; written as `<redacted>` and never stored.
    case redacted

    /// The value of a type's `description` (errors, durations, URLs).
    public static func describing(_ value: some CustomStringConvertible) -> LogValue {
        .string(value.description)
    }

    /// An error, written with its description.
    public static func error(_ error: any Error) -> LogValue {
        .string(String(describing: error))
    }

    /// A duration in milliseconds, the unit of `duration.ms` fields.
    public static func milliseconds(_ duration: Duration) -> LogValue {
        let components = duration.components
        let milliseconds = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return .double((milliseconds * 1000).rounded() / 1000)
    }

    /// A secret value: only `<redacted>` reaches the output.
    public static func secret<Value>(_ value: Redacted<Value>) -> LogValue {
        .redacted
    }
}

extension LogValue: ExpressibleByStringLiteral {
    /// Creates a string value from a literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension LogValue: ExpressibleByIntegerLiteral {
    /// Creates an integer value from a literal.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension LogValue: ExpressibleByFloatLiteral {
    /// Creates a floating-point value from a literal.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension LogValue: ExpressibleByBooleanLiteral {
    /// Creates a boolean value from a literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension LogValue: ExpressibleByStringInterpolation {}

/// Log fields: dotted lowercase keys (`object.name`, `duration.ms`) to values.
public typealias LogFields = [String: LogValue]
