import Foundation
import HTTP

/// The benchmark process's resident set size, read from `/proc/self/status` (`VmRSS`), 0 when unreadable.
enum ResidentMemory {
    /// Resident set size in KiB.
    static func kilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Resident set size in bytes.
    static func bytes() -> Int { kilobytes() * 1024 }
}

/// `bench/tools/h2-watch-server.py` (an HTTP/2 watch server) on a loopback port, with a fresh certificate authority.
///
/// The HTTP and Kube HTTP/2 benchmarks share it; it runs until ``stop()``.
struct H2WatchServer {
    /// The script, relative to the repository root the benchmarks run from.
    static let script = "bench/tools/h2-watch-server.py"

    /// Whether the script and `/usr/bin/python3` are there (python3-h2 is checked by the script itself).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: script) && FileManager.default.fileExists(atPath: "/usr/bin/python3")
    }

    /// The loopback port it serves TLS on.
    let port: Int
    /// The certificate authority that signed its serving certificate.
    let authority: CertificateAuthority
    private let process: Process
    private let directory: URL

    /// Writes a serving certificate, borrows a free port from a throw-away server and starts the script on it.
    static func start() async throws -> H2WatchServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("poolpilot-h2-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate()
        let certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try Data(serving.certificatePEM).write(to: URL(fileURLWithPath: certificatePath))
        try Data(serving.privateKeyPEM).write(to: URL(fileURLWithPath: keyPath))

        let probe = HTTPServer(configuration: HTTPServerConfiguration()) { _ in HTTPServerResponse(status: 204) }
        let port = try await probe.start()
        await probe.shutdown(deadline: 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "\(port)", certificatePath, keyPath]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return H2WatchServer(port: port, authority: authority, process: process, directory: directory)
    }

    /// Kills the server and removes its certificate files.
    func stop() {
        // The child inherits the spawning thread's blocked signals, SIGTERM among them, so only SIGKILL stops it.
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }
}
