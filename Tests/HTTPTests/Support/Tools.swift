import Foundation

/// Runs a command line tool and returns its exit status and combined output.
func runTool(_ path: String, _ arguments: [String], environment: [String: String]? = nil) async throws
    -> (status: Int32, output: String)
{
    try await onThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Whether an executable exists at `path`.
func toolExists(_ path: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: path)
}

/// Writes bytes to `name` inside `directory` and returns the path.
func write(_ bytes: [UInt8], to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
