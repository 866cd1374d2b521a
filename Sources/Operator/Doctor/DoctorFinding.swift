/// One result of `poolpilot doctor`.
public struct DoctorFinding: Sendable, Equatable {
    /// How a check came out.
    public enum Level: String, Sendable, Equatable {
        /// All good.
        case ok
        /// Works, but something is off.
        case warning
        /// PoolPilot will not work until it is fixed.
        case failure
    }

    /// The check's short name such as `crd`.
    public var check: String
    /// How it came out.
    public var level: Level
    /// What was found.
    public var message: String
    /// What to do about it, when something is wrong.
    public var fix: String?

    /// Creates a finding.
    public init(_ check: String, _ level: Level, _ message: String, fix: String? = nil) {
        self.check = check
        self.level = level
        self.message = message
        self.fix = fix
    }

    /// One line for people: a mark, the message, and the fix on the next line.
    public var text: String {
        let mark: String
        switch level {
        case .ok: mark = "ok  "
        case .warning: mark = "warn"
        case .failure: mark = "FAIL"
        }
        var line = "[\(mark)] \(check): \(message)"
        if let fix { line += "\n       fix: \(fix)" }
        return line
    }
}
