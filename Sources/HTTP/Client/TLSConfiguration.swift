/// PEM material given either as a file path or inline.
public enum PEMSource: Sendable, Equatable {
    /// A path to a PEM file, read when a connection is made.
    case file(String)
    /// PEM bytes held in memory (kubeconfig `*-data` fields, after base64 decoding).
    case pem([UInt8])
}

/// TLS settings for ``HTTPClient``.
public struct TLSConfiguration: Sendable, Equatable {
    /// Certificate authorities to trust; `nil` uses the system bundle.
    public var certificateAuthority: PEMSource?
    /// The client certificate, for mutual TLS.
    public var clientCertificate: PEMSource?
    /// The client certificate's private key.
    public var clientKey: PEMSource?
    /// The name to verify the server certificate against, instead of the URL's host.
    public var serverName: String?
    /// Skips certificate verification, reported as a warning once per client.
    ///
    /// Default: false.
    public var insecureSkipVerify: Bool

    /// Creates TLS settings.
    public init(
        certificateAuthority: PEMSource? = nil,
        clientCertificate: PEMSource? = nil,
        clientKey: PEMSource? = nil,
        serverName: String? = nil,
        insecureSkipVerify: Bool = false
    ) {
        self.certificateAuthority = certificateAuthority
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// Settings for one ``HTTPClient``.
public struct HTTPClientConfiguration: Sendable {
    /// TLS settings for https URLs.
    public var tls: TLSConfiguration
    /// Connect timeout in seconds, TLS handshake included.
    ///
    /// Default: 10.
    public var connectTimeout: Double
    /// Whole-request timeout in seconds for ``HTTPClient/execute(_:)``.
    ///
    /// Default: 60.
    public var requestTimeout: Double
    /// For streams, the longest gap between received bytes, in seconds, before the stream fails.
    ///
    /// Counted from the request's start until the first byte. Default: 300.
    public var idleStreamTimeout: Double
    /// Receives one-line warnings, such as insecure TLS in use; `nil` drops them.
    public var warningHandler: (@Sendable (String) -> Void)?

    /// Creates client settings.
    public init(
        tls: TLSConfiguration = TLSConfiguration(),
        connectTimeout: Double = 10,
        requestTimeout: Double = 60,
        idleStreamTimeout: Double = 300,
        warningHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.idleStreamTimeout = idleStreamTimeout
        self.warningHandler = warningHandler
    }
}
