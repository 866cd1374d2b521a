import Foundation
import YAML

#if canImport(Glibc)
    import Glibc
#endif

/// The on-disk form of the store under `--data-dir`: a snapshot plus a write-ahead log.
///
/// Every committed change is appended to `wal.jsonl` and fsync'd before the request is answered. When the
/// log grows past ``compactionThreshold`` lines, the whole store is written to `snapshot.json.tmp`,
/// fsync'd, renamed over `snapshot.json` (atomic) and the directory fsync'd, and only then is the log
/// emptied. A crash at any point leaves either the old or the new snapshot plus a log whose entries at
/// or below the snapshot's revision are skipped; a torn last log line is ignored and cut off on load.
final class Persistence {
    private let directory: URL
    private var logDescriptor: Int32 = -1
    private var logLines = 0
    /// Log lines after which the store is snapshotted and the log emptied.
    ///
    /// Default: 5000.
    var compactionThreshold = 5000

    private var snapshotURL: URL { directory.appendingPathComponent("snapshot.json") }
    private var logURL: URL { directory.appendingPathComponent("wal.jsonl") }

    /// Opens (creating if needed) the data directory.
    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        if logDescriptor >= 0 { close(logDescriptor) }
    }

    /// What was on disk: objects by storage key and object key, and the revision counter.
    struct Loaded {
        var objects: [String: [String: JSONValue]] = [:]
        var revision: Int64 = 0
    }

    /// Reads the snapshot and replays the log; cuts off a torn tail.
    func load() throws -> Loaded {
        var loaded = Loaded()
        if let data = FileManager.default.contents(atPath: snapshotURL.path) {
            let root = try JSONValue(jsonBytes: data)
            loaded.revision = root["revision"]?.integerValue ?? 0
            for (storageKey, objects) in root["objects"]?.objectValue ?? [:] {
                loaded.objects[storageKey] = objects.objectValue ?? [:]
            }
        }
        let snapshotRevision = loaded.revision
        let bytes = Array(FileManager.default.contents(atPath: logURL.path) ?? Data())
        var goodLength = 0
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            guard let entry = try? JSONValue(jsonBytes: bytes[lineStart..<index]) else { break }
            goodLength = index + 1
            lineStart = index + 1
            logLines += 1
            guard let revision = entry["rv"]?.integerValue, revision > snapshotRevision,
                let storageKey = entry["k"]?.stringValue, let objectKey = entry["id"]?.stringValue
            else { continue }
            loaded.revision = max(loaded.revision, revision)
            if let object = entry["o"], !object.isNull {
                loaded.objects[storageKey, default: [:]][objectKey] = object
            } else {
                loaded.objects[storageKey]?[objectKey] = nil
            }
        }
        try openLog()
        if goodLength < bytes.count {
            guard ftruncate(logDescriptor, off_t(goodLength)) == 0 else {
                throw PersistenceError.io("truncate log", errno)
            }
        }
        return loaded
    }

    private func openLog() throws {
        if logDescriptor >= 0 { return }
        logDescriptor = open(logURL.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard logDescriptor >= 0 else { throw PersistenceError.io("open \(logURL.path)", errno) }
    }

    /// Appends one change (`object` nil for a removal) and fsyncs it.
    func append(revision: Int64, storageKey: String, objectKey: String, object: JSONValue?) throws {
        try openLog()
        let entry: JSONValue = [
            "rv": .integer(revision), "k": .string(storageKey), "id": .string(objectKey), "o": object ?? .null,
        ]
        var line = entry.compactJSONBytes()
        line.append(0x0A)
        try writeAll(line, to: logDescriptor)
        guard fsync(logDescriptor) == 0 else { throw PersistenceError.io("fsync log", errno) }
        logLines += 1
    }

    /// Whether the log is long enough to be folded into a snapshot.
    var needsCompaction: Bool { logLines >= compactionThreshold }

    /// Writes a snapshot of everything atomically and empties the log.
    func writeSnapshot(objects: [String: [String: JSONValue]], revision: Int64) throws {
        let root: JSONValue = [
            "revision": .integer(revision),
            "objects": .object(objects.mapValues { .object($0) }),
        ]
        let temporary = directory.appendingPathComponent("snapshot.json.tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PersistenceError.io("open snapshot", errno) }
        defer { close(descriptor) }
        try writeAll(root.compactJSONBytes(), to: descriptor)
        guard fsync(descriptor) == 0 else { throw PersistenceError.io("fsync snapshot", errno) }
        guard rename(temporary.path, snapshotURL.path) == 0 else { throw PersistenceError.io("rename snapshot", errno) }
        try syncDirectory()
        guard ftruncate(logDescriptor, 0) == 0, fsync(logDescriptor) == 0 else {
            throw PersistenceError.io("truncate log", errno)
        }
        logLines = 0
    }

    private func syncDirectory() throws {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PersistenceError.io("open data dir", errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PersistenceError.io("fsync data dir", errno) }
    }

    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw PersistenceError.io("write", errno)
            }
            offset += written
        }
    }
}

/// A failure reading or writing the data directory.
enum PersistenceError: Error, Sendable, CustomStringConvertible {
    /// A system call failed: what was attempted and `errno`.
    case io(String, Int32)

    var description: String {
        switch self {
        case .io(let what, let code): return "data dir: \(what) failed: \(String(cString: strerror(code)))"
        }
    }
}
