import Kube
import Synchronization
import Telemetry

/// Keeps an ``ObjectCache`` in step with the API server and tells handlers about every change.
///
/// The reflector loop lists, then watches from the list's resourceVersion with bookmarks. When a
/// watch ends it re-watches from the last resourceVersion seen (events or bookmarks), so no change
/// is missed. A 410 Gone (history compacted) relists and replaces the cache in one step, emitting
/// the differences. Other failures back off exponentially (800 ms doubling to 30 s, with jitter,
/// reset after a successful watch). An optional resync replays every cached object as an update.
///
/// ```swift
/// let pods = Informer(listWatcher: KubeListWatcher<Pod>(client: client, labelSelector: "poolpilot.dev/pool"))
/// pods.addHandler(enqueueing: controller) { pod in
///     pod.metadata.labels?["poolpilot.dev/pool"].map { [ObjectKey(namespace: pod.metadata.namespace, name: $0)] } ?? []
/// }
/// async let _ = pods.run()
/// await pods.waitUntilSynced()
/// ```
public final class Informer<Object: KubeResource>: Sendable {
    /// A function told about every change; keep it short (enqueue keys, no API calls).
    public typealias Handler = @Sendable (InformerEvent<Object>) async -> Void

    /// The cache this informer fills.
    public let cache: ObjectCache<Object>
    /// Time between resyncs, or `nil` for none (the default; controller-runtime uses 10 h).
    public let resyncPeriod: Duration?

    private let listWatcher: any ListWatcher<Object>
    private let clock: any RuntimeClock
    private let logger: Logger
    private let metrics: RuntimeMetrics?
    private let jitter: @Sendable () -> Double
    private let handlers = Mutex<[Handler]>([])
    private let synced = StopSignal()
    private let stopSignal = StopSignal()
    private let lastResourceVersion = Mutex<String?>(nil)

