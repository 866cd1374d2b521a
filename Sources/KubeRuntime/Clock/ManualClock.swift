import Foundation
import Synchronization

/// A clock that moves only when told to, for deterministic tests of timers and backoff.
///
/// Sleepers wake in deadline order when ``advance(by:)`` passes their deadline. ``sleeperCount``
/// lets a test wait until the code under test is parked before moving time.
///
/// ```swift
/// let clock = ManualClock()
/// await queue.add(key, after: .seconds(5))
/// clock.advance(by: .seconds(5))
/// ```
public final class ManualClock: RuntimeClock {
    private struct Sleeper {
        var id: UInt64
        var deadline: ContinuousClock.Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var offset: Duration = .zero
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        var cancelled: Set<UInt64> = []
    }

    private let origin: ContinuousClock.Instant
    private let wallOrigin: Date
    private let state = Mutex(State())

    /// Creates a clock at `wallTime` (default: 2026-01-01T00:00:00Z) that does not move by itself.
    public init(wallTime: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        origin = ContinuousClock.now
        wallOrigin = wallTime
    }

    /// The current instant: the creation instant plus every ``advance(by:)``.
    public var now: ContinuousClock.Instant {
        origin.advanced(by: state.withLock { $0.offset })
    }

    /// The wall time: the initial wall time plus every ``advance(by:)``.
    public var wallTime: Date {
        let offset = state.withLock { $0.offset }.components
        return wallOrigin.addingTimeInterval(Double(offset.seconds) + Double(offset.attoseconds) / 1e18)
    }

    /// How many tasks are sleeping on this clock right now.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    /// The earliest deadline any sleeper waits for, if any.
    public var nextDeadline: ContinuousClock.Instant? {
        state.withLock { $0.sleepers.map(\.deadline).min() }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    public func advance(by duration: Duration) {
        let due: [Sleeper] = state.withLock { state in
            state.offset += duration
            let current = origin.advanced(by: state.offset)
            let ready = state.sleepers.filter { $0.deadline <= current }
            state.sleepers.removeAll { $0.deadline <= current }
            return ready.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time to the earliest sleeper's deadline (if it is in the future) and wakes it.
    public func advanceToNextDeadline() {
        guard let deadline = nextDeadline else { return }
        advance(by: max(.zero, deadline - now))
    }

    /// Suspends until time reaches `deadline` through ``advance(by:)``.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= origin.advanced(by: state.offset) { return .success(()) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { state in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
