import Telemetry

/// What a reconcile asks for next.
public enum ReconcileOutcome: Sendable, Equatable {
    /// Converged: forget the key's backoff and wait for the next change.
    case done
    /// Run again after the key's rate-limited backoff (not an error).
    case requeue
    /// Converged for now; run again after this long (periodic work such as a metrics interval).
    case requeueAfter(Duration)
}

/// Errors a reconcile throws to tell the controller not to retry.
///
/// Any other error is logged at debug and the key is retried with backoff. A terminal error is
/// logged once at error level, counted as `result="terminal"`, and the key waits for its next change.
public enum ReconcileError: Error, Sendable, CustomStringConvertible {
    /// Retrying cannot help (an invalid spec, a missing referenced object the user must create).
    case terminal(reason: String, underlying: (any Error)?)

    /// A lowercase explanation.
    public var description: String {
        switch self {
        case .terminal(let reason, let underlying?): "terminal: \(reason): \(underlying)"
        case .terminal(let reason, nil): "terminal: \(reason)"
        }
    }
}

/// One reconcile call: which object, and a logger that already carries its fields.
public struct ReconcileRequest: Sendable {
    /// The object to converge.
    public let key: ObjectKey
    /// A unique id for this call, also in the logger as `reconcile.id`.
    public let reconcileID: String
    /// How many failures in a row this key had before this call.
    public let retries: Int
    /// A logger with `controller`, `object.kind`, `object.namespace`, `object.name` and `reconcile.id` set.
    public let logger: Logger
}
