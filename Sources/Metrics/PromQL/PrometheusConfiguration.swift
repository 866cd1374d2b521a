import HTTP

/// A credential kept out of logs and descriptions.
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    /// The secret text.
    public let value: String

    /// Wraps a secret.
    public init(_ value: String) {
        self.value = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
}

/// How requests to Prometheus authenticate.
public enum PrometheusAuthorization: Sendable, Equatable {
    /// No Authorization header.
    case none
    /// HTTP basic authentication.
    case basic(username: String, password: Secret)
    /// A bearer token (e.g. a service account token in front of a proxy).
    case bearer(Secret)
}

/// A warning or info note Prometheus attached to a successful response.
public struct PrometheusNotice: Sendable, Equatable {
    /// Whether the note is a warning or an info.
    public enum Kind: String, Sendable {
        /// From the response's `warnings`.
        case warning
        /// From the response's `infos` (newer Prometheus versions).
        case info
    }

    /// The kind of note.
    public var kind: Kind
    /// The note's text as Prometheus wrote it.
    public var message: String
    /// The query it concerns.
    public var query: String
}

/// Settings for ``PrometheusClient``.
public struct PrometheusConfiguration: Sendable {
    /// The server's base URL, for example `http://prometheus.monitoring.svc:9090` (no trailing path needed).
    public var baseURL: String
    /// How requests authenticate (default: none).
    public var authorization: PrometheusAuthorization
    /// TLS settings for https base URLs.
    public var tls: TLSConfiguration
    /// Seconds one query may take (default: 10).
    public var timeoutSeconds: Double
    /// Longest GET URL; longer queries are sent as a form POST (default: 2048 bytes).
    public var maxGETURLLength: Int
    /// Receives every warning and info note; `nil` drops them (they are still in each result).
    public var noticeHandler: (@Sendable (PrometheusNotice) -> Void)?

    /// Creates the settings.
    public init(
        baseURL: String,
        authorization: PrometheusAuthorization = .none,
        tls: TLSConfiguration = TLSConfiguration(),
        timeoutSeconds: Double = 10,
        maxGETURLLength: Int = 2048,
        noticeHandler: (@Sendable (PrometheusNotice) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.authorization = authorization
        self.tls = tls
        self.timeoutSeconds = timeoutSeconds
        self.maxGETURLLength = maxGETURLLength
        self.noticeHandler = noticeHandler
    }
}

/// Why a PromQL query produced no result.
public enum PrometheusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Prometheus answered `status: error`; `errorType` is e.g. `bad_data`, `execution`, `timeout`,
    /// `canceled`, `internal`, `unavailable`, `not_found`.
    case api(errorType: String, message: String, httpStatus: Int)
    /// An HTTP status with a body that is not a Prometheus envelope.
    case status(code: Int)
    /// The body is not the JSON Prometheus sends.
    case invalidResponse(String)
    /// The request failed in transport.
    case transport(String)
    /// The base URL or query cannot be used.
    case invalidRequest(String)

    /// Whether trying again later may succeed (timeouts, unavailability, transport failures).
    public var isRetryable: Bool {
        switch self {
        case .api(let type, _, _): return ["timeout", "canceled", "unavailable", "internal"].contains(type)
        case .status(let code): return code >= 500
        case .transport: return true
        case .invalidResponse, .invalidRequest: return false
        }
    }

    /// A lowercase description with the cause after a colon.
    public var description: String {
        switch self {
        case .api(let type, let message, let status): return "prometheus query failed: \(type) (\(status)): \(message)"
        case .status(let code): return "prometheus query failed: http status \(code)"
        case .invalidResponse(let reason): return "prometheus query failed: invalid response: \(reason)"
        case .transport(let reason): return "prometheus query failed: \(reason)"
        case .invalidRequest(let reason): return "prometheus query failed: invalid request: \(reason)"
        }
    }
}
