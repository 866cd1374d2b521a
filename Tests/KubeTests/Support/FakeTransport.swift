import Foundation
import HTTP
import Synchronization

@testable import Kube

/// A reply from ``FakeTransport``: a status, headers and a body delivered as the given chunks.
struct FakeReply: Sendable {
    var status: Int
    var headers: HTTPHeaders = [:]
    var chunks: [[UInt8]] = []
    /// Keep the body open after the chunks (a watch that never ends on its own).
    var staysOpen = false

    static func json(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> FakeReply {
        FakeReply(status: status, headers: headers, chunks: [Array(text.utf8)])
    }
}

/// An in-memory HTTP transport: each request goes to `handler`; requests are recorded in order.
///
/// It lets the client's logic (retries, errors, watch decoding, chunk splitting) be tested with exact
/// control over bytes and timing; the loopback tests cover the real HTTP engine.
final class FakeTransport: HTTPTransport {
    let handler: @Sendable (HTTPRequest, Int) async throws -> FakeReply
    private let recorded = Mutex<[HTTPRequest]>([])
    /// Fires when a streamed body is dropped or cancelled by its consumer.
    let terminations = Mutex<Int>(0)

    init(handler: @escaping @Sendable (HTTPRequest, Int) async throws -> FakeReply) {
        self.handler = handler
    }

    var requests: [HTTPRequest] { recorded.withLock { $0 } }

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = recorded.withLock { list in
            list.append(request)
            return list.count - 1
        }
        let reply = try await handler(request, index)
        return HTTPResponse(status: reply.status, headers: reply.headers, body: reply.chunks.flatMap { $0 })
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let index = recorded.withLock { list in
            list.append(request)
            return list.count - 1
        }
        let reply = try await handler(request, index)
        let (body, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        for chunk in reply.chunks { continuation.yield(chunk) }
        if !reply.staysOpen { continuation.finish() }
        continuation.onTermination = { [self] _ in self.terminations.withLock { $0 += 1 } }
        return HTTPStreamingResponse(status: reply.status, headers: reply.headers, body: body)
    }

    func shutdown() {}
}

/// Records the delays the client asked to sleep, without sleeping.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[Double]>([])
    var recorded: [Double] { delays.withLock { $0 } }

    var sleeper: @Sendable (Double) async throws -> Void {
        { [self] seconds in self.delays.withLock { $0.append(seconds) } }
    }
}

extension KubeClient {
    /// A client over a fake transport that never sleeps and whose jitter is always 1.
    static func testing(
        _ transport: FakeTransport,
        authentication: ClientConfiguration.Authentication = .bearerToken(Secret("t0ken-value")),
        sleeps: SleepRecorder = SleepRecorder(),
        options: KubeClientOptions = KubeClientOptions(qps: 0)
    ) -> KubeClient {
        KubeClient(
            configuration: ClientConfiguration(
                server: "https://kube.test:6443",
                authentication: authentication,
                namespace: "ml"
            ),
            options: options,
            transport: transport,
            sleeper: sleeps.sleeper,
            jitter: { 1.0 }
        )
    }
}

extension HTTPRequest {
    /// The path and query of the URL, without scheme and host.
    var target: String {
        guard let range = url.range(of: "://") else { return url }
        let rest = url[range.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    var bodyText: String { String(decoding: body ?? [], as: UTF8.self) }
}

/// JSON text of a small Deployment with the given name, replicas and resourceVersion.
func deploymentJSON(_ name: String, replicas: Int = 1, resourceVersion: String = "1") -> String {
    #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":""#
        + name + #"","namespace":"ml","resourceVersion":""# + resourceVersion
        + #""},"spec":{"replicas":"# + String(replicas) + #"}}"#
}
