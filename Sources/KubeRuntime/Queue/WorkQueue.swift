import Synchronization
import Telemetry

/// A deduplicating, rate-limited queue of keys to reconcile, like client-go's workqueue.
///
/// - A key added while it waits is queued once (`dirty` set).
/// - A key handed out by ``next()`` is in `processing` until ``done(_:)``; adding it meanwhile
///   queues it again only after ``done(_:)``, so two workers never hold the same key.
/// - ``add(_:after:)`` delays a key; when a key is already delayed the earlier time wins.
/// - ``addRateLimited(_:)`` delays by the ``RateLimiter`` (per-key backoff and overall bucket);
///   ``forget(_:)`` resets the key's backoff after a success.
/// - ``shutDown()`` stops handing out keys: waiting and future ``next()`` calls return `nil`,
///   adds are ignored, and ``waitUntilIdle()`` returns once every handed-out key is done.
///
/// Delayed keys only move into the queue while ``run()`` runs; the ``Controller`` runs it.
///
/// ```swift
/// let queue = WorkQueue<ObjectKey>(name: "pools")
/// await queue.add(ObjectKey("ml/chat"))
/// while let key = await queue.next() {
///     defer { Task { await queue.done(key) } }   // a controller calls done(_:) after reconcile
/// }
/// ```
public actor WorkQueue<Key: Hashable & Sendable> {
    /// The queue's name, used as the `name` metric label.
    public let name: String
    private let clock: any RuntimeClock
    private var rateLimiter: RateLimiter<Key>
    private let metrics: RuntimeMetrics?

    private var queue: [Key] = []
    private var head = 0
    private var dirty: Set<Key> = []
    private var processing: Set<Key> = []
    private var enqueuedAt: [Key: ContinuousClock.Instant] = [:]
    private var delayed: [Key: ContinuousClock.Instant] = [:]
    private var isShuttingDown = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var timerWake: AsyncStream<Void>.Continuation?
    private let getters = GetterList<Key>()

    /// Creates a queue.
    ///
    /// - Parameters:
    ///   - name: The metric label and log name.
    ///   - clock: The time source. Default: the system clock.
    ///   - rateLimiter: Backoff for ``addRateLimited(_:)``. Default: 5 ms→1000 s per key, 10/s burst 100.
    ///   - metrics: Where to count adds, retries and queue latency; `nil` counts nothing.
    public init(
        name: String,
        clock: any RuntimeClock = SystemRuntimeClock(),
        rateLimiter: RateLimiter<Key> = RateLimiter(),
        metrics: RuntimeMetrics? = nil
    ) {
        self.name = name
        self.clock = clock
        self.rateLimiter = rateLimiter
        self.metrics = metrics
    }

    /// Keys waiting to be handed out (not counting delayed or in-progress keys).
    public var depth: Int { queue.count - head }

    /// Keys handed out and not yet done.
    public var inProgressCount: Int { processing.count }

    /// Whether no key waits (ignoring delayed keys) and none is in progress.
    public var isIdle: Bool { depth == 0 && processing.isEmpty }

    /// Keys waiting for a delay to pass.
    public var delayedCount: Int { delayed.count }

    /// Whether ``shutDown()`` was called.
    public var hasShutDown: Bool { isShuttingDown }

    /// Queues `key` now, unless it is already queued or the queue has shut down.
    public func add(_ key: Key) {
        guard !isShuttingDown, !dirty.contains(key) else { return }
        delayed[key] = nil
        dirty.insert(key)
        metrics?.queueAdds.increment(labels: ["name": name])
        guard !processing.contains(key) else { return }
        append(key)
    }

    /// Queues `key` once `delay` has passed; if it is already delayed, the earlier time wins.
    public func add(_ key: Key, after delay: Duration) {
        guard !isShuttingDown else { return }
        guard delay > .zero else { return add(key) }
        let due = clock.now.advanced(by: delay)
        if let existing = delayed[key], existing <= due { return }
        let earliest = delayed.values.min()
        delayed[key] = due
        if earliest.map({ due < $0 }) ?? true { timerWake?.yield() }
    }

    /// Queues `key` after its rate-limited backoff; counts as a retry.
    public func addRateLimited(_ key: Key) {
        guard !isShuttingDown else { return }
        let delay = rateLimiter.delay(for: key, now: clock.now)
        metrics?.queueRetries.increment(labels: ["name": name])
        add(key, after: delay)
    }

    /// Resets the backoff of `key`.
    public func forget(_ key: Key) {
        rateLimiter.forget(key)
    }

    /// How many times in a row `key` was re-added with ``addRateLimited(_:)`` since its last ``forget(_:)``.
    public func failureCount(of key: Key) -> Int {
        rateLimiter.failureCount(of: key)
    }

    /// Waits for the next key and marks it in progress; `nil` once the queue has shut down or the
    /// calling task is cancelled.
    public func next() async -> Key? {
        guard !isShuttingDown else { return nil }
        if let key = takeNext() { return key }
        guard !Task.isCancelled else { return nil }
        let id = getters.makeID()
        let handed: Key? = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Key?, Never>) in
                if !getters.park(id, continuation) { continuation.resume(returning: nil) }
            }
        } onCancel: {
            getters.cancel(id)
        }
        return handed
    }

    /// Marks `key` finished; if it was added meanwhile, it is queued again.
    public func done(_ key: Key) {
        processing.remove(key)
        if dirty.contains(key) && !isShuttingDown { append(key) }
        if processing.isEmpty {
            for waiter in idleWaiters { waiter.resume() }
            idleWaiters.removeAll()
        }
    }

    /// Stops handing out keys and ignores adds; keys already handed out still finish with ``done(_:)``.
    public func shutDown() {
        guard !isShuttingDown else { return }
        isShuttingDown = true
        getters.resumeAll(with: nil)
        timerWake?.finish()
    }

    /// Returns once no key is in progress.
    public func waitUntilIdle() async {
        guard !processing.isEmpty else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Moves delayed keys into the queue when they are due; returns after ``shutDown()`` or on cancellation.
    public func run() async {
        while !isShuttingDown && !Task.isCancelled {
            moveDueKeys()
            let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            timerWake = continuation
            let deadline = delayed.values.min()
            await withTaskGroup(of: Void.self) { group in
                if let deadline {
                    group.addTask { [clock] in try? await clock.sleep(until: deadline) }
                }
                group.addTask {
                    for await _ in stream { return }
                }
                await group.next()
                group.cancelAll()
            }
        }
        timerWake = nil
    }

    // MARK: - Internals

    private func append(_ key: Key) {
        enqueuedAt[key] = clock.now
        if let getter = getters.popFirst() {
            handOut(key)
            getter.resume(returning: key)
            return
        }
        queue.append(key)
        metrics?.queueDepth.set(Double(depth), labels: ["name": name])
    }

    private func takeNext() -> Key? {
        guard head < queue.count else { return nil }
        let key = queue[head]
        head += 1
        if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        handOut(key)
        metrics?.queueDepth.set(Double(depth), labels: ["name": name])
        return key
    }

    private func handOut(_ key: Key) {
        dirty.remove(key)
        processing.insert(key)
        if let since = enqueuedAt.removeValue(forKey: key) {
            metrics?.queueLatency.observe(clock.now - since, labels: ["name": name])
        }
    }

    private func moveDueKeys() {
        let now = clock.now
        let due = delayed.filter { $0.value <= now }.sorted { $0.value < $1.value }
        for (key, _) in due {
            delayed[key] = nil
            add(key)
        }
    }
}

