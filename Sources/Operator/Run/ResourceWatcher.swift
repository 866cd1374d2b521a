import Kube
import Telemetry
import YAML

/// Lists then watches one resource and hands the pools each change concerns to `enqueue`.
///
/// Level-triggered: an event only says "look again"; the reconcile reads the world itself. When
/// the watch ends or fails it lists again (which also covers events missed meanwhile) after a
/// backoff of 1 s doubling to 30 s. A resource the server does not serve (KEDA's ScaledObject
/// without KEDA) is checked again every 60 s.
///
/// Known limitation: this is a watch without a local cache; reads in the reconcile go to the API
/// server. Fine for tens of pools; the runtime's informers would serve them from memory.
struct ResourceWatcher: Sendable {
    let client: KubeClient
    let resource: OperatorResource
    let namespace: String?
    let index: PoolIndexStore
    let logger: Logger
    let enqueue: @Sendable ([String]) async -> Void
    let sleep: @Sendable (Double) async throws -> Void
    /// Where watch failures are counted and warnings rate-limited.
    var health: APIServerHealth?

    func run() async {
        let descriptor = KubeClusterAccess.descriptor(resource)
        var backoff = 1.0
        while !Task.isCancelled {
            do {
                let list = try await client.list(JSONValue.self, descriptor, namespace: namespace)
                if let recovered = health?.succeeded() {
                    logger.info(
                        "api server answers again",
                        ["resource": .string(descriptor.description), "detail": .string(recovered)]
                    )
                }
                for item in list.items { await handle(item, deleted: false) }
                let options = WatchOptions(resourceVersion: list.metadata.resourceVersion, allowWatchBookmarks: true)
                let events = try await client.watch(JSONValue.self, descriptor, namespace: namespace, options: options)
                backoff = 1
                for try await event in events {
                    switch event {
                    case .added(let object), .modified(let object): await handle(object, deleted: false)
                    case .deleted(let object): await handle(object, deleted: true)
                    case .bookmark, .error: break
                    }
                }
                logger.debug("watch ended", ["resource": .string(descriptor.description)])
            } catch let error as KubeClientError where error.isNotFound {
                logger.debug("resource not served", ["resource": .string(descriptor.description)])
                try? await sleep(60)
                continue
            } catch {
                if Task.isCancelled { return }
                if let warning = health?.failed("watch \(descriptor.description)", error: error) {
                    logger.warning(
                        "api server requests failing",
                        ["resource": .string(descriptor.description), "detail": .string(warning)]
                    )
                }
                logger.debug(
                    "watch failed",
                    ["resource": .string(descriptor.description), "error": .string("\(error)")]
                )
            }
            try? await sleep(backoff)
            backoff = min(backoff * 2, 30)
        }
    }

    private func handle(_ object: JSONValue, deleted: Bool) async {
        if resource == .inferencePools {
            await index.apply(pool: object, deleted: deleted)
        }
        let keys = await index.keys(for: resource, object: object)
        if !keys.isEmpty { await enqueue(keys) }
    }
}

/// The pool index shared by the watchers.
actor PoolIndexStore {
    private var index = PoolIndex()

    func apply(pool: JSONValue, deleted: Bool) {
        if deleted {
            index.remove(
                namespace: pool.value(at: ["metadata", "namespace"])?.stringValue ?? "",
                name: pool.value(at: ["metadata", "name"])?.stringValue ?? ""
            )
        } else {
            index.update(pool: pool)
        }
    }

    func keys(for resource: OperatorResource, object: JSONValue) -> [String] {
        index.keys(for: resource, object: object)
    }

    var poolKeys: [String] {
        index.entries.keys.sorted()
    }
}
