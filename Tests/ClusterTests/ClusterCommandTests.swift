import Foundation
import TestSupport
import Testing

/// `poolpilot cluster up/down/serve` as a user runs them.
@Suite(.serialized) struct ClusterCommandTests {
    struct Run {
        var status: Int32
        var output: String
    }

    func poolpilot(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
        let folder = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("output")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let process = Process()
        process.executableURL = TestPaths.poolpilotBinary
        process.arguments = arguments
        let handle = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        try process.run()
        let deadline = ContinuousClock.now + .seconds(90)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        )
    }

    @Test(.enabled(if: Kubectl.isAvailable, "needs /usr/bin/kubectl"))
    func `cluster up starts a background server, refuses a second start, and cluster down stops it`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-up")
        defer { try? FileManager.default.removeItem(at: directory) }
        let up = try await poolpilot(["cluster", "up", "--dir", directory.path])
        #expect(up.status == 0, "\(up.output)")
        #expect(up.output.contains("export KUBECONFIG=\(directory.path)/kubeconfig"))

        let kubeconfig = directory.appendingPathComponent("kubeconfig").path
        let namespaces = try await kubectlRun([
            "--kubeconfig", kubeconfig, "--cache-dir", directory.appendingPathComponent("cache").path, "get", "ns",
            "default", "-o", "name",
        ])
        #expect(namespaces == "namespace/default\n")

        let twice = try await poolpilot(["cluster", "up", "--dir", directory.path])
        #expect(twice.status == 1)
        #expect(twice.output.contains("a cluster is already running in \(directory.path)"), "\(twice.output)")

        let down = try await poolpilot(["cluster", "down", "--dir", directory.path])
        #expect(down.status == 0, "\(down.output)")
        #expect(down.output.contains("embedded cluster stopped"))

        let again = try await poolpilot(["cluster", "down", "--dir", directory.path])
        #expect(again.status == 1)
        #expect(again.output.contains("no cluster is running in \(directory.path)"))
    }

    @Test func `cluster up names a port that is in use`() async throws {
        try await EmbeddedCluster.with { first in
            let port = try #require(first.serverURL.split(separator: ":").last.map(String.init))
            let directory = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-port")
            defer { try? FileManager.default.removeItem(at: directory) }
            let clash = try await poolpilot([
                "cluster", "up", "--dir", directory.path, "--port", port, "--timeout", "30",
            ])
            #expect(clash.status == 1)
            #expect(clash.output.contains("port \(port) is already in use"), "\(clash.output)")
        }
    }

    func kubectlRun(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = Kubectl.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
