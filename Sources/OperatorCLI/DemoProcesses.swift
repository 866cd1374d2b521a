import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The child processes the demo starts (cluster, Prometheus, operator) and the tools it runs
/// (kubectl, gnuplot); every child is stopped by its own pid, never by name.
final class DemoProcesses: Sendable {
    /// Set by SIGINT/SIGTERM; the demo's loops check it and clean up.
    static let interrupted = Atomic<Bool>(false)

    private let children = Mutex<[(name: String, process: Process)]>([])

    /// Routes SIGINT and SIGTERM to ``interrupted`` instead of killing the demo at once, so it can
    /// stop what it started.
    static func installSignalHandlers() {
        signal(SIGINT) { _ in DemoProcesses.interrupted.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in DemoProcesses.interrupted.store(true, ordering: .relaxed) }
    }

    /// Whether Ctrl-C (or SIGTERM) arrived.
    static var isInterrupted: Bool { interrupted.load(ordering: .relaxed) }

    /// Starts a long-running child with its output going to `log`.
    func start(_ name: String, executable: String, arguments: [String], log: URL) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        children.withLock { $0.append((name, process)) }
        return process
    }

    /// Stops every child, newest first: SIGTERM, then SIGKILL after `grace` seconds.
    func stopAll(grace: Double = 5) async {
        let all = children.withLock { list in
            defer { list.removeAll() }
            return list
        }
        for child in all.reversed() where child.process.isRunning {
            kill(child.process.processIdentifier, SIGTERM)
            let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
            while child.process.isRunning, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(50))
            }
            if child.process.isRunning {
                kill(child.process.processIdentifier, SIGKILL)
                child.process.waitUntilExit()
            }
        }
    }

    /// Runs a tool to completion and returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The full path of a program on `PATH`, or `nil`.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A free TCP port on 127.0.0.1 (bound and released; the caller binds it right after).
    static func freeLoopbackPort() -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the demo stopped early.
enum DemoError: Error, CustomStringConvertible {
    /// A step failed; the message says which and where its log is.
    case failed(String)

    /// A lowercase description.
    var description: String {
        switch self {
        case .failed(let message): return "demo: \(message)"
        }
    }
}
