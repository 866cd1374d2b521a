import Foundation
import HTTP

/// A client for Prometheus's instant-query API (`/api/v1/query`).
///
/// Short queries go as GET; a query whose URL would exceed
/// ``PrometheusConfiguration/maxGETURLLength`` goes as a form-encoded POST. Nothing is retried
/// here: the caller decides with ``PrometheusError/isRetryable``. Warnings and infos are kept in
/// the result and passed to ``PrometheusConfiguration/noticeHandler``.
///
/// ```swift
/// let prometheus = PrometheusClient(configuration: PrometheusConfiguration(baseURL: "http://127.0.0.1:9090"))
/// let result = try await prometheus.query("sum(vllm:num_requests_waiting)")
/// ```
public struct PrometheusClient: Sendable {
    /// The settings.
    public let configuration: PrometheusConfiguration
    private let client: HTTPClient

    /// Creates a client; without `client`, one is made with the configuration's TLS settings.
    public init(configuration: PrometheusConfiguration, client: HTTPClient? = nil) {
        self.configuration = configuration
        self.client =
            client
            ?? HTTPClient(
                configuration: HTTPClientConfiguration(
                    tls: configuration.tls,
                    requestTimeout: configuration.timeoutSeconds
                )
            )
    }

    /// Runs an instant query, at `time` (seconds since the epoch) or at the server's now.
    ///
    /// - Throws: ``PrometheusError``.
    public func query(_ promql: String, at time: Double? = nil) async throws -> PrometheusQueryResult {
        let request = try request(for: promql, at: time)
        let response: HTTPResponse
        do {
            response = try await client.execute(request)
        } catch let error as HTTPError {
            throw PrometheusError.transport(error.description)
        }
        let result = try PrometheusQueryResult.decode(response.body, httpStatus: response.status)
        if let handler = configuration.noticeHandler {
            for warning in result.warnings {
                handler(PrometheusNotice(kind: .warning, message: warning, query: promql))
            }
            for info in result.infos { handler(PrometheusNotice(kind: .info, message: info, query: promql)) }
        }
        return result
    }

    /// The HTTP request for a query: GET when short enough, POST otherwise.
    public func request(for promql: String, at time: Double? = nil) throws(PrometheusError) -> HTTPRequest {
        var base = configuration.baseURL
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw .invalidRequest("base url must start with http:// or https://: \(base)")
        }
        while base.hasSuffix("/") { base.removeLast() }
        var form = "query=" + Self.formEncoded(promql)
        if let time { form += "&time=" + Self.formEncoded(String(time)) }

        var headers: HTTPHeaders = ["Accept": "application/json"]
        switch configuration.authorization {
        case .none: break
        case .basic(let username, let password):
            let token = Data("\(username):\(password.value)".utf8).base64EncodedString()
            headers.add("Authorization", "Basic \(token)")
        case .bearer(let token):
            headers.add("Authorization", "Bearer \(token.value)")
        }

        let getURL = "\(base)/api/v1/query?\(form)"
        if getURL.utf8.count <= configuration.maxGETURLLength {
            return HTTPRequest(url: getURL, headers: headers, timeout: configuration.timeoutSeconds)
        }
        headers.add("Content-Type", "application/x-www-form-urlencoded")
        return HTTPRequest(
            url: "\(base)/api/v1/query",
            method: .post,
            headers: headers,
            body: Array(form.utf8),
            timeout: configuration.timeoutSeconds
        )
    }

    /// Percent-encodes everything but unreserved characters, for query strings and form bodies.
    static func formEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
