/// Reads the tokens of one line of an exposition page, straight from its bytes.
///
/// Positions are byte offsets into the page buffer; errors carry the line number and a 1-based
/// byte column. Nothing is allocated until a caller asks for a string.
struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let lineNumber: Int
    var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, lineNumber: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.lineNumber = lineNumber
        self.position = start
    }

    var isAtEnd: Bool { position >= end }
    var current: UInt8? { position < end ? bytes[position] : nil }
    var column: Int { position - start + 1 }

    func syntaxError(_ detail: String, at offset: Int? = nil) -> ExpositionError {
        .syntax(line: lineNumber, column: (offset ?? position) - start + 1, detail: detail)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Skips spaces and tabs; returns how many were skipped.
    @discardableResult
    mutating func skipBlanks() -> Int {
        let before = position
        while position < end, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        return position - before
    }

    /// Reads a metric name `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    mutating func metricName() throws(ExpositionError) -> Range<Int> {
        let first = position
        guard position < end, Self.isNameStart(bytes[position]) || bytes[position] == UInt8(ascii: ":") else {
            if position < end, bytes[position] == UInt8(ascii: "{") {
                throw syntaxError("expected a metric name; quoted UTF-8 names (text format 1.0.0) are not supported")
            }
            throw syntaxError("expected a metric name")
        }
        position += 1
        while position < end, Self.isNameContinuation(bytes[position]) || bytes[position] == UInt8(ascii: ":") {
            position += 1
        }
        return first..<position
    }

    /// Reads a label name `[a-zA-Z_][a-zA-Z0-9_]*`.
    mutating func labelName() throws(ExpositionError) -> Range<Int> {
        let first = position
        guard position < end, Self.isNameStart(bytes[position]) else {
            throw syntaxError("expected a label name")
        }
        position += 1
        while position < end, Self.isNameContinuation(bytes[position]) { position += 1 }
        return first..<position
    }

    /// Reads a token up to the next blank or the end of the line.
    mutating func token() -> Range<Int> {
        let first = position
        while position < end, bytes[position] != UInt8(ascii: " "), bytes[position] != UInt8(ascii: "\t") {
            position += 1
        }
        return first..<position
    }

    /// Expects one byte and moves past it.
    mutating func expect(_ byte: UInt8, _ what: String) throws(ExpositionError) {
        guard position < end, bytes[position] == byte else { throw syntaxError("expected \(what)") }
        position += 1
    }

    /// Reads `{name="value",...}` after the opening brace into raw ranges, moving past the closing brace.
    ///
    /// Spaces around names, values and commas are allowed; so is one trailing comma. Escapes are
    /// checked here; values stay escaped until ``labelValue(_:)``.
    mutating func rawLabelSet(into labels: inout [RawLabel]) throws(ExpositionError) {
        labels.removeAll(keepingCapacity: true)
        while true {
            skipBlanks()
            if current == UInt8(ascii: "}") {
                position += 1
                return
            }
            let nameRange = try labelName()
            for other in labels where sameBytes(other.name, nameRange) {
                throw syntaxError("label '\(string(nameRange))' appears twice", at: nameRange.lowerBound)
            }
            skipBlanks()
            try expect(UInt8(ascii: "="), "'=' after label name")
            skipBlanks()
            try expect(UInt8(ascii: "\""), "'\"' to open the label value")
            let valueStart = position
            var hasEscape = false
            var closed = false
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    closed = true
                    break
                }
                if byte == UInt8(ascii: "\\") {
                    let next = position + 1 < end ? bytes[position + 1] : 0
                    guard next == UInt8(ascii: "\\") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "n") else {
                        throw syntaxError("invalid escape sequence in label value")
                    }
                    hasEscape = true
                    position += 1
                }
                position += 1
            }
            guard closed else { throw syntaxError("unterminated label value", at: valueStart - 1) }
            labels.append(RawLabel(name: nameRange, value: valueStart..<position, hasEscape: hasEscape))
            position += 1
            skipBlanks()
            guard let byte = current else { throw syntaxError("unterminated label set") }
            if byte == UInt8(ascii: ",") {
                position += 1
            } else if byte != UInt8(ascii: "}") {
                throw syntaxError("expected ',' or '}' in label set")
            }
        }
    }

    /// Reads a label set into labels with string names and unescaped values.
    mutating func labelSet() throws(ExpositionError) -> [Label] {
        var raw: [RawLabel] = []
        try rawLabelSet(into: &raw)
        return raw.map { Label(string($0.name), labelValue($0)) }
    }

    /// A label's value with `\\`, `\"` and `\n` resolved (already checked by ``rawLabelSet(into:)``).
    func labelValue(_ label: RawLabel) -> String {
        guard label.hasEscape else { return string(label.value) }
        var result: [UInt8] = []
        result.reserveCapacity(label.value.count)
        var index = label.value.lowerBound
        while index < label.value.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < label.value.upperBound {
                let next = bytes[index + 1]
                result.append(next == UInt8(ascii: "n") ? UInt8(ascii: "\n") : next)
                index += 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether two ranges of the line hold the same bytes.
    func sameBytes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for offset in 0..<first.count where bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] {
            return false
        }
        return true
    }

    /// Whether the range holds the same bytes as `stored`.
    func sameBytes(_ range: Range<Int>, _ stored: [UInt8]) -> Bool {
        guard range.count == stored.count else { return false }
        return stored.withUnsafeBufferPointer { storedBytes in
            for offset in 0..<storedBytes.count where bytes[range.lowerBound + offset] != storedBytes[offset] {
                return false
            }
            return true
        }
    }

    /// Whether the bytes in `range` equal `text`.
    func matches(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { letters in
            for offset in 0..<letters.count where bytes[range.lowerBound + offset] != letters[offset] {
                return false
            }
            return true
        }
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isNameContinuation(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}

/// A label as byte ranges of the line: the name, and the value between its quotes (still escaped).
struct RawLabel: Sendable {
    var name: Range<Int>
    var value: Range<Int>
    var hasEscape: Bool
}