/// Workers parked in ``WorkQueue/next()``, behind a lock so cancellation can wake one synchronously.
final class GetterList<Key: Sendable>: Sendable {
    private struct State {
        var nextID: UInt64 = 0
        var parked: [(id: UInt64, continuation: CheckedContinuation<Key?, Never>)] = []
        var cancelled: Set<UInt64> = []
    }

    private let state = Mutex(State())

    func makeID() -> UInt64 {
        state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Parks a continuation; `false` when its task was already cancelled.
    func park(_ id: UInt64, _ continuation: CheckedContinuation<Key?, Never>) -> Bool {
        state.withLock { state in
            if state.cancelled.remove(id) != nil { return false }
            state.parked.append((id, continuation))
            return true
        }
    }

    func popFirst() -> CheckedContinuation<Key?, Never>? {
        state.withLock { state in
            state.parked.isEmpty ? nil : state.parked.removeFirst().continuation
        }
    }

    func cancel(_ id: UInt64) {
        let continuation: CheckedContinuation<Key?, Never>? = state.withLock { state in
            guard let index = state.parked.firstIndex(where: { $0.id == id }) else {
                state.cancelled.insert(id)
                return nil
            }
            return state.parked.remove(at: index).continuation
        }
        continuation?.resume(returning: nil)
    }

    func resumeAll(with value: Key?) {
        let all = state.withLock { state in
            defer { state.parked.removeAll() }
            return state.parked.map(\.continuation)
        }
        for continuation in all { continuation.resume(returning: value) }
    }
}
