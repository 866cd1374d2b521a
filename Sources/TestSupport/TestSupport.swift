// TestSupport holds helpers shared by the test targets: temporary folders, finding the built
// poolpilot binary and kubectl, and running the embedded cluster as a child process.
import Foundation

/// Locations the tests need.
public enum TestPaths {
    /// The repository root, found from this file's path.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The built `poolpilot` binary: `$POOLPILOT_BIN`, else `.build/debug/poolpilot` under the root.
    public static var poolpilotBinary: URL {
        if let path = ProcessInfo.processInfo.environment["POOLPILOT_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/poolpilot")
    }

    /// A fresh temporary folder for one test.
    public static func makeTemporaryDirectory(prefix: String = "poolpilot-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
