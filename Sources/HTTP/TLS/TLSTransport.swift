internal import COpenSSL

/// TLS over a non-blocking socket: OpenSSL asks to wait for reading or writing, and the task awaits
/// that readiness from the shared poller.
// The SSL object is used by one connection task at a time, so it needs no lock.
final class TLSTransport: ServerTransport, @unchecked Sendable {  // Owned by one connection task.
    let fd: Int32
    private let poller: Poller
    private let context: TLSServerContext
    private let ssl: OpaquePointer?
    private(set) var clientIdentity: ClientCertificateIdentity?

    init(fd: Int32, poller: Poller, context: TLSServerContext) {
        self.fd = fd
        self.poller = poller
        self.context = context
        self.ssl = SSL_new(context.context)
        if let ssl {
            SSL_set_fd(ssl, fd)
            SSL_set_accept_state(ssl)
        }
    }

    deinit {
        if let ssl { SSL_free(ssl) }
    }

    func open(deadline: ContinuousClock.Instant) async throws {
        guard let ssl else { throw TransportError.failed("cannot create a tls session") }
        while true {
            let result = SSL_do_handshake(ssl)
            if result == 1 { break }
            try await waitFor(SSL_get_error(ssl, result), deadline: deadline)
        }

        // With a client CA configured, OpenSSL has already failed the handshake for an untrusted
        // certificate; a client that sent none gets no identity.
        guard context.verifiesClients, let peer = SSL_get1_peer_certificate(ssl) else { return }
        defer { X509_free(peer) }
        if SSL_get_verify_result(ssl) == X509_V_OK { clientIdentity = OpenSSL.identity(of: peer) }
    }

    func read(maxBytes: Int, deadline: ContinuousClock.Instant?) async throws -> [UInt8] {
        guard let ssl else { return [] }
        while true {
            switch receive(ssl, maxBytes: maxBytes) {
            case .bytes(let bytes): return bytes
            case .wait(let error): try await waitFor(error, deadline: deadline)
            }
        }
    }

    private enum ReadAttempt {
        case bytes([UInt8])
        case wait(Int32)
    }

    /// Reads once without waiting; the buffer lives only for the call, so a waiting connection holds none.
    private func receive(_ ssl: OpaquePointer, maxBytes: Int) -> ReadAttempt {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        let count = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(maxBytes)) }
        if count > 0 { return .bytes(Array(buffer[0..<Int(count)])) }
        let error = SSL_get_error(ssl, count)
        if error == SSL_ERROR_ZERO_RETURN { return .bytes([]) }
        if error == SSL_ERROR_SYSCALL {
            ERR_clear_error()
            return .bytes([])  // The peer closed without close_notify; treat it as the end of the stream.
        }
        return .wait(error)
    }

    func write(_ bytes: [UInt8]) async throws {
        guard let ssl else { throw TransportError.failed("no tls session") }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
            if count > 0 {
                offset += Int(count)
                continue
            }
            try await waitFor(SSL_get_error(ssl, count), deadline: nil)
        }
    }

    func shutdown() {
        guard let ssl else { return }
        // One best-effort close_notify; the socket is closed right after, so do not wait for the reply.
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    private func waitFor(_ error: Int32, deadline: ContinuousClock.Instant?) async throws {
        switch error {
        case SSL_ERROR_WANT_READ:
            try PlainTransport.check(await poller.wait(fd, for: .read, deadline: deadline))
        case SSL_ERROR_WANT_WRITE:
            try PlainTransport.check(await poller.wait(fd, for: .write))
        default:
            throw TransportError.failed("tls: \(OpenSSL.drainErrors())")
        }
    }
}
