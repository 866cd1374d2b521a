/// The two exposition formats the parser reads.
///
/// The format decides timestamp units (milliseconds in text 0.0.4, seconds in OpenMetrics), which
/// metadata lines are allowed, and whether the page must end with `# EOF`.
public enum ExpositionFormat: String, Sendable, Equatable, CaseIterable {
    /// Prometheus text format 0.0.4 (`text/plain; version=0.0.4`).
    case prometheusText = "text"
    /// OpenMetrics 1.0 (`application/openmetrics-text; version=1.0.0`).
    case openMetrics = "openmetrics"

    /// The format named by an HTTP `Content-Type` header, or `nil` when it names neither.
    ///
    /// `text/plain` with any version (or none) reads as text 0.0.4; `application/openmetrics-text`
    /// reads as OpenMetrics. Parameters other than the media type are ignored.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        switch mediaType.filter({ $0 != " " && $0 != "\t" }).lowercased() {
        case "text/plain": self = .prometheusText
        case "application/openmetrics-text": self = .openMetrics
        default: return nil
        }
    }

    /// Guesses the format of a page read from a file or standard input.
    ///
    /// A page whose last non-blank line is `# EOF` is OpenMetrics; anything else is text 0.0.4.
    /// Only the end of the page is looked at.
    public static func sniffed(_ bytes: [UInt8]) -> ExpositionFormat {
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: " ") {
            end -= 1
        }
        let eof = Array("# EOF".utf8)
        if end >= eof.count, Array(bytes[(end - eof.count)..<end]) == eof {
            return .openMetrics
        }
        return .prometheusText
    }

    /// The Content-Type a server sends for this format.
    public var contentType: String {
        switch self {
        case .prometheusText: return "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: return "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }
}
