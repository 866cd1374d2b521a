import Foundation
import HTTP

/// The HTTP servers of simulated pods: each pod listens on its own loopback pod IP, on every
/// container port, and answers as its inference server would.
///
/// Routes: `GET /metrics` (the server's exposition), `GET /health` and `GET /v2/health/ready`
/// (200 once ready, 503 while loading), `POST /v1/completions`, `POST /v1/chat/completions` and
/// `POST /v2/models/<model>/infer` (served by the pod's replica; the body's `max_tokens` sets the
/// output length, the prompt's length in bytes / 4 the input tokens). Servers are only ever bound
/// to 127.0.0.0/8 addresses.
public actor PodEndpoints {
    private let fleet: InferenceFleet
    private var servers: [String: [HTTPServer]] = [:]

    /// Creates the endpoint set for a fleet.
    public init(fleet: InferenceFleet) {
        self.fleet = fleet
    }

    /// Starts a pod's servers on `ip` and each port; a pod already serving is left alone.
    ///
    /// - Throws: ``SimulationError/unsupported(_:)`` for a non-loopback IP, or the server's bind error.
    public func start(pod: String, ip: String, ports: [Int]) async throws {
        guard servers[pod] == nil else { return }
        guard ip.hasPrefix("127.") else { throw SimulationError.unsupported("pod IP \(ip) is not on loopback") }
        var started: [HTTPServer] = []
        for port in Set(ports).sorted() {
            let fleet = self.fleet
            let server = HTTPServer(configuration: HTTPServerConfiguration(host: ip, port: port, keepAliveTimeout: 30))
            {
                request in
                await PodEndpoints.handle(request, pod: pod, fleet: fleet)
            }
            do {
                _ = try await server.start()
            } catch {
                for running in started { await running.shutdown(deadline: 0) }
                throw error
            }
            started.append(server)
        }
        servers[pod] = started
    }

    /// Stops a pod's servers.
    public func stop(pod: String) async {
        for server in servers.removeValue(forKey: pod) ?? [] {
            await server.shutdown(deadline: 1)
        }
    }

    /// Stops every server.
    public func stopAll() async {
        for pod in servers.keys { await stop(pod: pod) }
    }

    /// Pods with running servers.
    public var servingPods: [String] { servers.keys.sorted() }

    /// Answers one request for `pod`; the servers call it, and tests call it without sockets.
    public static func handle(_ request: HTTPServerRequest, pod: String, fleet: InferenceFleet) async
        -> HTTPServerResponse
    {
        switch (request.method, request.path) {
        case ("GET", "/metrics"):
            guard let metrics = await fleet.metrics(pod: pod) else { return text(404, "no such pod\n") }
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": metrics.contentType],
                body: .bytes(Array(metrics.body.utf8))
            )
        case ("GET", "/health"), ("GET", "/v2/health/ready"), ("GET", "/ready"):
            return await fleet.isReady(pod: pod) ? text(200, "") : text(503, "model is loading\n")
        case ("GET", "/v2/health/live"):
            return text(200, "")
        case ("POST", "/v1/completions"), ("POST", "/v1/chat/completions"):
            return await infer(request, pod: pod, fleet: fleet)
        case ("POST", let path) where path.hasPrefix("/v2/models/") && path.hasSuffix("/infer"):
            return await infer(request, pod: pod, fleet: fleet)
        default:
            return text(404, "not found\n")
        }
    }

    private static func infer(_ request: HTTPServerRequest, pod: String, fleet: InferenceFleet) async
        -> HTTPServerResponse
    {
        let body = try? JSONDecoder().decode(CompletionBody.self, from: Data(request.body))
        let outputTokens = body?.maxTokens ?? 16
        let inputTokens = max(1, request.body.count / 4)
        guard let record = await fleet.infer(pod: pod, inputTokens: inputTokens, outputTokens: outputTokens) else {
            return text(404, "no such pod\n")
        }
        guard record.outcome == .completed else { return text(503, "request \(record.outcome.rawValue)\n") }
        let ttft = DemoSample.fixed((record.timeToFirstToken ?? 0) * 1000, decimals: 1)
        let json = """
            {"object":"text_completion","choices":[{"index":0,"text":"","finish_reason":"length"}],\
            "usage":{"prompt_tokens":\(record.request.inputTokens),"completion_tokens":\(record.request.outputTokens),\
            "total_tokens":\(record.request.inputTokens + record.request.outputTokens)},\
            "simulation":{"pod":"\(pod)","time_to_first_token_ms":\(ttft)}}
            """
        return HTTPServerResponse(
            status: 200,
            headers: ["Content-Type": "application/json"],
            body: .bytes(Array(json.utf8))
        )
    }

    /// The only field of a completion request the simulation reads.
    private struct CompletionBody: Decodable {
        var maxTokens: Int?

        enum CodingKeys: String, CodingKey {
            case maxTokens = "max_tokens"
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
