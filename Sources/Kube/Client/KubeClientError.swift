import HTTP

/// Everything the Kubernetes client can fail with.
///
/// API failures carry the request (verb and path), the HTTP status and the server's decoded
/// ``Status``. No case ever holds a token, key or `Authorization` header.
public enum KubeClientError: Error, Sendable, CustomStringConvertible {
    /// The API server answered with an error status; `status` is its decoded Status body when it sent one.
    case api(verb: String, path: String, code: Int, status: Status?)
    /// A resourceVersion is too old (HTTP 410, or a watch ERROR event with code 410): relist and re-watch.
    case gone(verb: String, path: String, status: Status?)
    /// Optimistic concurrency failed (HTTP 409 `Conflict` or `AlreadyExists`): re-read and retry.
    case conflict(verb: String, path: String, status: Status?)
    /// The request never got an HTTP answer (connect, TLS, timeout).
    case transport(verb: String, path: String, underlying: HTTPError)
    /// The response could not be decoded into the expected type.
    case decoding(verb: String, path: String, reason: String)
    /// Client configuration is missing or wrong (kubeconfig, in-cluster files, exec plugin).
    case configuration(String)
    /// A credential plugin failed.
    case credentials(String)
    /// A quantity string does not follow the Kubernetes grammar.
    case invalidQuantity(String)
    /// A feature this client does not support.
    case unsupported(String)

    /// The HTTP status of an API failure, if any.
    public var code: Int? {
        switch self {
        case .api(_, _, let code, _): return code
        case .gone: return 410
        case .conflict: return 409
        default: return nil
        }
    }

    /// The server's Status for API failures.
    public var status: Status? {
        switch self {
        case .api(_, _, _, let status), .gone(_, _, let status), .conflict(_, _, let status): return status
        default: return nil
        }
    }

    /// The Status reason (`NotFound`, `Conflict`, ...), if the server sent one.
    public var reason: String? { status?.reason }

    /// Whether this is a 404 Not Found.
    public var isNotFound: Bool { code == 404 }

    /// Whether the same request may succeed later: 429, 5xx (except 501) and transport failures.
    ///
    /// Conflicts and 410 are not retryable as they are; the caller must re-read first.
    public var isRetryable: Bool {
        switch self {
        case .api(_, _, let code, _): return code == 429 || (code >= 500 && code != 501)
        case .transport(_, _, let underlying): return underlying.isRetryable
        default: return false
        }
    }

    /// A lowercase description: request, then status and reason, then the server's message.
    public var description: String {
        switch self {
        case .api(let verb, let path, let code, let status):
            return "\(verb.lowercased()) \(path): api: \(code)" + Self.suffix(status)
        case .gone(let verb, let path, let status):
            return "\(verb.lowercased()) \(path): api: 410 gone" + Self.suffix(status)
        case .conflict(let verb, let path, let status):
            return "\(verb.lowercased()) \(path): api: 409 conflict" + Self.suffix(status)
        case .transport(let verb, let path, let underlying):
            return "\(verb.lowercased()) \(path): transport: \(underlying)"
        case .decoding(let verb, let path, let reason):
            return "\(verb.lowercased()) \(path): decoding response: \(reason)"
        case .configuration(let reason): return "kube config: \(reason)"
        case .credentials(let reason): return "kube credentials: \(reason)"
        case .invalidQuantity(let text): return "invalid quantity \"\(text)\""
        case .unsupported(let what): return "unsupported: \(what)"
        }
    }

    private static func suffix(_ status: Status?) -> String {
        guard let status else { return "" }
        var text = ""
        if let reason = status.reason, !reason.isEmpty { text += " \(reason)" }
        if let message = status.message, !message.isEmpty { text += ": \(message)" }
        return text
    }
}
