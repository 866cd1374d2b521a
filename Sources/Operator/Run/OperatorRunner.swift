import Foundation
import HTTP
import Kube
import KubeRuntime
import Synchronization
import Telemetry

/// `poolpilot run`: watches pools and what they depend on, and reconciles them with N workers.
///
/// ```swift
/// let runner = try OperatorRunner(configuration: configuration, logger: logger)
/// try await runner.run()      // until the task is cancelled (SIGTERM, SIGINT)
/// ```
///
/// Pieces: a ``ResourceWatcher`` per watched resource and namespace feeds pool keys to the
/// runtime's `Controller` (deduplicating work queue, backoff, requeue at each pool's metrics
/// interval); the reconcile is ``PoolReconciler``; `/healthz`, `/readyz` and `/metrics` are served
/// on the configured addresses (port 0 picks a free port and the log says which).
public final class OperatorRunner: Sendable {
    /// The configuration it runs with.
    public let configuration: OperatorConfiguration
    private let logger: Logger
    private let client: KubeClient
    private let registry = MetricsRegistry()
    private let ready = Atomic<Bool>(false)
    private let boundPorts = Mutex<[String: Int]>([:])

    /// Creates a runner, loading the kubeconfig (or in-cluster configuration) now.
    ///
    /// - Throws: `KubeClientError.configuration` when no usable configuration is found, and
    ///   ``OperatorError/unsupported(_:)`` for `--leader-elect`, which needs the runtime's leader
    ///   election (not in this build).
    public init(configuration: OperatorConfiguration, logger: Logger) throws {
        if configuration.leaderElect {
            throw OperatorError.unsupported("--leader-elect: leader election is not in this build; run one replica")
        }
        self.configuration = configuration
        self.logger = logger
        let clientConfiguration = try ClientConfiguration.load(
            context: configuration.context,
            kubeconfigPath: configuration.kubeconfig
        )
        client = KubeClient(configuration: clientConfiguration)
    }

    /// The ports the endpoints listen on, by endpoint (`health`, `metrics`), once started.
    public var ports: [String: Int] {
        boundPorts.withLock { $0 }
    }

    /// Runs until the calling task is cancelled, then stops taking work and finishes in-flight
    /// reconciles.
    public func run() async throws {
        let access = KubeClusterAccess(client: client)
        let httpClient = HTTPClient()
        let reconciler = PoolReconciler(
            access: access,
            signals: PodScraper(client: httpClient),
            events: ClusterEventSink(access: access),
            logger: logger
        )
        let metrics = try await RuntimeMetrics.register(in: registry)
        let controller = Controller(
            name: "inferencepool",
            kind: InferencePoolCRD.kind,
            workers: configuration.workers,
            logger: logger,
            metrics: metrics
        ) { request in
            try await Self.reconcile(request, reconciler: reconciler)
        }
        let servers = try await startEndpoints()
        logger.info(
            "operator started",
            [
                "namespaces": .string(configuration.namespaces.isEmpty ? "all" : configuration.namespaces.joined(separator: ",")),
                "workers": .integer(configuration.workers),
                "server": .string(client.configuration.server),
            ]
        )

        let index = PoolIndexStore()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            for watcher in watchers(index: index, controller: controller) {
                group.addTask { await watcher.run() }
            }
            group.addTask {
                // Ready once pools can be listed: the API server answers and the CRD is installed.
                while !Task.isCancelled {
                    let namespace = self.configuration.namespaces.first
                    let listed = (try? await access.list(.inferencePools, namespace: namespace, labelSelector: nil)) != nil
                    if listed {
                        self.ready.store(true, ordering: .relaxed)
                        return
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            // Cancellation is shutdown: stop the queue so in-flight reconciles finish, then return.
            group.addTask {
                while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                await controller.stop()
            }
            await group.waitForAll()
        }
        for server in servers { await server.shutdown(deadline: 5) }
        httpClient.shutdown()
        await client.shutdown()
        logger.info("operator stopped")
    }

    static func reconcile(_ request: ReconcileRequest, reconciler: PoolReconciler) async throws -> ReconcileOutcome {
        do {
            let outcome = try await reconciler.reconcile(namespace: request.key.namespace ?? "", name: request.key.name)
            switch outcome {
            case .requeueAfter(let seconds): return .requeueAfter(.seconds(seconds))
            case .done: return .done
            }
        } catch let error as OperatorError {
            if case .invalidObject(let what) = error {
                throw ReconcileError.terminal(reason: what, underlying: error)
            }
            throw error
        }
    }

    private func watchers(index: PoolIndexStore, controller: Controller) -> [ResourceWatcher] {
        let namespaces: [String?] = configuration.namespaces.isEmpty ? [nil] : configuration.namespaces
        var watchers: [ResourceWatcher] = []
        for resource in OperatorPermissions.watched {
            for namespace in resource.isNamespaced ? namespaces : [nil] {
                watchers.append(
                    ResourceWatcher(
                        client: client,
                        resource: resource,
                        namespace: namespace,
                        index: index,
                        logger: logger,
                        enqueue: { keys in
                            for key in keys { await controller.enqueue(ObjectKey(key)) }
                        },
                        sleep: { seconds in try await Task.sleep(for: .seconds(seconds)) }
                    )
                )
            }
        }
        return watchers
    }

    private func startEndpoints() async throws -> [HTTPServer] {
        var servers: [HTTPServer] = []
        let endpoints: [(String, OperatorConfiguration.BindAddress?)] = [
            ("health", configuration.healthProbeBindAddress), ("metrics", configuration.metricsBindAddress),
        ]
        for (name, address) in endpoints {
            guard let address else { continue }
            let server = HTTPServer(configuration: HTTPServerConfiguration(host: address.host, port: address.port)) {
                request in
                await Self.respond(to: request, ready: self.ready.load(ordering: .relaxed), registry: self.registry)
            }
            let port = try await server.start()
            boundPorts.withLock { $0[name] = port }
            logger.info("endpoint listening", ["endpoint": .string(name), "address": .string("\(address.host):\(port)")])
            servers.append(server)
        }
        return servers
    }

    /// The answer of the health and metrics endpoints to `request`.
    public static func respond(to request: HTTPServerRequest, ready: Bool, registry: MetricsRegistry) async -> HTTPServerResponse {
        switch request.path {
        case "/healthz":
            return HTTPServerResponse(status: 200, headers: ["Content-Type": "text/plain"], body: .bytes(Array("ok\n".utf8)))
        case "/readyz":
            return HTTPServerResponse(
                status: ready ? 200 : 503,
                headers: ["Content-Type": "text/plain"],
                body: .bytes(Array((ready ? "ok\n" : "caches not synced\n").utf8))
            )
        case "/metrics":
            let text = await registry.exposition()
            return HTTPServerResponse(status: 200, headers: ["Content-Type": MetricsRegistry.contentType], body: .bytes(Array(text.utf8)))
        default:
            return HTTPServerResponse(status: 404, body: .bytes(Array("not found\n".utf8)))
        }
    }
}