    /// Creates an informer.
    ///
    /// - Parameters:
    ///   - indexers: Custom indexes for the cache, by name.
    ///   - jitter: A factor in 0.5...1 applied to backoff waits (injected in tests). Default: random.
    public init(
        listWatcher: any ListWatcher<Object>,
        indexers: [String: ObjectCache<Object>.Indexer] = [:],
        resyncPeriod: Duration? = nil,
        clock: any RuntimeClock = SystemRuntimeClock(),
        logger: Logger = .disabled,
        metrics: RuntimeMetrics? = nil,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1) }
    ) {
        self.listWatcher = listWatcher
        self.cache = ObjectCache(indexers: indexers)
        self.resyncPeriod = resyncPeriod
        self.clock = clock
        self.logger = logger.with(["resource": .string(listWatcher.resourceDescription)])
        self.metrics = metrics
        self.jitter = jitter
    }

    /// Whether the first list has been stored.
    public var hasSynced: Bool { synced.isFired }

    /// The newest resourceVersion seen (list, event or bookmark).
    public var resourceVersion: String? { lastResourceVersion.withLock { $0 } }

    /// Returns once the first list has been stored.
    public func waitUntilSynced() async {
        await synced.wait()
    }

    /// Adds a handler; add handlers before ``run()`` so none misses the first list.
    public func addHandler(_ handler: @escaping Handler) {
        handlers.withLock { $0.append(handler) }
    }

    /// Adds a handler that maps each changed object to keys and queues them on `controller`.
    ///
    /// For a Pod that belongs to a pool, map it to the pool's key; for the pool itself, to its own key.
    public func addHandler(enqueueing controller: Controller, keys: @escaping @Sendable (Object) -> [ObjectKey]) {
        addHandler { event in
            var mapped = keys(event.object)
            if case .updated(let old, _) = event { mapped += keys(old) }
            for key in Set(mapped) { await controller.enqueue(key) }
        }
    }

    /// Asks ``run()`` to return.
    public func stop() {
        stopSignal.fire()
    }

    /// Lists, watches and resyncs until ``stop()`` or cancellation.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.reflect() }
            if let resyncPeriod {
                group.addTask { await self.resync(every: resyncPeriod) }
            }
            group.addTask { await self.stopSignal.wait() }
            await group.next()
            group.cancelAll()
        }
    }

    // MARK: - Reflector

    private func reflect() async {
        var resourceVersion: String?
        var failures = 0
        while !Task.isCancelled {
            do {
                if resourceVersion == nil {
                    resourceVersion = try await relist()
                }
                let started = clock.now
                var received = 0
                try await watch(from: resourceVersion ?? "") { version in
                    resourceVersion = version
                    received += 1
                }
                // Like client-go: a watch closed within a second with nothing received counts as a
                // failure, so a server that keeps closing watches is not hammered in a hot loop.
                if received == 0 && clock.now - started < .seconds(1) {
                    throw RuntimeError.unsupported("watch closed within a second without events")
                }
                failures = 0
                countRestart("closed")
                logger.debug("watch ended, resuming", ["resource.version": .string(resourceVersion ?? "")])
            } catch let error as KubeClientError where error.code == 410 {
                resourceVersion = nil
                countRestart("expired")
                logger.debug("watch expired, relisting", ["error": .error(error)])
            } catch {
                guard !Task.isCancelled else { return }
                failures += 1
                countRestart("error")
                let delay = min(0.8 * Double(1 << min(failures - 1, 10)), 30) * jitter()
                logger.debug("watch failed, will retry", ["error": .error(error), "retries": .integer(failures)])
                do {
                    try await clock.sleep(for: .seconds(delay))
                } catch {
                    return
                }
            }
        }
    }

    /// Lists and replaces the cache; returns the list's resourceVersion.
    private func relist() async throws -> String {
        let listed = try await listWatcher.list()
        let events = await cache.replace(with: listed.items)
        lastResourceVersion.withLock { $0 = listed.resourceVersion }
        if !synced.isFired {
            synced.fire()
            logger.info("cache synced", ["objects": .integer(listed.items.count)])
        }
        for event in events { await dispatch(event) }
        return listed.resourceVersion
    }

    private func watch(from resourceVersion: String, advance: (String) -> Void) async throws {
        let timeout = 240 + Int(50 * jitter())
        try await listWatcher.watch(from: resourceVersion, timeoutSeconds: timeout) { event in
            switch event {
            case .added(let object), .modified(let object):
                let old = await cache.upsert(object)
                advance(object.metadata.resourceVersion ?? resourceVersion)
                await dispatch(old.map { .updated(old: $0, new: object) } ?? .added(object))
            case .deleted(let object):
                await cache.remove(ObjectCache<Object>.key(of: object))
                advance(object.metadata.resourceVersion ?? resourceVersion)
                await dispatch(.deleted(object))
            case .bookmark(let version):
                if !version.isEmpty { advance(version) }
            case .error(let status):
                throw KubeClientError.api(
                    verb: "watch",
                    path: listWatcher.resourceDescription,
                    code: status.code ?? 500,
                    status: status
                )
            }
            if let version = event.object?.metadata.resourceVersion {
                lastResourceVersion.withLock { $0 = version }
            } else if case .bookmark(let version) = event, !version.isEmpty {
                lastResourceVersion.withLock { $0 = version }
            }
        }
    }

    private func resync(every period: Duration) async {
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: period)
            } catch {
                return
            }
            for object in await cache.objects() {
                await dispatch(.updated(old: object, new: object))
            }
        }
    }

    private func dispatch(_ event: InformerEvent<Object>) async {
        for handler in handlers.withLock({ $0 }) {
            await handler(event)
        }
    }

    private func countRestart(_ reason: String) {
        metrics?.watchRestarts.increment(labels: ["resource": listWatcher.resourceDescription, "reason": reason])
    }
}
