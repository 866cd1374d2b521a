internal import COpenSSL

/// One OpenSSL server context built from ``TLSServerConfiguration``: serving chain and key, optional
/// client-certificate verification, TLS 1.2 or newer, and ALPN answering http/1.1 only.
///
/// A client that presents a certificate must present one signed by the configured client CA, or the
/// handshake fails; a client without a certificate is let in with no identity (it may still carry a
/// bearer token), the way the Kubernetes API server behaves.
final class TLSServerContext: @unchecked Sendable {  // SSL_CTX is read-only after init; OpenSSL locks it internally.
    let context: OpaquePointer
    let verifiesClients: Bool

    /// Loads the configuration into a new context.
    ///
    /// - Throws: ``HTTPError/tls(_:)`` when a PEM block does not parse or the key does not match the certificate.
    init(_ configuration: TLSServerConfiguration) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw HTTPError.tls("cannot create a server context: \(OpenSSL.drainErrors())")
        }
        self.context = context
        self.verifiesClients = configuration.clientCertificateAuthority != nil
        _ = copenssl_ctx_set_min_proto_version(context, TLS1_2_VERSION)
        _ = copenssl_ctx_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        copenssl_ctx_offer_http11_only(context)

        try loadServingChain(configuration)
        if let authority = configuration.clientCertificateAuthority { try loadClientAuthority(authority) }
    }

    deinit { SSL_CTX_free(context) }

    private func loadServingChain(_ configuration: TLSServerConfiguration) throws {
        let chain = try OpenSSL.certificates(fromPEM: configuration.certificateChain, what: "the serving certificate")
        defer { chain.forEach { X509_free($0) } }
        guard SSL_CTX_use_certificate(context, chain[0]) == 1 else {
            throw HTTPError.tls("cannot use the serving certificate: \(OpenSSL.drainErrors())")
        }
        for intermediate in chain.dropFirst() { _ = copenssl_ctx_add1_chain_cert(context, intermediate) }

        let key = try OpenSSL.privateKey(fromPEM: configuration.privateKey, what: "the serving key")
        defer { EVP_PKEY_free(key) }
        guard SSL_CTX_use_PrivateKey(context, key) == 1, SSL_CTX_check_private_key(context) == 1 else {
            throw HTTPError.tls("the serving key does not match the certificate: \(OpenSSL.drainErrors())")
        }
    }

    private func loadClientAuthority(_ pem: [UInt8]) throws {
        let authorities = try OpenSSL.certificates(fromPEM: pem, what: "the client certificate authority")
        defer { authorities.forEach { X509_free($0) } }
        let store = SSL_CTX_get_cert_store(context)
        for authority in authorities {
            guard X509_STORE_add_cert(store, authority) == 1, SSL_CTX_add_client_CA(context, authority) == 1 else {
                throw HTTPError.tls("cannot trust the client certificate authority: \(OpenSSL.drainErrors())")
            }
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // Session resumption with client verification needs a session id context.
        var sessionContext = Array("poolpilot".utf8)
        _ = SSL_CTX_set_session_id_context(context, &sessionContext, UInt32(sessionContext.count))
    }
}
