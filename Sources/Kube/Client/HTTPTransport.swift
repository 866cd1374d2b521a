import HTTP

/// The two calls the client makes on an HTTP engine; ``HTTPClient`` provides them, tests may fake them.
protocol HTTPTransport: Sendable {
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
    func shutdown()
}

extension HTTPClient: HTTPTransport {}

/// Owns the HTTP clients: one for the configured TLS identity, and one more when an exec plugin hands
/// out a client certificate (rebuilt when the certificate changes).
actor TransportPool {
    private let base: HTTPClientConfiguration
    private let primary: any HTTPTransport
    private let isInjected: Bool
    private var certificateClient: (certificate: [UInt8], key: Secret, transport: any HTTPTransport)?

    init(base: HTTPClientConfiguration, injected: (any HTTPTransport)?) {
        self.base = base
        self.primary = injected ?? HTTPClient(configuration: base)
        self.isInjected = injected != nil
    }

    /// The transport that presents the credentials' client certificate, if they carry one.
    func transport(for credentials: RequestCredentials) -> any HTTPTransport {
        guard !isInjected, let certificate = credentials.clientCertificatePEM, let key = credentials.clientKeyPEM
        else { return primary }
        if let current = certificateClient, current.certificate == certificate, current.key == key {
            return current.transport
        }
        certificateClient?.transport.shutdown()
        var configuration = base
        configuration.tls.clientCertificate = .pem(certificate)
        configuration.tls.clientKey = .pem(Array(key.revealed.utf8))
        let transport = HTTPClient(configuration: configuration)
        certificateClient = (certificate, key, transport)
        return transport
    }

    /// Stops every client this pool created.
    func shutdown() {
        if !isInjected { primary.shutdown() }
        certificateClient?.transport.shutdown()
        certificateClient = nil
    }
}
