/// A credential (token, password, key) whose description never shows its value.
///
/// Print it, log it or put it in an error and you get `<redacted>`; read ``revealed`` only where the
/// value goes on the wire.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret value.
    public let revealed: String

    /// Wraps a secret value.
    public init(_ value: String) {
        revealed = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
}
