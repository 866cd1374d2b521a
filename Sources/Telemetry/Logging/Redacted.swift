/// A secret (token, client key, password) that never prints.
///
/// `description`, `debugDescription` and `dump` all show `<redacted>`; read ``value`` where the
/// secret is really needed (an `Authorization` header).
///
/// ```swift
/// let token = Redacted("s3cr3t")
/// logger.debug("loaded credentials", ["token": .secret(token)])   // token=<redacted>
/// ```
public struct Redacted<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself.
    public let value: Value

    /// Wraps a secret.
    public init(_ value: Value) {
        self.value = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// A mirror with no children, so `dump` shows nothing of the secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension Redacted: Equatable where Value: Equatable {}
