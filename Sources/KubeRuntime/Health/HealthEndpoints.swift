import HTTP
import Telemetry

/// `/healthz`, `/readyz` and `/metrics`, served with ``HTTPServer`` on configurable addresses.
///
/// - `/healthz`: 200 `ok` while the process runs its loops (liveness).
/// - `/readyz`: 200 `ok` when caches are synced and this replica leads (or election is off);
///   otherwise 503 with the reason, so a Service can tell the leader from followers.
/// - `/metrics`: the registry in Prometheus text format 0.0.4.
///
/// ``handle(_:)`` works without sockets, for tests.
public final class HealthEndpoints: Sendable {
    /// A check: `nil` when healthy, otherwise the reason.
    public typealias Check = @Sendable () async -> String?

    private let routes: Routes
    private let servers: [HTTPServer]

    /// Creates the endpoints.
    ///
    /// - Parameters:
    ///   - addresses: Where to listen, e.g. `[("0.0.0.0", 8081)]`; each address serves every path.
    ///   - registry: The metrics to expose; `nil` answers 404 on `/metrics`.
    public init(
        addresses: [(host: String, port: Int)],
        registry: MetricsRegistry?,
        liveness: @escaping Check = { nil },
        readiness: @escaping Check
    ) {
        let routes = Routes(registry: registry, liveness: liveness, readiness: readiness)
        self.routes = routes
        self.servers = addresses.map { address in
            HTTPServer(configuration: HTTPServerConfiguration(host: address.host, port: address.port)) { request in
                await routes.handle(request)
            }
        }
    }

    /// Starts listening; returns the bound ports in address order.
    ///
    /// - Throws: ``HTTPError`` when an address cannot be bound.
    public func start() async throws -> [Int] {
        var ports: [Int] = []
        for server in servers {
            ports.append(try await server.start())
        }
        return ports
    }

    /// Stops listening, letting requests in flight finish for up to `deadline` seconds.
    public func shutdown(deadline: Double = 2) async {
        for server in servers {
            await server.shutdown(deadline: deadline)
        }
    }

    /// Answers one request.
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        await routes.handle(request)
    }
}

/// The request routing, separate so the servers' handlers can hold it.
private struct Routes: Sendable {
    let registry: MetricsRegistry?
    let liveness: HealthEndpoints.Check
    let readiness: HealthEndpoints.Check

    func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return Self.text(405, "method not allowed\n")
        }
        switch request.path {
        case "/healthz", "/livez":
            if let reason = await liveness() { return Self.text(503, reason + "\n") }
            return Self.text(200, "ok\n")
        case "/readyz":
            if let reason = await readiness() { return Self.text(503, reason + "\n") }
            return Self.text(200, "ok\n")
        case "/metrics":
            guard let registry else { return Self.text(404, "not found\n") }
            let body = await registry.scrape()
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": MetricsRegistry.contentType],
                body: .bytes(Array(body.utf8))
            )
        default:
            return Self.text(404, "not found\n")
        }
    }

    private static func text(_ status: Int, _ body: String) -> HTTPServerResponse {
        HTTPServerResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: .bytes(Array(body.utf8))
        )
    }
}
