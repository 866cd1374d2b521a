/// A streaming parser for Prometheus text 0.0.4 and OpenMetrics 1.0 pages.
///
/// Feed it the page in chunks of any size; it parses every complete line as soon as it has it and
/// keeps only the unfinished last line, so a page is never copied whole. Samples of the selected
/// families go to a closure as they are read; lines of other families are skipped after their
/// name. The first error stops the parse and says where it is.
///
/// ```swift
/// var parser = ExpositionParser(format: .prometheusText, selection: .families(["vllm:num_requests_waiting"]))
/// try parser.feed(chunk) { family, sample in print(family.name, sample.value) }
/// try parser.finish { _, _ in }
/// ```
public struct ExpositionParser: Sendable {
    /// The format the page is read as.
    public let format: ExpositionFormat
    /// Which families are materialised.
    public let selection: FamilySelection
    /// Every family seen so far in page order, with metadata only (their `samples` stay empty).
    public internal(set) var families: [MetricFamily] = []

    var states: [FamilyState] = []
    var familyIndexByName: [String: Int] = [:]
    var currentFamily: Int?
    var lineNumber = 0
    var pending: [UInt8] = []
    var sawEndOfFile = false
    var labelScratch: [RawLabel] = []
    var seenSeries = SeriesSet()
    var labelNameCache: [InternedString] = []
    var labelValueCache: [InternedString] = []

    /// Creates a parser for one page.
    public init(format: ExpositionFormat, selection: FamilySelection = .all) {
        self.format = format
        self.selection = selection
    }

    /// Parses every complete line in `chunk`, handing each selected sample to `onSample` with its
    /// family's metadata.
    ///
    /// - Throws: ``ExpositionError`` at the first malformed line; the parser must not be fed again.
    public mutating func feed(
        _ chunk: [UInt8],
        onSample: (MetricFamily, Sample) -> Void
    ) throws(ExpositionError) {
        try chunk.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(ExpositionError) in
            try feed(buffer, onSample: onSample)
        }
    }

    /// Parses every complete line in `buffer`; see ``feed(_:onSample:)``.
    public mutating func feed(
        _ buffer: UnsafeBufferPointer<UInt8>,
        onSample: (MetricFamily, Sample) -> Void
    ) throws(ExpositionError) {
        var lineStart = 0
        if lineNumber == 0 { seenSeries.reserveCapacity(min(buffer.count / 96, 1 << 20)) }
        if !pending.isEmpty {
            guard let newline = Self.newline(in: buffer, from: 0) else {
                pending.append(contentsOf: buffer)
                return
            }
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<newline]))
            let line = pending
            pending = []
            try line.withUnsafeBufferPointer { (lineBuffer: UnsafeBufferPointer<UInt8>) throws(ExpositionError) in
                try parseLine(lineBuffer, from: 0, to: lineBuffer.count, onSample: onSample)
            }
            lineStart = newline + 1
        }
        while let newline = Self.newline(in: buffer, from: lineStart) {
            try parseLine(buffer, from: lineStart, to: newline, onSample: onSample)
            lineStart = newline + 1
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart...]))
    }

    /// Parses the last line if it had no newline and checks how the page ended (`# EOF` in
    /// OpenMetrics).
    public mutating func finish(onSample: (MetricFamily, Sample) -> Void) throws(ExpositionError) {
        if !pending.isEmpty {
            let line = pending
            pending = []
            try line.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(ExpositionError) in
                try parseLine(buffer, from: 0, to: buffer.count, onSample: onSample)
            }
        }
        if format == .openMetrics, !sawEndOfFile {
            throw .endOfFile(line: lineNumber + 1, column: 1, detail: "an OpenMetrics page must end with '# EOF'")
        }
    }

    private static func newline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }

    private mutating func parseLine(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to lineEnd: Int,
        onSample: (MetricFamily, Sample) -> Void
    ) throws(ExpositionError) {
        lineNumber += 1
        var end = lineEnd
        if sawEndOfFile {
            throw .endOfFile(line: lineNumber, column: 1, detail: "content after '# EOF'")
        }
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") {
            guard format == .prometheusText else {
                throw .syntax(line: lineNumber, column: end - start, detail: "carriage return in an OpenMetrics page")
            }
            end -= 1
        }
        var reader = LineReader(bytes: buffer, start: start, end: end, lineNumber: lineNumber)
        switch format {
        case .openMetrics:
            guard end > start else { throw reader.syntaxError("blank lines are not allowed in OpenMetrics") }
            if buffer[start] == UInt8(ascii: "#") {
                try openMetricsComment(&reader)
            } else {
                try sampleLine(&reader, onSample: onSample)
            }
        case .prometheusText:
            reader.skipBlanks()
            guard let first = reader.current else { return }
            if first == UInt8(ascii: "#") {
                try textComment(&reader)
            } else {
                try sampleLine(&reader, onSample: onSample)
            }
        }
    }
}

/// What the parser knows about one family beyond its public metadata.
struct FamilyState: Sendable {
    var nameBytes: [UInt8]
    var roles: [RoleName]
    var hasType = false
    var hasSamples = false
    var isSelected: Bool?
}

/// One sample name a family may hold: its role, its suffix, and the whole name as a string.
struct RoleName: Sendable {
    var role: SampleRole
    var suffix: [UInt8]
    var sampleName: String
}

/// The series seen so far, for finding duplicates without keeping a copy of every series.
///
/// A series (family, sample name, labels sorted by name with values still escaped; the escaped
/// form of a value is unique, so equal bytes mean the same series) is reduced to two independent
/// 64-bit SipHash digests, each piece prefixed by its length so no two series run together. Equal
/// series always collide, so a duplicate is never missed; two different series would have to agree
/// on all 128 bits to be reported as a duplicate (about n²/2¹²⁹, 10⁻²⁹ for 10⁵ series), and that
/// would be a loud error, not a silently wrong value.
struct SeriesSet: Sendable {
    /// One series' two digests.
    struct Digest: Hashable, Sendable {
        var first: Int
        var second: Int
    }

    private var lines: [Digest: Int] = [:]

    /// Reserves room for about `count` series.
    mutating func reserveCapacity(_ count: Int) {
        lines.reserveCapacity(count)
    }

    /// Adds the series on `line`; returns the earlier line when it was already there.
    mutating func insert(_ digest: Digest, line: Int) -> Int? {
        lines.updateValue(line, forKey: digest)
    }
}

/// Builds a ``SeriesSet/Digest`` from pieces of a line.
struct SeriesHasher {
    private var first = Hasher()
    private var second = Hasher()

    init() {
        second.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
    }

    mutating func combine(_ value: Int) {
        first.combine(value)
        second.combine(value)
    }

    /// Adds a byte range, prefixed by its length.
    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let piece = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range]))
        first.combine(range.count)
        second.combine(range.count)
        first.combine(bytes: piece)
        second.combine(bytes: piece)
    }

    func finalize() -> SeriesSet.Digest {
        SeriesSet.Digest(first: first.finalize(), second: second.finalize())
    }
}

/// A string made from some bytes, kept to be reused when the same bytes come again.
struct InternedString: Sendable {
    var bytes: [UInt8]
    var string: String
}
