import Foundation
import Synchronization
import YAML

#if canImport(Glibc)
    import Glibc
#endif

/// An embedded Kubernetes API server (`poolpilot cluster serve`) running as a child process for tests.
///
/// ```swift
/// try await EmbeddedCluster.with { cluster in
///     let kubectl = Kubectl(cluster: cluster)
///     let result = try await kubectl.run(["get", "ns"])
/// }
/// ```
/// The server listens on a free loopback port and keeps everything in a fresh temporary directory.
/// ``stop()`` ends it; ``with(_:body:)`` stops it even when the body throws, and a cluster that is
/// released without being stopped is killed.
public final class EmbeddedCluster: Sendable {
    /// Options for starting a cluster.
    public struct Options: Sendable {
        /// Serve plain HTTP with a bearer token instead of HTTPS.
        ///
        /// Default: false.
        public var isInsecureHTTP = false
        /// Seconds between watch BOOKMARKs.
        ///
        /// Default: 1 (short, so tests see them).
        public var bookmarkIntervalSeconds: Double = 1
        /// Changes kept for watch resume and list continuation.
        ///
        /// Default: 10,000.
        public var historyLimit = 10_000
        /// Persist objects in the cluster directory's `data` folder.
        ///
        /// Default: false.
        public var persists = false
        /// Extra `cluster serve` arguments, such as `["--latency-ms", "50"]`.
        public var extraArguments: [String] = []
        /// Seconds to wait for readiness.
        ///
        /// Default: 90.
        public var startTimeoutSeconds: Double = 90

        /// Default options.
        public init() {}
    }

    /// The cluster's directory (kubeconfig, pki, data, server.log); removed by ``stop()``.
    public let directory: URL
    /// The kubeconfig written by the server.
    public let kubeconfigPath: URL
    /// The server URL, such as `https://127.0.0.1:41234`.
    public let serverURL: String
    /// The admin bearer token (accepted over HTTPS and HTTP).
    public let token: String
    /// The CA certificate PEM for HTTPS servers, `nil` for plain HTTP.
    public let certificateAuthorityPEM: String?
    /// The server's process id.
    public let pid: Int32
    private let process: Mutex<Process?>

    private init(directory: URL, serverURL: String, token: String, caPEM: String?, process: Process) {
        self.directory = directory
        kubeconfigPath = directory.appendingPathComponent("kubeconfig")
        self.serverURL = serverURL
        self.token = token
        certificateAuthorityPEM = caPEM
        pid = process.processIdentifier
        self.process = Mutex(process)
    }

    deinit {
        let running = process.withLock { $0 }
        if let running, running.isRunning {
            kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
        }
    }

    /// Starts a cluster and waits until it listens.
    ///
    /// - Throws: ``EmbeddedClusterError`` when the binary is missing, the server exits, or it is not ready in time.
    public static func start(_ options: Options = Options()) async throws -> EmbeddedCluster {
        let binary = TestPaths.poolpilotBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw EmbeddedClusterError.binaryMissing(binary.path)
        }
        let directory = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-cluster")
        var arguments = [
            "cluster", "serve", "--dir", directory.path, "--port", "0", "--no-components", "--exit-with-parent",
            "--bookmark-interval", String(options.bookmarkIntervalSeconds), "--history", String(options.historyLimit),
        ]
        if options.isInsecureHTTP { arguments.append("--insecure-http") }
        if options.persists { arguments += ["--data-dir", directory.appendingPathComponent("data").path] }
        arguments += options.extraArguments
        let log = directory.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let stateFile = directory.appendingPathComponent("cluster.json")
        let deadline = ContinuousClock.now + .milliseconds(Int(options.startTimeoutSeconds * 1000))
        while ContinuousClock.now < deadline {
            if let data = FileManager.default.contents(atPath: stateFile.path),
                let state = try? JSONDecoder().decode(JSONValue.self, from: data),
                let server = state["server"]?.stringValue,
                state["pid"]?.integerValue == Int64(process.processIdentifier)
            {
                let pki = directory.appendingPathComponent("pki")
                let token = try String(contentsOf: pki.appendingPathComponent("admin.token"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                let ca = try? String(contentsOf: pki.appendingPathComponent("ca.crt"), encoding: .utf8)
                return EmbeddedCluster(
                    directory: directory,
                    serverURL: server,
                    token: token,
                    caPEM: options.isInsecureHTTP ? nil : ca,
                    process: process
                )
            }
            if !process.isRunning {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw EmbeddedClusterError.exited(status: process.terminationStatus, log: output)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        process.waitUntilExit()
        throw EmbeddedClusterError.notReady(seconds: options.startTimeoutSeconds)
    }

    /// Runs `body` with a fresh cluster and stops it afterwards, also when `body` throws.
    public static func with<Result: Sendable>(
        _ options: Options = Options(),
        body: (EmbeddedCluster) async throws -> Result
    ) async throws -> Result {
        let cluster = try await start(options)
        do {
            let result = try await body(cluster)
            await cluster.stop()
            return result
        } catch {
            await cluster.stop()
            throw error
        }
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its directory.
    public func stop() async {
        guard
            let running = process.withLock({ value -> Process? in
                let current = value
                value = nil
                return current
            })
        else { return }
        if running.isRunning {
            kill(running.processIdentifier, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(5)
            while running.isRunning, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if running.isRunning { kill(running.processIdentifier, SIGKILL) }
            while running.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
            running.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The server's log so far (useful in failure messages).
    public var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }
}

/// Why an embedded cluster could not be used.
public enum EmbeddedClusterError: Error, Sendable, CustomStringConvertible {
    /// The poolpilot binary is not built.
    case binaryMissing(String)
    /// The server exited before it was ready.
    case exited(status: Int32, log: String)
    /// The server was not ready in time.
    case notReady(seconds: Double)
    /// An admin endpoint call failed.
    case adminFailed(String)

    /// A lowercase description.
    public var description: String {
        switch self {
        case .binaryMissing(let path): return "poolpilot binary not found at \(path); run swift build first"
        case .exited(let status, let log): return "embedded cluster exited with status \(status): \(log)"
        case .notReady(let seconds): return "embedded cluster not ready after \(seconds)s"
        case .adminFailed(let message): return "embedded cluster admin call failed: \(message)"
        }
    }
}
