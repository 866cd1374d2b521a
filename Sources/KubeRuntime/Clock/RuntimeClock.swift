import Foundation

/// The time source of the runtime's pieces: a monotonic clock for timers and a wall clock for the
/// timestamps written into Kubernetes objects.
///
/// Production code uses ``SystemRuntimeClock``; tests inject a ``ManualClock`` and move time by hand.
public protocol RuntimeClock: Sendable {
    /// The current monotonic instant.
    var now: ContinuousClock.Instant { get }
    /// The current wall-clock time, for `renewTime`, `eventTime` and similar fields.
    var wallTime: Date { get }
    /// Suspends until `deadline`; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension RuntimeClock {
    /// Suspends for `duration`; throws `CancellationError` when the task is cancelled first.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now.advanced(by: duration))
    }
}

/// The real clocks: `ContinuousClock` and `Date()`.
public struct SystemRuntimeClock: RuntimeClock {
    /// Creates the system clock.
    public init() {}

    /// `ContinuousClock.now`.
    public var now: ContinuousClock.Instant { ContinuousClock.now }

    /// `Date()`.
    public var wallTime: Date { Date() }

    /// Sleeps on `ContinuousClock`.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await ContinuousClock().sleep(until: deadline, tolerance: nil)
    }
}
