import Synchronization

/// Whether this process leads, readable synchronously from anywhere (readiness, write guards).
///
/// Leadership is time-bound: ``isLeading`` turns false by itself when the renew deadline passes
/// without a renewal, even before the election loop notices, so writes stop at once.
public final class LeadershipStatus: Sendable {
    private struct State {
        var until: ContinuousClock.Instant?
        var holder: String?
    }

    private let clock: any RuntimeClock
    private let state = Mutex(State())
    private let elected = StopSignal()

    /// Creates a status that does not lead.
    public init(clock: any RuntimeClock = SystemRuntimeClock()) {
        self.clock = clock
    }

    /// A status that always leads, for single-replica runs without election.
    public static func alwaysLeading() -> LeadershipStatus {
        let status = LeadershipStatus()
        status.lead(until: .now.advanced(by: .seconds(1_000_000_000)))
        return status
    }

    /// Whether this process may act as leader right now.
    public var isLeading: Bool {
        guard let until = state.withLock({ $0.until }) else { return false }
        return clock.now < until
    }

    /// The last holder identity seen on the Lease.
    public var observedHolder: String? {
        state.withLock { $0.holder }
    }

    /// Throws unless this process leads; call before every write a follower must not make.
    ///
    /// - Throws: ``RuntimeError/notLeader``.
    public func ensureLeading() throws {
        guard isLeading else { throw RuntimeError.notLeader }
    }

    /// Returns once this process has led at least once, or when the calling task is cancelled.
    public func waitUntilLeading() async {
        await elected.wait()
    }

    func lead(until: ContinuousClock.Instant) {
        state.withLock { $0.until = until }
        elected.fire()
    }

    func follow(holder: String?) {
        state.withLock { state in
            state.until = nil
            state.holder = holder
        }
    }

    func observe(holder: String?) {
        state.withLock { $0.holder = holder }
    }
}
