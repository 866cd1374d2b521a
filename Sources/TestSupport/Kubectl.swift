import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What one kubectl run produced.
public struct KubectlResult: Sendable {
    /// The exit code.
    public var exitCode: Int32
    /// Standard output.
    public var stdout: String
    /// Standard error.
    public var stderr: String
}

/// Runs the real `/usr/bin/kubectl` against an embedded cluster with its own discovery cache.
public struct Kubectl: Sendable {
    /// The kubectl binary: `$KUBECTL`, else `/usr/bin/kubectl`.
    public static var binary: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["KUBECTL"] ?? "/usr/bin/kubectl")
    }

    /// Whether kubectl is installed, for `.enabled(if:)` traits.
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// The kubeconfig passed with `--kubeconfig`.
    public let kubeconfig: URL
    /// The per-cluster `--cache-dir`.
    public let cacheDirectory: URL

    /// A runner for `cluster`, caching discovery inside the cluster's directory.
    public init(cluster: EmbeddedCluster) {
        kubeconfig = cluster.kubeconfigPath
        cacheDirectory = cluster.directory.appendingPathComponent("kubectl-cache")
    }

    /// Clears the discovery cache (after changing CRDs, like a user would).
    public func clearCache() {
        try? FileManager.default.removeItem(at: cacheDirectory)
    }

    private func command(_ arguments: [String]) -> [String] {
        ["--kubeconfig", kubeconfig.path, "--cache-dir", cacheDirectory.path] + arguments
    }

    /// Runs kubectl to completion, killing it after `timeoutSeconds`.
    public func run(_ arguments: [String], stdin: String? = nil, timeoutSeconds: Double = 60) async throws
        -> KubectlResult
    {
        let running = try KubectlProcess(arguments: command(arguments), stdin: stdin)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        while running.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        return await running.finish()
    }

    /// Starts a long-running kubectl (such as `get -w`); read with ``KubectlProcess/waitForOutput(containing:timeoutSeconds:)``.
    public func start(_ arguments: [String]) throws -> KubectlProcess {
        try KubectlProcess(arguments: command(arguments), stdin: nil)
    }
}

/// A kubectl process whose output goes to temporary files (no pipe can fill up and block it).
public final class KubectlProcess: Sendable {
    private let process: Mutex<Process>
    private let stdoutURL: URL
    private let stderrURL: URL

    init(arguments: [String], stdin: String?) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubectl-\(UUID().uuidString.prefix(8))"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        stdoutURL = folder.appendingPathComponent("stdout")
        stderrURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = Kubectl.binary
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        if let stdin {
            let input = folder.appendingPathComponent("stdin")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        self.process = Mutex(process)
    }

    deinit {
        let running = process.withLock { $0 }
        if running.isRunning { kill(running.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: stdoutURL.deletingLastPathComponent())
    }

    /// Whether kubectl is still running.
    public var isRunning: Bool { process.withLock { $0.isRunning } }

    /// Standard output so far.
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// Standard error so far.
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Polls standard output until it contains `text` or the deadline passes; returns whether it did.
    public func waitForOutput(containing text: String, timeoutSeconds: Double = 30) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1000))
        while ContinuousClock.now < deadline {
            if stdout.contains(text) { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return stdout.contains(text)
    }

    /// Stops kubectl if it still runs (SIGTERM, then SIGKILL after 5 s), waits for it without blocking
    /// a cooperative thread, and returns what it produced.
    @discardableResult
    public func finish() async -> KubectlResult {
        let pid = process.withLock { $0.processIdentifier }
        if isRunning { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(5)
        while isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        if isRunning { kill(pid, SIGKILL) }
        while isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        let status = process.withLock { running in
            running.waitUntilExit()
            return running.terminationStatus
        }
        return KubectlResult(exitCode: status, stdout: stdout, stderr: stderr)
    }
}
