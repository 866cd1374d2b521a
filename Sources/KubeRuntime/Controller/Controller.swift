import Foundation
import Synchronization
import Telemetry

/// Runs a reconcile function for keys from a ``WorkQueue`` with N concurrent workers.
///
/// The queue guarantees that one key is never reconciled by two workers at once and that many
/// events for one key collapse into one run. Outcomes map to queue operations as in
/// controller-runtime: ``ReconcileOutcome/done`` forgets the backoff, ``ReconcileOutcome/requeueAfter(_:)``
/// forgets it and re-adds after the delay, ``ReconcileOutcome/requeue`` and thrown errors re-add with
/// backoff, and ``ReconcileError/terminal(reason:underlying:)`` is logged and not retried.
///
/// ```swift
/// let controller = Controller(name: "pools", kind: "InferencePool", workers: 2, logger: log) { request in
///     let pool = try await cache.get(request.key)   // read the world, converge, never trust the event
///     return .requeueAfter(.seconds(15))
/// }
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { await controller.run() }
///     await controller.enqueue(ObjectKey("ml/chat"))
/// }
/// ```
public final class Controller: Sendable {
    /// The function a controller calls for each key.
    public typealias Reconcile = @Sendable (ReconcileRequest) async throws -> ReconcileOutcome

    /// The controller name (metric label and `controller` log field).
    public let name: String
    /// The kind reconciled, for the `object.kind` log field.
    public let kind: String
    /// The queue feeding the workers; event handlers add keys here.
    public let queue: WorkQueue<ObjectKey>
    /// How many keys are reconciled at once.
    public let workers: Int

    private let reconcile: Reconcile
    private let logger: Logger
    private let metrics: RuntimeMetrics?
    private let clock: any RuntimeClock
    private let sequence = Atomic<UInt64>(0)
    private let idPrefix = String(UUID().uuidString.prefix(8)).lowercased()

    /// Creates a controller.
    ///
    /// - Parameters:
    ///   - name: The controller name.
    ///   - kind: The object kind for log fields.
    ///   - workers: Concurrent reconciles. Default: 1 (controller-runtime's default).
    ///   - clock: The time source. Default: the system clock.
    ///   - rateLimiter: Backoff for failed keys. Default: 5 ms→1000 s per key, 10/s burst 100 overall.
    ///   - logger: The parent logger.
    ///   - metrics: Standard runtime metrics, or `nil`.
    ///   - reconcile: The reconcile function.
    public init(
        name: String,
        kind: String,
        workers: Int = 1,
        clock: any RuntimeClock = SystemRuntimeClock(),
        rateLimiter: RateLimiter<ObjectKey> = RateLimiter(),
        logger: Logger = .disabled,
        metrics: RuntimeMetrics? = nil,
        reconcile: @escaping Reconcile
    ) {
        self.name = name
        self.kind = kind
        self.workers = max(1, workers)
        self.clock = clock
        self.logger = logger.with(["controller": .string(name)])
        self.metrics = metrics
        self.reconcile = reconcile
        self.queue = WorkQueue(name: name, clock: clock, rateLimiter: rateLimiter, metrics: metrics)
    }

    /// Queues `key` for reconcile.
    public func enqueue(_ key: ObjectKey) async {
        await queue.add(key)
    }

    /// Runs the queue's timer and the workers until ``stop()``; in-flight reconciles finish first.
    ///
    /// Cancelling the calling task cancels in-flight reconciles too (a shutdown deadline passed).
    public func run() async {
        logger.info("controller started", ["workers": .integer(workers)])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.queue.run() }
            for _ in 0..<workers {
                group.addTask { await self.work() }
            }
            await group.waitForAll()
        }
        logger.info("controller stopped")
    }

    /// Stops taking keys; ``run()`` returns once in-flight reconciles finish.
    public func stop() async {
        await queue.shutDown()
    }

    /// Returns once no reconcile is running.
    public func waitUntilIdle() async {
        await queue.waitUntilIdle()
    }

    private func work() async {
        while let key = await queue.next() {
            await process(key)
            await queue.done(key)
        }
    }

    /// Calls reconcile for one key and turns the outcome into queue operations.
    func process(_ key: ObjectKey) async {
        let number = sequence.add(1, ordering: .relaxed).newValue
        let reconcileID = "\(idPrefix)-\(number)"
        let log = logger.with([
            "object.kind": .string(kind),
            "object.namespace": .string(key.namespace ?? ""),
            "object.name": .string(key.name),
            "reconcile.id": .string(reconcileID),
        ])
        let retries = await queue.failureCount(of: key)
        let request = ReconcileRequest(key: key, reconcileID: reconcileID, retries: retries, logger: log)
        log.debug("reconcile started", ["retries": .integer(retries)])
        let start = clock.now

        let result: String
        do {
            result = try await apply(reconcile(request), to: key, log: log)
        } catch let error as ReconcileError {
            await queue.forget(key)
            log.error("reconcile failed permanently", ["error": .error(error)])
            result = "terminal"
        } catch is CancellationError {
            log.debug("reconcile cancelled")
            result = "cancelled"
        } catch {
            await queue.addRateLimited(key)
            log.debug("reconcile failed, will retry", ["error": .error(error), "retries": .integer(retries + 1)])
            result = "error"
        }

        let elapsed = clock.now - start
        metrics?.reconciles.increment(labels: ["controller": name, "result": result])
        metrics?.reconcileDuration.observe(elapsed, labels: ["controller": name])
        log.debug("reconcile finished", ["duration.ms": .milliseconds(elapsed), "result": .string(result)])
    }

    private func apply(_ outcome: ReconcileOutcome, to key: ObjectKey, log: Logger) async -> String {
        switch outcome {
        case .done:
            await queue.forget(key)
            return "success"
        case .requeue:
            await queue.addRateLimited(key)
            return "requeue"
        case .requeueAfter(let delay):
            await queue.forget(key)
            await queue.add(key, after: delay)
            log.debug("requeued", ["requeue.after.ms": .milliseconds(delay)])
            return "success"
        }
    }
}
