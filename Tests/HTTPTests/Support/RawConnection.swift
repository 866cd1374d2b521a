import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs blocking work on its own thread so it never holds a thread of the cooperative pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}

/// Errors from the test's raw socket client.
struct RawConnectionError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP client for driving the server byte by byte; every call has a 10 s receive timeout.
final class RawConnection: @unchecked Sendable {  // The socket is used by one test at a time, in order.
    let fd: Int32
    private var received: [UInt8] = []

    /// Connects to `host:port`.
    init(host: String = "127.0.0.1", port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw RawConnectionError(description: "connect failed: errno \(errno)")
        }
    }

    deinit { close(fd) }

    /// Sends text as is.
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends bytes as is.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw RawConnectionError(description: "send failed: errno \(errno)") }
            offset += count
        }
    }

    /// Reads until `marker` has been received; returns everything up to and including it.
    func receive(through marker: String) throws -> String {
        let needle = Array(marker.utf8)
        while true {
            if let range = firstRange(of: needle) {
                let text = String(decoding: received[..<range], as: UTF8.self)
                received.removeFirst(range)
                return text
            }
            guard try fill() else {
                throw RawConnectionError(
                    description:
                        "closed before \(marker.debugDescription); got \(String(decoding: received, as: UTF8.self).debugDescription)"
                )
            }
        }
    }

    /// Reads until the peer closes; returns everything not yet consumed.
    func receiveUntilClosed() throws -> String {
        while try fill() {}
        defer { received.removeAll() }
        return String(decoding: received, as: UTF8.self)
    }

    /// Closes the sending side, as a client that has sent everything.
    func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    private func fill() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw RawConnectionError(description: "receive failed or timed out: errno \(errno)")
        }
        if count == 0 { return false }
        received += buffer[0..<count]
        return true
    }

    private func firstRange(of needle: [UInt8]) -> Int? {
        guard received.count >= needle.count else { return nil }
        for start in 0...(received.count - needle.count)
        where received[start..<start + needle.count].elementsEqual(needle) {
            return start + needle.count
        }
        return nil
    }
}

/// Runs the `curl` command line tool and returns its exit status and standard output.
func runCurl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await onThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--show-error", "--max-time", "20"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A socket that listens on loopback but never accepts: connections complete in the kernel's backlog
/// and then hear nothing, like a server that hangs during the TLS handshake.
final class SilentListener: Sendable {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw RawConnectionError(description: "cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
