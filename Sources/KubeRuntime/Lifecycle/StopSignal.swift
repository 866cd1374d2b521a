import Synchronization

/// A one-shot signal: once fired it stays fired, and every waiter (present and future) resumes.
///
/// Loops use it to stop on request rather than by cancellation, so their last steps (releasing
/// the lease, flushing events) still run with a live task.
public final class StopSignal: Sendable {
    private struct State {
        var isFired = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelled: Set<UInt64> = []
    }

    private let state = Mutex(State())

    /// Creates an unfired signal.
    public init() {}

    /// Whether ``fire()`` was called.
    public var isFired: Bool { state.withLock { $0.isFired } }

    /// Fires the signal and resumes every waiter.
    public func fire() {
        let waiters = state.withLock { state in
            state.isFired = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the signal fires, or when the calling task is cancelled.
    public func wait() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.isFired || state.cancelled.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                guard let waiter = state.waiters.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return nil as CheckedContinuation<Void, Never>?
                }
                return waiter
            }
            waiter?.resume()
        }
    }

    /// Sleeps on `clock` until `deadline`; returns `false` early when the signal fires or the task is cancelled.
    public func sleep(on clock: any RuntimeClock, until deadline: ContinuousClock.Instant) async -> Bool {
        guard !isFired else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await clock.sleep(until: deadline)
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                await self.wait()
                return false
            }
            let slept = await group.next() ?? false
            group.cancelAll()
            return slept && !Task.isCancelled
        }
    }
}
