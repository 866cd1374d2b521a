import Foundation
import Synchronization

/// Where formatted log lines go: standard error by default, or a ``LogCapture`` in tests.
///
/// Each call receives one complete line without its trailing newline.
public struct LogSink: Sendable {
    /// Writes one line.
    public let write: @Sendable (String) -> Void

    /// Creates a sink from a closure that must be safe to call from many tasks at once.
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Standard error, one `write` per line so concurrent records do not interleave.
    public static let standardError = LogSink { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Drops every line.
    public static let discard = LogSink { _ in }

    /// Appends every line to `capture`.
    public static func capture(_ capture: LogCapture) -> LogSink {
        LogSink { line in capture.append(line) }
    }
}

/// Collects log lines in memory so tests can assert on them.
public final class LogCapture: Sendable {
    private let storage = Mutex<[String]>([])

    /// Creates an empty capture.
    public init() {}

    /// Adds one line.
    public func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    /// Every line captured so far, oldest first.
    public var lines: [String] {
        storage.withLock { $0 }
    }

    /// Each captured JSON line decoded into a dictionary; lines that are not JSON objects are skipped.
    public var records: [[String: Any]] {
        lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Forgets every captured line.
    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}
