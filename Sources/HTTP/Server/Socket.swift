#if canImport(Glibc)
    import Glibc
#endif

/// Thin wrappers over the POSIX socket calls the server needs (IPv4, non-blocking).
enum Socket {
    /// Creates a non-blocking IPv4 socket bound to `host:port` and listening; returns it and the bound port.
    ///
    /// - Throws: ``HTTPError/bindFailed(address:reason:)`` for an unparsable address, an address in use,
    ///   or an address this machine does not have.
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws -> (fd: Int32, port: Int) {
        let label = "\(host):\(port)"
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw HTTPError.bindFailed(address: label, reason: "not an ipv4 address")
        }

        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPError.bindFailed(address: label, reason: errnoDescription()) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            let reason = errnoDescription()
            close(fd)
            throw HTTPError.bindFailed(address: label, reason: reason)
        }
        return (fd, localPort(fd) ?? port)
    }

    /// The local port a socket is bound to.
    static func localPort(_ fd: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The result of one `accept`.
    enum AcceptResult {
        /// A new non-blocking connection and its peer as "ip:port".
        case accepted(fd: Int32, peer: String)
        /// Nothing pending.
        case wouldBlock
        /// The process is out of descriptors or memory.
        case failed
    }

    /// Accepts one pending connection as a non-blocking socket.
    static func accept(_ listener: Int32) -> AcceptResult {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.accept(listener, $0, &length)
            }
        }
        guard fd >= 0 else {
            switch errno {
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .failed
            default: return accept(listener)  // ECONNABORTED, EINTR: that connection is gone, try the next.
            }
        }
        makeNonBlocking(fd)
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        return .accepted(fd: fd, peer: "\(ipv4Text(address.sin_addr)):\(UInt16(bigEndian: address.sin_port))")
    }

    /// Sets `O_NONBLOCK` and `FD_CLOEXEC` on a descriptor.
    static func makeNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Dotted text of an IPv4 address.
    static func ipv4Text(_ address: in_addr) -> String {
        let value = UInt32(bigEndian: address.s_addr)
        return "\(value >> 24 & 0xff).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }
}
