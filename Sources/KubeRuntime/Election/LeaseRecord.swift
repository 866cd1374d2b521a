import Foundation

/// The leader election fields of a Lease, as the state machine sees them.
public struct LeaseRecord: Sendable, Equatable {
    /// Who holds the lease; empty when nobody does (released).
    public var holderIdentity: String
    /// How long the holder's claim lasts after each renewal, in seconds.
    public var leaseDurationSeconds: Int
    /// When the current holder acquired it.
    public var acquireTime: Date?
    /// When the holder last renewed.
    public var renewTime: Date?
    /// How often the holder changed.
    public var leaseTransitions: Int

    /// Creates a record.
    public init(
        holderIdentity: String,
        leaseDurationSeconds: Int,
        acquireTime: Date? = nil,
        renewTime: Date? = nil,
        leaseTransitions: Int = 0
    ) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
    }
}

/// Timings and identity for leader election; the defaults are client-go's and controller-runtime's.
public struct LeaderElectionConfiguration: Sendable, Equatable {
    /// The Lease's namespace.
    public var namespace: String
    /// The Lease's name.
    public var name: String
    /// This process's identity, conventionally `<hostname>_<uuid>`.
    public var identity: String
    /// How long a follower waits after the last observed change before taking over (default 15 s).
    public var leaseDuration: Duration
    /// How long a leader keeps trying to renew before it stops leading (default 10 s).
    public var renewDeadline: Duration
    /// Time between attempts (default 2 s).
    public var retryPeriod: Duration

    /// Creates a configuration.
    public init(
        namespace: String,
        name: String,
        identity: String,
        leaseDuration: Duration = .seconds(RuntimeDefaults.leaseDurationSeconds),
        renewDeadline: Duration = .seconds(RuntimeDefaults.renewDeadlineSeconds),
        retryPeriod: Duration = .seconds(RuntimeDefaults.retryPeriodSeconds)
    ) {
        self.namespace = namespace
        self.name = name
        self.identity = identity
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
    }

    /// A fresh identity: `<hostname>_<uuid>`.
    public static func defaultIdentity() -> String {
        "\(ProcessInfo.processInfo.hostName)_\(UUID().uuidString.lowercased())"
    }

    /// Whether `leaseDuration > renewDeadline > 1.2 × retryPeriod`, as client-go requires.
    public var isValid: Bool {
        leaseDuration > renewDeadline && renewDeadline > retryPeriod * 1.2 && retryPeriod > .zero
    }
}
