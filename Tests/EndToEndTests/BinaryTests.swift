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
}
