import Foundation
import HTTP
import YAML

/// A Kubernetes API client: typed and generic verbs, watches, discovery, over ``HTTPClient``.
///
/// Every request passes a client-side token bucket, carries fresh credentials (token files re-read,
/// exec plugins re-run on expiry or after a 401), and is retried as ``KubeClientOptions`` describes.
/// Failures arrive as ``KubeClientError``.
///
/// ```swift
/// let client = try KubeClient(configuration: .load())
/// var deployment = try await client.get(Deployment.self, name: "vllm", namespace: "ml")
/// deployment.spec?.replicas = 4
/// deployment = try await client.update(deployment)      // 409 → KubeClientError.conflict
/// ```
public final class KubeClient: Sendable {
    /// Where and how the client connects.
    public let configuration: ClientConfiguration
    /// Rate limits, retries and timeouts.
    public let options: KubeClientOptions

    let credentials: CredentialProvider
    let transports: TransportPool
    let rateLimiter: TokenBucket
    let sleeper: @Sendable (Double) async throws -> Void
    let jitter: @Sendable () -> Double

    /// Creates a client; it opens connections lazily and keeps them until ``shutdown()``.
    public convenience init(configuration: ClientConfiguration, options: KubeClientOptions = KubeClientOptions()) {
        self.init(configuration: configuration, options: options, transport: nil)
    }

    /// Creates a client with a replaceable transport, sleep and jitter (tests).
    init(
        configuration: ClientConfiguration,
        options: KubeClientOptions,
        transport: (any HTTPTransport)?,
        sleeper: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1.0) }
    ) {
        self.configuration = configuration
        self.options = options
        let httpConfiguration = HTTPClientConfiguration(
            tls: configuration.tls,
            connectTimeout: options.connectTimeout,
            requestTimeout: options.requestTimeout,
            idleStreamTimeout: options.watchIdleTimeout,
            warningHandler: options.warningHandler
        )
        transports = TransportPool(base: httpConfiguration, injected: transport)
        let caPEM: [UInt8]?
        switch configuration.tls.certificateAuthority {
        case .pem(let bytes): caPEM = bytes
        case .file(let path): caPEM = FileManager.default.contents(atPath: path).map { Array($0) }
        case nil: caPEM = nil
        }
        credentials = CredentialProvider(
            authentication: configuration.authentication,
            clusterInfo: ExecPluginRunner.ClusterInfo(
                server: configuration.server,
                tlsServerName: configuration.tls.serverName,
                insecureSkipTLSVerify: configuration.tls.insecureSkipVerify,
                certificateAuthorityPEM: caPEM
            )
        )
        rateLimiter = TokenBucket(qps: options.qps, burst: options.burst)
        self.sleeper = sleeper
        self.jitter = jitter
    }

    /// Closes connections and aborts open watches.
    public func shutdown() async {
        await transports.shutdown()
    }

    /// The namespace of the configuration's context (or the pod's namespace in-cluster).
    public var defaultNamespace: String { configuration.namespace }
}

/// One API call before credentials and transport are attached.
struct APIRequest: Sendable {
    /// The verb for errors and logs: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`.
    var verb: String
    var method: HTTPMethod
    var path: String
    var query: [(String, String)] = []
    var body: [UInt8]?
    var contentType: String?
    var timeout: Double?

    /// Whether replaying the request after an unknown outcome is safe (GET, PUT, DELETE).
    var isIdempotent: Bool { method == .get || method == .put || method == .delete || method == .head }
}

extension KubeClient {
    /// The full URL of a request: server, path and percent-encoded query.
    func url(for request: APIRequest) -> String {
        guard !request.query.isEmpty else { return configuration.server + request.path }
        let query = request.query.map { "\(Self.percentEncode($0.0))=\(Self.percentEncode($0.1))" }
        return configuration.server + request.path + "?" + query.joined(separator: "&")
    }

    func httpRequest(_ request: APIRequest, credentials: RequestCredentials) -> HTTPRequest {
        var headers: HTTPHeaders = ["Accept": "application/json", "User-Agent": options.userAgent]
        if let contentType = request.contentType { headers.add("Content-Type", contentType) }
        if let authorization = credentials.authorization { headers.add("Authorization", authorization.revealed) }
        if let user = configuration.impersonateUser { headers.add("Impersonate-User", user) }
        for group in configuration.impersonateGroups { headers.add("Impersonate-Group", group) }
        return HTTPRequest(
            url: url(for: request),
            method: request.method,
            headers: headers,
            body: request.body,
            timeout: request.timeout
        )
    }

    /// Escapes everything outside RFC 3986's unreserved set.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The error for a non-2xx response, with the server's Status decoded when it sent one.
    static func apiError(verb: String, path: String, code: Int, body: [UInt8]) -> KubeClientError {
        var status = try? JSONDecoder().decode(Status.self, from: Data(body))
        if status?.code == nil && status?.reason == nil && status?.message == nil {
            let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            status = text.isEmpty ? nil : Status(status: "Failure", message: text, code: code)
        }
        switch code {
        case 409: return .conflict(verb: verb, path: path, status: status)
        case 410: return .gone(verb: verb, path: path, status: status)
        default: return .api(verb: verb, path: path, code: code, status: status)
        }
    }
}
