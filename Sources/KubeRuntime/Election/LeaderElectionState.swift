import Foundation

/// The leader election algorithm of client-go as a pure state machine: events in, ``Action`` out.
///
/// Validity is judged on the local monotonic clock: another holder's claim is valid until
/// `leaseDuration` after this process last saw the record *change*, so clock skew between nodes
/// does not matter. A leader counts as leading only until `renewDeadline` after its last
/// successful renewal; since `renewDeadline < leaseDuration`, an old leader stops before any
/// follower may take over.
public struct LeaderElectionState: Sendable {
    /// What the driver must do next.
    public enum Action: Sendable, Equatable {
        /// Read the Lease (``leaseFetched(_:resourceVersion:now:wallTime:)`` with the result).
        case fetchLease
        /// Create the Lease with this record.
        case createLease(LeaseRecord)
        /// Update the Lease with this record, conditioned on the resourceVersion last read.
        case updateLease(LeaseRecord, resourceVersion: String?)
        /// Someone else holds a valid lease; try again after the retry period.
        case standBy(holder: String)
        /// The write succeeded and this process now leads.
        case startedLeading
        /// The write succeeded and this process still leads.
        case renewed
        /// This process lost the lease: stop writing at once.
        case stoppedLeading
        /// A write failed; try again after the retry period.
        case retry
        /// Write this record (holder cleared, 1 s duration) so a follower takes over at once.
        case releaseLease(LeaseRecord, resourceVersion: String?)
        /// Nothing to do.
        case none
    }

    /// The configuration.
    public let configuration: LeaderElectionConfiguration
    /// Whether this process currently considers itself leader.
    public private(set) var isLeader = false
    /// The last record read or written.
    public private(set) var observedRecord: LeaseRecord?
    /// The resourceVersion of ``observedRecord``.
    public private(set) var observedResourceVersion: String?
    private var observedTime: ContinuousClock.Instant?
    private var lastRenewal: ContinuousClock.Instant?

    /// Creates the state of a follower that has seen nothing yet.
    public init(configuration: LeaderElectionConfiguration) {
        self.configuration = configuration
    }

    /// The instant until which this process may act as leader, if it leads.
    public var leadingUntil: ContinuousClock.Instant? {
        guard isLeader, let lastRenewal else { return nil }
        return lastRenewal.advanced(by: configuration.renewDeadline)
    }

    /// A new attempt starts: a leader renews from its cached record, a follower reads the Lease.
    ///
    /// A leader whose renew deadline passed gets ``Action/stoppedLeading`` instead.
    public mutating func willAttempt(now: ContinuousClock.Instant, wallTime: Date) -> Action {
        if isLeader, let until = leadingUntil, now >= until {
            isLeader = false
            return .stoppedLeading
        }
        guard isLeader, var record = observedRecord else { return .fetchLease }
        record.renewTime = wallTime
        record.leaseDurationSeconds = seconds(configuration.leaseDuration)
        return .updateLease(record, resourceVersion: observedResourceVersion)
    }

    /// The Lease was read: `nil` when it does not exist.
    public mutating func leaseFetched(
        _ record: LeaseRecord?,
        resourceVersion: String?,
        now: ContinuousClock.Instant,
        wallTime: Date
    ) -> Action {
        guard let record else {
            return .createLease(claim(previous: nil, wallTime: wallTime))
        }
        if record != observedRecord || resourceVersion != observedResourceVersion {
            observedRecord = record
            observedResourceVersion = resourceVersion
            observedTime = now
        }
        let heldByOther = !record.holderIdentity.isEmpty && record.holderIdentity != configuration.identity
        let validUntil = observedTime.map { $0.advanced(by: .seconds(record.leaseDurationSeconds)) } ?? now
        if heldByOther && now < validUntil {
            if isLeader {
                isLeader = false
                return .stoppedLeading
            }
            return .standBy(holder: record.holderIdentity)
        }
        return .updateLease(claim(previous: record, wallTime: wallTime), resourceVersion: resourceVersion)
    }

    /// A create or update succeeded and the server stored `record` at `resourceVersion`.
    public mutating func leaseWritten(
        _ record: LeaseRecord,
        resourceVersion: String?,
        now: ContinuousClock.Instant
    ) -> Action {
        observedRecord = record
        observedResourceVersion = resourceVersion
        observedTime = now
        lastRenewal = now
        if isLeader { return .renewed }
        isLeader = true
        return .startedLeading
    }

    /// A create or update failed (conflict, timeout, server error).
    ///
    /// A leader keeps retrying until its renew deadline; a conflict makes the next attempt re-read.
    public mutating func leaseWriteFailed(now: ContinuousClock.Instant) -> Action {
        observedResourceVersion = nil
        if isLeader {
            // Drop the cached record so the next attempt re-reads the Lease.
            observedRecord = nil
            if let until = leadingUntil, now >= until {
                isLeader = false
                return .stoppedLeading
            }
        }
        return .retry
    }

    /// A read failed; a leader whose deadline passed stops.
    public mutating func leaseFetchFailed(now: ContinuousClock.Instant) -> Action {
        if isLeader, let until = leadingUntil, now >= until {
            isLeader = false
            return .stoppedLeading
        }
        return .retry
    }

    /// The process is shutting down: a leader releases the lease so a follower starts at once.
    public mutating func willShutDown(wallTime: Date) -> Action {
        guard isLeader, var record = observedRecord else { return .none }
        isLeader = false
        record.holderIdentity = ""
        record.leaseDurationSeconds = 1
        record.acquireTime = wallTime
        record.renewTime = wallTime
        return .releaseLease(record, resourceVersion: observedResourceVersion)
    }

    /// The record this process writes to take or keep the lease.
    private func claim(previous: LeaseRecord?, wallTime: Date) -> LeaseRecord {
        let keepsHolder = previous?.holderIdentity == configuration.identity
        return LeaseRecord(
            holderIdentity: configuration.identity,
            leaseDurationSeconds: seconds(configuration.leaseDuration),
            acquireTime: keepsHolder ? (previous?.acquireTime ?? wallTime) : wallTime,
            renewTime: wallTime,
            leaseTransitions: (previous?.leaseTransitions ?? 0) + (previous == nil || keepsHolder ? 0 : 1)
        )
    }

    private func seconds(_ duration: Duration) -> Int {
        max(1, Int((duration / .seconds(1)).rounded(.up)))
    }
}
