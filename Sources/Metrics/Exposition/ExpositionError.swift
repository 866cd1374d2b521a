/// Why a page could not be parsed, with where (1-based line, and column in bytes).
///
/// The parser stops at the first error: a page that does not parse yields no samples, so a caller
/// never acts on half a page.
public enum ExpositionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line breaks the format's grammar; `detail` says what was expected.
    case syntax(line: Int, column: Int, detail: String)
    /// A value or timestamp is not a number.
    case invalidNumber(line: Int, column: Int, text: String)
    /// A `# TYPE`, `# HELP` or `# UNIT` line conflicts with the page (repeated, late, or wrong type).
    case metadata(line: Int, column: Int, detail: String)
    /// A sample does not fit its family (wrong suffix, missing `le`/`quantile`, bad state value).
    case familyMismatch(line: Int, column: Int, detail: String)
    /// The same series (name and labels) appears twice; `firstLine` is where it appeared first.
    case duplicateSeries(line: Int, firstLine: Int, series: String)
    /// An OpenMetrics page did not end with `# EOF`, or had content after it.
    case endOfFile(line: Int, column: Int, detail: String)
    /// The page is larger than the configured limit.
    case tooLarge(limitBytes: Int)

    /// The 1-based line where the problem is (0 when it concerns the whole page).
    public var line: Int {
        switch self {
        case .syntax(let line, _, _), .invalidNumber(let line, _, _), .metadata(let line, _, _),
            .familyMismatch(let line, _, _), .endOfFile(let line, _, _):
            return line
        case .duplicateSeries(let line, _, _): return line
        case .tooLarge: return 0
        }
    }

    /// The 1-based byte column where the problem is (1 when it concerns the whole line).
    public var column: Int {
        switch self {
        case .syntax(_, let column, _), .invalidNumber(_, let column, _), .metadata(_, let column, _),
            .familyMismatch(_, let column, _), .endOfFile(_, let column, _):
            return column
        case .duplicateSeries: return 1
        case .tooLarge: return 0
        }
    }

    /// A lowercase description that starts with the position.
    public var description: String {
        switch self {
        case .syntax(let line, let column, let detail):
            return "line \(line) column \(column): syntax error: \(detail)"
        case .invalidNumber(let line, let column, let text):
            return "line \(line) column \(column): invalid number '\(text)'"
        case .metadata(let line, let column, let detail):
            return "line \(line) column \(column): invalid metadata: \(detail)"
        case .familyMismatch(let line, let column, let detail):
            return "line \(line) column \(column): sample does not fit its family: \(detail)"
        case .duplicateSeries(let line, let firstLine, let series):
            return "line \(line) column 1: duplicate series \(series) (first on line \(firstLine))"
        case .endOfFile(let line, let column, let detail):
            return "line \(line) column \(column): \(detail)"
        case .tooLarge(let limit):
            return "page larger than the limit of \(limit) bytes"
        }
    }
}
