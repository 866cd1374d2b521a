#if canImport(Glibc)
    import Glibc
#endif

/// Why a connection's byte stream stopped.
enum TransportError: Error, Sendable {
    /// The wait was interrupted (server shutdown or task cancellation).
    case interrupted
    /// The read deadline passed (idle keep-alive or a slow request head).
    case timedOut
    /// The socket or TLS session failed.
    case failed(String)
}

/// A server-side connection's byte stream: plain TCP or TLS over TCP.
protocol ServerTransport: Sendable {
    /// The socket, for readiness waits.
    var fd: Int32 { get }
    /// The verified client certificate's identity, once the handshake is done (TLS only).
    var clientIdentity: ClientCertificateIdentity? { get }
    /// Completes any handshake; plain TCP has none.
    func open(deadline: ContinuousClock.Instant) async throws
    /// Reads what is available, waiting for at least one byte; an empty result means the peer closed.
    func read(maxBytes: Int, deadline: ContinuousClock.Instant?) async throws -> [UInt8]
    /// Writes every byte, waiting for room as needed.
    func write(_ bytes: [UInt8]) async throws
    /// Sends a close notification where the protocol has one; the caller closes the socket.
    func shutdown()
}

/// Plain TCP over a non-blocking socket.
struct PlainTransport: ServerTransport {
    let fd: Int32
    let poller: Poller

    var clientIdentity: ClientCertificateIdentity? { nil }

    func open(deadline: ContinuousClock.Instant) async throws {}

    func read(maxBytes: Int, deadline: ContinuousClock.Instant?) async throws -> [UInt8] {
        while true {
            if let bytes = try receive(maxBytes: maxBytes) { return bytes }
            try Self.check(await poller.wait(fd, for: .read, deadline: deadline))
        }
    }

    /// Reads once without waiting; `nil` when nothing is available yet.
    ///
    /// The buffer lives only for the call, so an idle connection waiting for its next request holds none.
    private func receive(maxBytes: Int) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maxBytes, 0) }
            if count >= 0 { return Array(buffer[0..<count]) }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw TransportError.failed(errnoDescription(code)) }
            return nil
        }
    }

    func write(_ bytes: [UInt8]) async throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                offset += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw TransportError.failed(errnoDescription(code)) }
            try Self.check(await poller.wait(fd, for: .write))
        }
    }

    func shutdown() {}

    /// Turns a readiness result into a thrown error when the wait did not end ready.
    static func check(_ readiness: Readiness) throws {
        switch readiness {
        case .ready: return
        case .interrupted: throw TransportError.interrupted
        case .timedOut: throw TransportError.timedOut
        }
    }
}
