/// An HTTP client over libcurl's multi interface.
///
/// Interface contract for the other modules; the libcurl engine replaces these bodies.
public final class HTTPClient: Sendable {
    /// The settings this client was created with.
    public let configuration: HTTPClientConfiguration

    /// Creates a client; it owns one event-loop thread until ``shutdown()``.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
    }

    /// Sends a request and reads the whole response.
    ///
    /// - Throws: ``HTTPError`` on transport failure; any HTTP status is returned, not thrown.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw HTTPError.unsupported("http client engine is not built yet")
    }

    /// Sends a request and returns as soon as the status and headers arrive; the body streams.
    ///
    /// Cancelling the consuming task, or dropping the body sequence, aborts the transfer.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        throw HTTPError.unsupported("http client engine is not built yet")
    }

    /// Aborts every transfer and stops the event-loop thread.
    public func shutdown() {}
}

/// A response whose body arrives as it is received.
public struct HTTPStreamingResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Response headers.
    public var headers: HTTPHeaders
    /// The body as chunks of bytes, in order; ends when the response ends, throws ``HTTPError`` on failure.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    /// Creates a streaming response.
    public init(status: Int, headers: HTTPHeaders, body: AsyncThrowingStream<[UInt8], any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body split into lines (without the newline), for newline-delimited JSON such as watch streams.
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
