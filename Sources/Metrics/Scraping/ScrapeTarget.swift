/// One pod's metrics endpoint.
public struct ScrapeTarget: Sendable, Hashable {
    /// Whether to scrape over plain HTTP or TLS.
    public enum Scheme: String, Sendable, Hashable {
        /// Plain HTTP.
        case http
        /// HTTP over TLS, verified with the scraper's ``HTTP/TLSConfiguration``.
        case https
    }

    /// The pod, as `namespace/name`; signals are reported under this key.
    public var pod: String
    /// The pod's IP address or host name.
    public var address: String
    /// The metrics port, for example 8000 for vLLM, 8002 for Triton, 9400 for the DCGM exporter.
    public var port: Int
    /// The path (default: `/metrics`).
    public var path: String
    /// The scheme (default: http).
    public var scheme: Scheme

    /// Creates a target.
    public init(pod: String, address: String, port: Int, path: String = "/metrics", scheme: Scheme = .http) {
        self.pod = pod
        self.address = address
        self.port = port
        self.path = path
        self.scheme = scheme
    }

    /// The URL scraped; IPv6 addresses are bracketed.
    public var url: String {
        let host = address.contains(":") && !address.hasPrefix("[") ? "[\(address)]" : address
        let slashPath = path.hasPrefix("/") ? path : "/" + path
        return "\(scheme.rawValue)://\(host):\(port)\(slashPath)"
    }
}

/// Why one pod's scrape produced no samples; the pod is reported missing, never as zeros.
public enum ScrapeError: Error, Sendable, CustomStringConvertible {
    /// The endpoint answered with a status other than 200.
    case status(url: String, code: Int)
    /// The connection or transfer failed.
    case transport(url: String, reason: String)
    /// No answer within the per-scrape timeout.
    case timedOut(url: String, seconds: Double)
    /// The response's Content-Type is neither text 0.0.4 nor OpenMetrics.
    case unsupportedContentType(url: String, contentType: String)
    /// The body is still gzip-compressed (the HTTP client did not decode it).
    case compressedBody(url: String)
    /// The page is larger than the configured limit.
    case tooLarge(url: String, limitBytes: Int)
    /// The page did not parse.
    case parse(url: String, ExpositionError)

    /// A lowercase description with the cause after a colon.
    public var description: String {
        switch self {
        case .status(let url, let code): return "scrape \(url) failed: http status \(code)"
        case .transport(let url, let reason): return "scrape \(url) failed: \(reason)"
        case .timedOut(let url, let seconds): return "scrape \(url) failed: timed out after \(seconds)s"
        case .unsupportedContentType(let url, let type):
            return "scrape \(url) failed: unsupported content type '\(type)'"
        case .compressedBody(let url): return "scrape \(url) failed: body is still gzip-compressed"
        case .tooLarge(let url, let limit): return "scrape \(url) failed: page larger than \(limit) bytes"
        case .parse(let url, let error): return "scrape \(url) failed: \(error)"
        }
    }
}

/// The result of scraping one pod.
public struct PodScrape: Sendable {
    /// The target's pod key.
    public var pod: String
    /// The parsed page, or why there is none.
    public var outcome: Result<MetricSnapshot, ScrapeError>

    /// Creates a scrape result.
    public init(pod: String, outcome: Result<MetricSnapshot, ScrapeError>) {
        self.pod = pod
        self.outcome = outcome
    }
}
