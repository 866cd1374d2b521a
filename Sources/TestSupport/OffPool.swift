import Foundation

/// Runs blocking work (waiting for a child process, a blocking socket read) on a thread of its own.
///
/// Swift's cooperative pool has one thread per core, two on the CI machine. A test that blocks one
/// of them while the server it talks to runs tasks in the same process can starve that server, and
/// the test then fails by timeout only when other suites run beside it. Every blocking call in a test
/// goes through this function.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

/// What a finished child process wrote and how it exited.
public struct ProcessResult: Sendable {
    /// The exit status (or the signal number when it was killed).
    public var status: Int32
    /// Standard output.
    public var stdout: Data
    /// Standard error.
    public var stderr: Data

    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text.
    public var errorOutput: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program to completion without blocking the cooperative pool; output is read as it comes,
/// so a full pipe never stalls the child.
public func runProcess(
    _ executable: URL,
    _ arguments: [String],
    stdin: Data? = nil,
    environment: [String: String]? = nil
) async throws -> ProcessResult {
    try await offPool {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read standard error on a second thread so neither pipe can fill up and block the child.
        let errorBox = DataBox()
        let reader = Thread { errorBox.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorBox.waitForValue()
        return ProcessResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// A one-shot slot for bytes read on another thread.
private final class DataBox: @unchecked Sendable {  // guarded by `condition`
    private let condition = NSCondition()
    private var value: Data?

    func set(_ data: Data) {
        condition.lock()
        value = data
        condition.signal()
        condition.unlock()
    }

    func waitForValue() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value ?? Data()
    }
}
