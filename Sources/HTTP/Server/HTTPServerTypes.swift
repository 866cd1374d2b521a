/// One request received by ``HTTPServer``.
public struct HTTPServerRequest: Sendable {
    /// The method as sent, such as "GET".
    public var method: String
    /// The request target as sent: path plus `?query`.
    public var target: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// Query parameters in order, percent-decoded (`+` is a space).
    public var query: [(name: String, value: String)]
    /// Request headers.
    public var headers: HTTPHeaders
    /// The body, read in full (bounded by the server's limit).
    public var body: [UInt8]
    /// The peer's address, "ip:port".
    public var remoteAddress: String
    /// The verified TLS client certificate's identity, when the client presented one.
    public var clientCertificate: ClientCertificateIdentity?

    /// Creates a request (tests build these directly to exercise handlers without sockets).
    public init(
        method: String,
        target: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1:0",
        clientCertificate: ClientCertificateIdentity? = nil
    ) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.clientCertificate = clientCertificate
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = HTTPServerRequest.percentDecoded(String(parts.first ?? ""), plusIsSpace: false)
        self.query = parts.count > 1 ? HTTPServerRequest.parseQuery(String(parts[1])) : []
    }

    /// The first value of a query parameter, or `nil`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Parses `a=1&b=two` into ordered, percent-decoded pairs.
    public static func parseQuery(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(String(pair[0]), plusIsSpace: true)
            let value = pair.count > 1 ? percentDecoded(String(pair[1]), plusIsSpace: true) : ""
            return (name: name, value: value)
        }
    }

    /// Decodes `%XX` escapes; invalid escapes are kept as they are.
    public static func percentDecoded(_ text: String, plusIsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Who a verified TLS client certificate names: Kubernetes reads the user from CN and groups from O.
public struct ClientCertificateIdentity: Sendable, Equatable {
    /// The subject's common name.
    public var commonName: String
    /// The subject's organizations.
    public var organizations: [String]

    /// Creates an identity.
    public init(commonName: String, organizations: [String]) {
        self.commonName = commonName
        self.organizations = organizations
    }
}

/// A response for ``HTTPServer`` to send.
public struct HTTPServerResponse: Sendable {
    /// How the body is sent.
    public enum Body: Sendable {
        /// A complete body, sent with Content-Length.
        case bytes([UInt8])
        /// A streamed body, sent chunked, each element flushed as it comes; ends when the stream ends.
        case stream(AsyncStream<[UInt8]>)
    }

    /// The status code.
    public var status: Int
    /// Response headers; the server adds Content-Length or Transfer-Encoding itself.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// TLS settings for ``HTTPServer``.
public struct TLSServerConfiguration: Sendable {
    /// The serving certificate chain, PEM.
    public var certificateChain: [UInt8]
    /// The serving key, PEM.
    public var privateKey: [UInt8]
    /// CAs whose client certificates are accepted and verified; `nil` asks for none.
    public var clientCertificateAuthority: [UInt8]?

    /// Creates server TLS settings.
    public init(certificateChain: [UInt8], privateKey: [UInt8], clientCertificateAuthority: [UInt8]? = nil) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
        self.clientCertificateAuthority = clientCertificateAuthority
    }
}

/// Settings for ``HTTPServer``.
public struct HTTPServerConfiguration: Sendable {
    /// The IPv4 address to bind, such as "127.0.0.1" or a pod address like "127.0.1.7".
    public var host: String
    /// The port to bind; 0 picks a free one (read it from ``HTTPServer/start()``).
    public var port: Int
    /// TLS, or `nil` for plain HTTP.
    public var tls: TLSServerConfiguration?
    /// Largest accepted request body in bytes; larger ones get 413.
    ///
    /// Default: 3 MiB (the Kubernetes API server's limit).
    public var maxRequestBodyBytes: Int
    /// Largest accepted request line plus headers in bytes; larger ones get 431.
    ///
    /// Default: 64 KiB.
    public var maxHeaderBytes: Int
    /// Seconds an idle keep-alive connection is kept open; also bounds how long a request head may take.
    ///
    /// Default: 90.
    public var keepAliveTimeout: Double

    /// Creates server settings.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: TLSServerConfiguration? = nil,
        maxRequestBodyBytes: Int = 3 * 1024 * 1024,
        maxHeaderBytes: Int = 64 * 1024,
        keepAliveTimeout: Double = 90
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.keepAliveTimeout = keepAliveTimeout
    }
}
