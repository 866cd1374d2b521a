// HTTP owns the client over libcurl (async, streaming, HTTP/2, TLS), the small HTTP/1.1 server on
// epoll (plain or TLS via OpenSSL), and a certificate factory for the embedded cluster and tests.
// It must never import Kube, Telemetry or anything above it; only the wrapper files in Client/Curl*,
// TLS/ and Server/Poller.swift import the C binding targets, and no public API exposes a C type.

/// Errors from the HTTP client and server.
public enum HTTPError: Error, Sendable, CustomStringConvertible {
    /// The URL could not be parsed or uses an unsupported scheme.
    case invalidURL(String)
    /// The connection could not be made (refused, unreachable, DNS).
    case connectFailed(url: String, reason: String)
    /// A timeout elapsed: which one ("connect", "request", "idle") and after how many seconds.
    case timedOut(url: String, which: String, seconds: Double)
    /// TLS failed: certificate verification, handshake, or a bad certificate or key.
    case tls(String)
    /// The task was cancelled and its transfer aborted.
    case cancelled
    /// Any other transport failure, with libcurl's code and message where there is one.
    case transport(url: String, code: Int, reason: String)
    /// A request or response broke a configured limit (body or header size).
    case limitExceeded(String)
    /// The server could not bind or listen.
    case bindFailed(address: String, reason: String)
    /// A path that is not supported here.
    case unsupported(String)

    /// A lowercase description with the cause chained after a colon.
    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid url: \(url)"
        case .connectFailed(let url, let reason): return "connect to \(url) failed: \(reason)"
        case .timedOut(let url, let which, let seconds): return "\(which) timeout after \(seconds)s: \(url)"
        case .tls(let reason): return "tls: \(reason)"
        case .cancelled: return "cancelled"
        case .transport(let url, let code, let reason): return "transport error \(code) for \(url): \(reason)"
        case .limitExceeded(let what): return "limit exceeded: \(what)"
        case .bindFailed(let address, let reason): return "bind \(address) failed: \(reason)"
        case .unsupported(let what): return "unsupported: \(what)"
        }
    }

    /// Whether the same request may succeed if tried again (connection problems and timeouts).
    public var isRetryable: Bool {
        switch self {
        case .connectFailed, .timedOut, .transport: return true
        default: return false
        }
    }
}
