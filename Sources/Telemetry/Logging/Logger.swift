import Foundation

/// A structured logger: constant messages, values in dotted fields, JSON lines by default.
///
/// A logger is a cheap value. Attach per-object fields once with ``with(_:)`` and pass the result
/// down; every record it writes carries them.
///
/// ```swift
/// let root = Logger(label: "poolpilot", level: .info)
/// let log = root.with(["object.kind": "InferencePool", "object.name": "chat"])
/// log.info("scaled deployment", ["replicas.from": 2, "replicas.to": 4])
/// // {"ts":"…","level":"info","logger":"poolpilot","msg":"scaled deployment","object.kind":…}
/// ```
public struct Logger: Sendable {
    /// The component name written as `logger`.
    public var label: String
    /// The lowest level that is written.
    public var level: LogLevel
    /// The output format.
    public var format: LogFormat
    /// Fields written with every record; call-site fields with the same key win.
    public var metadata: LogFields
    /// Where lines go.
    public var sink: LogSink
    /// The clock stamped on records (injected in tests).
    public var now: @Sendable () -> Date

    /// Creates a logger.
    ///
    /// - Parameters:
    ///   - label: The component name. Default: `poolpilot`.
    ///   - level: The lowest level written. Default: `info`.
    ///   - format: JSON lines or text. Default: JSON.
    ///   - sink: Where lines go. Default: standard error.
    ///   - now: The time source. Default: the system clock.
    public init(
        label: String = "poolpilot",
        level: LogLevel = .info,
        format: LogFormat = .json,
        metadata: LogFields = [:],
        sink: LogSink = .standardError,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.level = level
        self.format = format
        self.metadata = metadata
        self.sink = sink
        self.now = now
    }

    /// A logger that writes nothing, for callers that pass no logger.
    public static var disabled: Logger {
        Logger(level: .error, sink: .discard)
    }

    /// A copy that adds `fields` to every record.
    public func with(_ fields: LogFields) -> Logger {
        var copy = self
        copy.metadata.merge(fields) { _, new in new }
        return copy
    }

    /// A copy with another component label, keeping metadata, level and sink.
    public func named(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }

    /// Reads or sets one metadata field.
    public subscript(metadataKey key: String) -> LogValue? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Whether records at `level` are written.
    public func isEnabled(_ level: LogLevel) -> Bool {
        level >= self.level
    }

    /// Writes a record at `level` when that level is enabled.
    ///
    /// The message must be constant text; put values in `fields`.
    public func log(_ level: LogLevel, _ message: StaticString, _ fields: LogFields = [:]) {
        guard isEnabled(level) else { return }
        var all = metadata
        all.merge(fields) { _, new in new }
        let line = LogLine(
            time: now(),
            level: level,
            label: label,
            message: message.description,
            fields: all
        )
        sink.write(format == .json ? line.json() : line.text())
    }

    /// Writes a `trace` record.
    public func trace(_ message: StaticString, _ fields: LogFields = [:]) {
        log(.trace, message, fields)
    }

    /// Writes a `debug` record.
    public func debug(_ message: StaticString, _ fields: LogFields = [:]) {
        log(.debug, message, fields)
    }

    /// Writes an `info` record.
    public func info(_ message: StaticString, _ fields: LogFields = [:]) {
        log(.info, message, fields)
    }

    /// Writes a `warning` record.
    public func warning(_ message: StaticString, _ fields: LogFields = [:]) {
        log(.warning, message, fields)
    }

    /// Writes an `error` record.
    public func error(_ message: StaticString, _ fields: LogFields = [:]) {
        log(.error, message, fields)
    }
}
