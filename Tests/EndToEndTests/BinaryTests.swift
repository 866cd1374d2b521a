import Foundation
import TestSupport
import Testing

@Suite struct BinaryTests {
    @Test func `prints its version`() throws {
        let process = Process()
        process.executableURL = TestPaths.poolpilotBinary
        process.arguments = ["version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(output.hasPrefix("poolpilot 0.1.0"))
    }
}
