/// An HTTP client over libcurl's multi interface.
///
/// One thread per client drives every transfer (``CurlEventLoop``); requests are async calls that
/// suspend until libcurl answers. HTTPS uses HTTP/2 when the server offers it through ALPN, and
/// concurrent requests to the same server share one connection as multiplexed streams (up to 1000,
/// or the server's limit); plain http and servers without h2 use HTTP/1.1 with keep-alive. Responses
/// may be gzip-compressed; bodies arrive decompressed.
///
/// Cancelling the calling task aborts its transfer at once and frees its handle. Failures throw
/// ``HTTPError`` and are never retried here; ``HTTPError/isRetryable`` tells callers whether to retry.
///
/// ```swift
/// let client = HTTPClient(configuration: HTTPClientConfiguration(tls: TLSConfiguration(
///     certificateAuthority: .file("/etc/kubernetes/ca.crt"))))
/// let response = try await client.execute(HTTPRequest(url: "https://127.0.0.1:6443/version"))
/// let watch = try await client.stream(HTTPRequest(url: "https://127.0.0.1:6443/api/v1/pods?watch=1"))
/// for try await line in watch.lines { /* one JSON event per line */ }
/// ```
///
/// Known limitation: streamed bodies have no backpressure. Chunks are buffered until the consumer
/// reads them, which is fine for watch streams (small events read promptly) but not for downloading
/// large bodies into a slow consumer.
public final class HTTPClient: Sendable {
    /// The settings this client was created with.
    public let configuration: HTTPClientConfiguration
    private let loop: CurlEventLoop?
    private let options: CurlOptions

    /// Creates a client; it owns one event-loop thread until ``shutdown()``, or until it is released
    /// and its last transfer has ended.
    ///
    /// With ``TLSConfiguration/insecureSkipVerify`` set, this reports one warning through
    /// ``HTTPClientConfiguration/warningHandler``.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
        self.loop = try? CurlEventLoop()
        self.options = CurlOptions(tls: configuration.tls, connectTimeout: configuration.connectTimeout)
        if configuration.tls.insecureSkipVerify {
            configuration.warningHandler?(
                "tls certificate verification is disabled; the server's identity is not checked"
            )
        }
    }

    /// Releasing a client lets the streams it started run to their end; then its thread exits.
    deinit {
        loop?.stopWhenIdle()
    }

    /// Sends a request and reads the whole response.
    ///
    /// The whole exchange is bounded by ``HTTPRequest/timeout`` or else
    /// ``HTTPClientConfiguration/requestTimeout``, and connecting by ``HTTPClientConfiguration/connectTimeout``.
    ///
    /// - Throws: ``HTTPError`` on transport failure; any HTTP status is returned, not thrown.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let loop = try requireLoop(request)
        let transfer = try CurlTransfer(
            request: request,
            options: options,
            totalTimeout: request.timeout ?? configuration.requestTimeout,
            idleTimeout: nil
        )
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.deliver(to: .whole(continuation))
                if !loop.submit(transfer) { transfer.fail(Self.stoppedError(request)) }
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Sends a request and returns as soon as the status and headers arrive; the body streams.
    ///
    /// A stream has no whole-request limit unless ``HTTPRequest/timeout`` is set; it fails with
    /// ``HTTPError/timedOut(url:which:seconds:)`` ("idle") when no byte arrives for
    /// ``HTTPClientConfiguration/idleStreamTimeout`` seconds, counted from the request's start.
    /// Cancelling the consuming task, or dropping the body sequence, aborts the transfer.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let loop = try requireLoop(request)
        let transfer = try CurlTransfer(
            request: request,
            options: options,
            totalTimeout: request.timeout,
            idleTimeout: configuration.idleStreamTimeout
        )
        let (body, bodyContinuation) = AsyncThrowingStream.makeStream(of: [UInt8].self, throwing: (any Error).self)
        bodyContinuation.onTermination = { _ in loop.cancel(transfer) }

        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.deliver(to: .streaming(head: continuation, body: bodyContinuation))
                if !loop.submit(transfer) { transfer.fail(Self.stoppedError(request)) }
            }
        } onCancel: {
            loop.cancel(transfer)
        }
        return HTTPStreamingResponse(
            status: head.status,
            headers: head.headers,
            body: body,
            httpVersion: head.httpVersion
        )
    }

    /// How many connections finished transfers have opened, for checking that requests share connections.
    ///
    /// A transfer that reused a connection adds nothing; counted when a transfer ends.
    public var openedConnections: Int { loop?.openedConnections ?? 0 }

    /// Aborts every transfer (their callers get ``HTTPError/cancelled``) and stops the event-loop thread.
    ///
    /// Requests made afterwards fail with ``HTTPError/transport(url:code:reason:)``.
    public func shutdown() {
        loop?.stop()
    }

    private func requireLoop(_ request: HTTPRequest) throws -> CurlEventLoop {
        guard let loop else { throw HTTPError.unsupported("libcurl could not be initialised") }
        return loop
    }

    private static func stoppedError(_ request: HTTPRequest) -> HTTPError {
        .transport(url: Redaction.url(request.url), code: -1, reason: "client is shut down")
    }
}

/// A response whose body arrives as it is received.
public struct HTTPStreamingResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Response headers.
    public var headers: HTTPHeaders
    /// The body as chunks of bytes, in order; ends when the response ends, throws ``HTTPError`` on failure.
    public var body: AsyncThrowingStream<[UInt8], any Error>
    /// The protocol the exchange used: "1.1" or "2".
    public var httpVersion: String

    /// Creates a streaming response.
    public init(
        status: Int,
        headers: HTTPHeaders,
        body: AsyncThrowingStream<[UInt8], any Error>,
        httpVersion: String = "1.1"
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }

    /// The body split into lines (without the newline), for newline-delimited JSON such as watch streams.
    ///
    /// Lines may span any number of chunks; a last line without a newline is still delivered.
    /// Ending iteration early cancels the underlying body, which aborts the transfer.
    public var lines: AsyncThrowingStream<[UInt8], any Error> {
        let chunks = body
        return AsyncThrowingStream { continuation in
            let task = Task {
                var pending: [UInt8] = []
                do {
                    for try await chunk in chunks {
                        pending.append(contentsOf: chunk)
                        var start = 0
                        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                            continuation.yield(Array(pending[start..<newline]))
                            start = newline + 1
                        }
                        pending.removeFirst(start)
                    }
                    if !pending.isEmpty { continuation.yield(pending) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
