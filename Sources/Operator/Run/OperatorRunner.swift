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
    private let leading = Atomic<Bool>(false)
    private let lost = Atomic<Bool>(false)
    private let stopRequested = Atomic<Bool>(false)
    private let boundPorts = Mutex<[String: Int]>([:])
    private let health = APIServerHealth()

    /// Creates a runner, loading the kubeconfig (or in-cluster configuration) now.
    ///
    /// - Throws: `KubeClientError.configuration` when no usable configuration is found.
    public init(configuration: OperatorConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let clientConfiguration = try ClientConfiguration.load(
            context: configuration.context,
            kubeconfigPath: configuration.kubeconfig
        )
        client = KubeClient(configuration: clientConfiguration)
    }

    /// Asks ``run()`` to shut down gracefully: stop taking work, finish in-flight reconciles,
    /// release the Lease (so another replica leads at once), and return.
    public func stop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// Whether ``stop()`` was asked for or the lease was lost.
    private var isStopping: Bool {
        stopRequested.load(ordering: .relaxed) || lost.load(ordering: .relaxed)
    }

    /// Whether this replica leads and reconciles (always, once started, without leader election).
    public var isLeading: Bool {
        leading.load(ordering: .relaxed)
    }

    /// The ports the endpoints listen on, by endpoint (`health`, `metrics`), once started.
    public var ports: [String: Int] {
        boundPorts.withLock { $0 }
    }

    /// Runs until ``stop()`` (graceful) or until the calling task is cancelled (abrupt: in-flight
    /// requests are aborted and the Lease is left to expire).
    ///
    /// - Throws: ``OperatorError/leadershipLost(_:)`` when this replica lost its Lease.
    public func run() async throws {
        let access = KubeClusterAccess(client: client)
        let httpClient = HTTPClient()
        let metrics = try await RuntimeMetrics.register(in: registry)
        let elector = makeElector(metrics: metrics)
        let leadership = elector?.status
        let recorder = EventRecorder(
            sink: KubeEventSink(client: client, metrics: metrics),
            controller: "poolpilot.dev/operator",
            instance: ProcessInfo.processInfo.hostName,
            leadership: leadership,
            logger: logger,
            metrics: metrics
        )
        let reconciler = PoolReconciler(
            access: access,
            signals: SignalRouter(
                scraper: PodScraper(client: httpClient),
                prometheus: PrometheusReader(access: access, client: httpClient)
            ),
            events: RecorderEventSink(recorder: recorder),
            logger: logger,
            beforeWrite: { try leadership?.ensureLeading() }
        )
        let controller = Controller(
            name: "inferencepool",
            kind: InferencePoolCRD.kind,
            workers: configuration.workers,
            logger: logger,
            metrics: metrics
        ) { request in
            try await Self.reconcile(request, reconciler: reconciler, health: self.health, logger: self.logger)
        }
        let servers = try await startEndpoints()
        logger.info(
            "operator started",
            [
                "namespaces": .string(
                    configuration.namespaces.isEmpty ? "all" : configuration.namespaces.joined(separator: ",")
                ),
                "workers": .integer(configuration.workers),
                "server": .string(client.configuration.server),
            ]
        )

        let index = PoolIndexStore()
        await withTaskGroup(of: Void.self) { group in
            if let elector {
                group.addTask {
                    if await elector.run() == .lost {
                        self.logger.error(
                            "leadership lost; stopping",
                            ["lease": .string(self.configuration.leaderElectionID)]
                        )
                        self.lost.store(true, ordering: .relaxed)
                        await controller.stop()
                    }
                }
            }
            group.addTask {
                // Followers keep their watches warm and reconcile nothing until they lead.
                while let leadership, !leadership.isLeading, !Task.isCancelled, !self.isStopping {
                    try? await Task.sleep(for: .milliseconds(250))
                }
                guard !Task.isCancelled, !self.isStopping else { return }
                self.leading.store(true, ordering: .relaxed)
                await controller.run()
                self.leading.store(false, ordering: .relaxed)
            }
            group.addTask {
                // Watchers run in their own group so a graceful stop can end them alone.
                await withTaskGroup(of: Void.self) { watching in
                    for watcher in self.watchers(index: index, controller: controller) {
                        watching.addTask { await watcher.run() }
                    }
                    watching.addTask {
                        while !Task.isCancelled && !self.isStopping { try? await Task.sleep(for: .milliseconds(250)) }
                    }
                    await watching.next()
                    watching.cancelAll()
                }
            }
            group.addTask { await recorder.run() }
            group.addTask {
                // Ready once pools can be listed: the API server answers and the CRD is installed.
                while !Task.isCancelled && !self.isStopping {
                    let namespace = self.configuration.namespaces.first
                    let listed =
                        (try? await access.list(.inferencePools, namespace: namespace, labelSelector: nil)) != nil
                    if listed {
                        self.ready.store(true, ordering: .relaxed)
                        return
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            group.addTask {
                // A stop, a lost lease or cancellation: drain the queue, then release the lease.
                while !Task.isCancelled && !self.isStopping {
                    try? await Task.sleep(for: .milliseconds(250))
                }
                await controller.stop()
                recorder.stop()
                elector?.stop()
            }
            // A lost lease ends everything (the process exits and Kubernetes restarts it, as with
            // controller-runtime): every child above watches isStopping.
            await group.waitForAll()
        }
        for server in servers { await server.shutdown(deadline: 5) }
        httpClient.shutdown()
        await client.shutdown()
        logger.info("operator stopped")
        if self.lost.load(ordering: .relaxed) { throw OperatorError.leadershipLost(configuration.leaderElectionID) }
    }

    /// The leader elector for `--leader-elect`, or `nil`.
    private func makeElector(metrics: RuntimeMetrics) -> LeaderElector? {
        guard configuration.leaderElect else { return nil }
        let namespace = configuration.leaderElectionNamespace ?? client.defaultNamespace
        let election = LeaderElectionConfiguration(
            namespace: namespace.isEmpty ? "default" : namespace,
            name: configuration.leaderElectionID,
            identity: LeaderElectionConfiguration.defaultIdentity()
        )
        return LeaderElector(
            configuration: election,
            lock: KubeLeaseLock(client: client, namespace: election.namespace, name: election.name, metrics: metrics),
            logger: logger,
            metrics: metrics
        )
    }

    static func reconcile(
        _ request: ReconcileRequest,
        reconciler: PoolReconciler,
        health: APIServerHealth,
        logger: Logger
    ) async throws -> ReconcileOutcome {
        let key = "\(request.key.namespace ?? "")/\(request.key.name)"
        do {
            let outcome: PoolReconciler.Outcome
            do {
                outcome = try await reconciler.reconcile(namespace: request.key.namespace ?? "", name: request.key.name)
                if let recovered = health.succeeded() {
                    logger.info("api server answers again", ["pool": .string(key), "detail": .string(recovered)])
                }
            } catch {
                let isOwn = (error as? OperatorError).map { $0.isConflict || $0.isTerminal } ?? false
                if !Task.isCancelled, !isOwn, let warning = health.failed("reconcile \(key)", error: error) {
                    logger.warning("api server requests failing", ["pool": .string(key), "detail": .string(warning)])
                }
                throw error
            }
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
                        sleep: { seconds in try await Task.sleep(for: .seconds(seconds)) },
                        health: health
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
                await Self.respond(
                    to: request,
                    ready: self.ready.load(ordering: .relaxed),
                    apiReachable: self.health.isReachable,
                    leading: self.leading.load(ordering: .relaxed),
                    registry: self.registry
                )
            }
            let port = try await server.start()
            boundPorts.withLock { $0[name] = port }
            logger.info(
                "endpoint listening",
                ["endpoint": .string(name), "address": .string("\(address.host):\(port)")]
            )
            servers.append(server)
        }
        return servers
    }

    /// The answer of the health and metrics endpoints to `request`.
    ///
    /// `/readyz` turns ready once pools can be listed (so rolling updates of the operator proceed)
    /// and is not ready while the API server cannot be reached (`/healthz` stays ok: restarting
    /// would not help); `/readyz/leader` answers 200 only on the replica that leads.
    public static func respond(
        to request: HTTPServerRequest,
        ready: Bool,
        apiReachable: Bool = true,
        leading: Bool = true,
        registry: MetricsRegistry
    ) async -> HTTPServerResponse {
        switch request.path {
        case "/readyz/leader":
            return HTTPServerResponse(
                status: leading ? 200 : 503,
                headers: ["Content-Type": "text/plain"],
                body: .bytes(Array((leading ? "leading\n" : "following\n").utf8))
            )
        case "/healthz":
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "text/plain"],
                body: .bytes(Array("ok\n".utf8))
            )
        case "/readyz":
            let text = !ready ? "caches not synced\n" : (apiReachable ? "ok\n" : "the API server cannot be reached\n")
            return HTTPServerResponse(
                status: ready && apiReachable ? 200 : 503,
                headers: ["Content-Type": "text/plain"],
                body: .bytes(Array(text.utf8))
            )
        case "/metrics":
            let text = await registry.exposition()
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": MetricsRegistry.contentType],
                body: .bytes(Array(text.utf8))
            )
        default:
            return HTTPServerResponse(status: 404, body: .bytes(Array("not found\n".utf8)))
        }
    }
}
