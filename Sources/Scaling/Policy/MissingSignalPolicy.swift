/// How the engine treats signals it cannot read.
///
/// A signal that is missing, stale or reported by only some ready pods never lets the pool scale
/// down; the signals that are present may still scale it up. With a ``Fallback``, a signal that has
/// failed for that many decisions in a row holds a fixed replica count instead.
public struct MissingSignalPolicy: Codable, Sendable, Equatable {
    /// A sample older than this many seconds counts as missing.
    ///
    /// `nil` never expires samples. Default: 60.
    public var staleAfterSeconds: Double?
    /// The replica count to hold after repeated failures; `nil` holds the current count.
    public var fallback: Fallback?

    /// Creates a missing-signal policy.
    public init(staleAfterSeconds: Double? = 60, fallback: Fallback? = nil) {
        self.staleAfterSeconds = staleAfterSeconds
        self.fallback = fallback
    }

    private enum CodingKeys: String, CodingKey {
        case staleAfterSeconds, fallback
    }

    /// Decodes the policy; a missing `staleAfterSeconds` is 60, an explicit `null` disables it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.staleAfterSeconds) {
            staleAfterSeconds = try container.decodeIfPresent(Double.self, forKey: .staleAfterSeconds)
        } else {
            staleAfterSeconds = 60
        }
        fallback = try container.decodeIfPresent(Fallback.self, forKey: .fallback)
    }
}

/// A replica count held while a signal keeps failing.
///
/// Unlike KEDA's fallback, the failure count covers every way a signal can fail (kedacore/keda#8056),
/// the fallback stays in force for as long as the failure lasts (#4249), it wakes a pool at zero
/// (#7239), and signals that still work can ask for more than the fallback (#6659).
public struct Fallback: Codable, Sendable, Equatable {
    /// Whether the fallback may lower the pool or only raise it.
    public enum Mode: String, Codable, Sendable, Equatable {
        /// Hold exactly `replicas` (or more, if a working signal asks for more).
        case `static` = "Static"
        /// Hold `max(current, replicas)`: never scale down during an outage.
        case atLeastCurrent = "AtLeastCurrent"
    }

    /// Consecutive failed decisions before the fallback applies.
    ///
    /// Default: 3.
    public var afterFailedIntervals: Int
    /// The replica count to hold.
    public var replicas: Int
    /// Static or at-least-current.
    ///
    /// Default: ``Mode/static``.
    public var mode: Mode

    /// Creates a fallback.
    public init(afterFailedIntervals: Int = 3, replicas: Int, mode: Mode = .static) {
        self.afterFailedIntervals = afterFailedIntervals
        self.replicas = replicas
        self.mode = mode
    }

    private enum CodingKeys: String, CodingKey {
        case afterFailedIntervals, replicas, mode
    }

    /// Decodes a fallback; `replicas` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        afterFailedIntervals = try container.decodeIfPresent(Int.self, forKey: .afterFailedIntervals) ?? 3
        replicas = try container.decode(Int.self, forKey: .replicas)
        mode = try container.decodeIfPresent(Mode.self, forKey: .mode) ?? .static
    }
}
