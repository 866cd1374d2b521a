import Foundation
import HTTP
import YAML

/// Settings of the embedded API server.
public struct EmbeddedAPIServerConfiguration: Sendable {
    /// The loopback address to bind.
    ///
    /// Default: "127.0.0.1".
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one.
    ///
    /// Default: 0.
    public var port = 0
    /// Serve plain HTTP instead of HTTPS (bearer tokens still required).
    ///
    /// Default: false.
    public var isInsecureHTTP = false
    /// Where objects persist across restarts; `nil` keeps them in memory only.
    ///
    /// Default: nil.
    public var dataDirectory: URL?
    /// Changes kept for watch resumption and list continuation; older positions answer 410.
    ///
    /// Default: 10,000.
    public var historyLimit = 10_000
    /// Injected faults.
    ///
    /// Default: none.
    public var faults = FaultSettings()
    /// Seed for picking which requests fail.
    ///
    /// Default: 1.
    public var faultSeed: UInt64 = 1
    /// The credentials clients use.
    public var credentials: ClusterCredentials

    /// Creates settings with the given credentials.
    public init(credentials: ClusterCredentials) {
        self.credentials = credentials
    }
}

/// The embedded Kubernetes API server: store, handler and HTTP(S) listener.
///
/// ```swift
/// let server = try await EmbeddedAPIServer(configuration: configuration)
/// let port = try await server.start()
/// try await server.run()   // until the task is cancelled
/// ```
public final class EmbeddedAPIServer: Sendable {
    /// The settings in use.
    public let configuration: EmbeddedAPIServerConfiguration
    /// The request handler; tests may call it directly.
    public let handler: APIHandler
    private let store: ObjectStore
    private let hub: WatchHub
    private let faults: FaultInjector
    private let server: HTTPServer

    /// Loads the store (from the data directory when set) and builds the handler.
    ///
    /// - Throws: ``PersistenceError`` when the data directory cannot be read.
    public init(configuration: EmbeddedAPIServerConfiguration) async throws {
        self.configuration = configuration
        let registry = ResourceRegistry()
        hub = WatchHub()
        store = try ObjectStore(
            registry: registry,
            hub: hub,
            dataDirectory: configuration.dataDirectory,
            historyLimit: configuration.historyLimit
        )
        try await store.bootstrap()
        await store.setWatchCuts(
            afterEvents: configuration.faults.watchCutAfterEvents,
            afterSeconds: configuration.faults.watchCutAfterSeconds
        )
        faults = FaultInjector(settings: configuration.faults, seed: configuration.faultSeed)
        let authenticator = Authenticator(tokens: [
            configuration.credentials.adminToken: UserInfo(
                name: "admin",
                groups: ["system:masters", "system:authenticated"]
            )
        ])
        handler = APIHandler(
            store: store,
            registry: registry,
            authenticator: authenticator,
            faults: faults,
            serverAddress: "\(configuration.host):\(configuration.port)"
        )
        var tls: TLSServerConfiguration?
        if !configuration.isInsecureHTTP {
            let credentials = configuration.credentials
            tls = TLSServerConfiguration(
                certificateChain: Array(credentials.serverCertificatePEM.utf8),
                privateKey: Array(credentials.serverKeyPEM.utf8),
                clientCertificateAuthority: Array(credentials.certificateAuthorityPEM.utf8)
            )
        }
        let handler = handler
        server = HTTPServer(
            configuration: HTTPServerConfiguration(host: configuration.host, port: configuration.port, tls: tls)
        ) { request in await handler.handle(request) }
    }

    /// Starts listening and returns the bound port.
    ///
    /// - Throws: `HTTPError.bindFailed` when the port is in use.
    public func start() async throws -> Int {
        try await server.start()
    }

    /// Runs the periodic work (watch timeouts, bookmarks, namespace cleanup) until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await performMaintenance()
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Does one round of the periodic work; ``run()`` calls it every 200 ms, tests may call it directly.
    public func performMaintenance() async {
        hub.tick(now: .now, bookmarkInterval: faults.settings.bookmarkIntervalSeconds)
        try? await store.collectTerminatedNamespaces()
    }

    /// Sets the seconds between a namespace's deletion and the deletion of its contents (default 2).
    public func setNamespaceCleanupDelay(_ seconds: Double) async {
        await store.setNamespaceCleanupDelay(seconds)
    }

    /// Closes watches and stops the listener.
    public func shutdown() async {
        hub.closeAll()
        await server.shutdown(deadline: 2)
    }
}
