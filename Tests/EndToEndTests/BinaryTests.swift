import Foundation
import TestSupport
import Testing

@Suite struct BinaryTests {
    @Test func `prints its version`() async throws {
        let result = try await runProcess(TestPaths.poolpilotBinary, ["version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("poolpilot 0.1.0"))
    }

    @Test func `rejects an unknown command with usage and exit code 2`() async throws {
        let result = try await runProcess(TestPaths.poolpilotBinary, ["frobnicate"])
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("unknown command 'frobnicate'"))
    }

    @Test func `a command group word lists its subcommands`() async throws {
        let help = try await runProcess(TestPaths.poolpilotBinary, ["cluster", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("cluster up"))
        #expect(help.output.contains("cluster down"))
        let wrong = try await runProcess(TestPaths.poolpilotBinary, ["metrics", "bogus"])
        #expect(wrong.status == 2)
        #expect(wrong.errorOutput.contains("unknown command 'metrics bogus'"))
        #expect(wrong.errorOutput.contains("metrics parse"))
    }

    @Test func `the default cluster folder follows HOME like a shell's tilde`() async throws {
        let home = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-home")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_STATE_HOME"] = nil
        environment["POOLPILOT_CLUSTER_DIR"] = nil
        let result = try await runProcess(TestPaths.poolpilotBinary, ["cluster", "down"], environment: environment)
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("\(home.path)/.poolpilot/cluster"))
    }
}

