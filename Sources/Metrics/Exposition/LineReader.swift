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

    /// Reads a quoted label value after its opening quote, resolving `\\`, `\"` and `\n`; moves
    /// past the closing quote.
    mutating func quotedValue() throws(ExpositionError) -> String {
        let first = position
        var hasEscape = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let range = first..<position
                position += 1
                return hasEscape ? try unescaped(range) : string(range)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 1
            }
            position += 1
        }
        throw syntaxError("unterminated label value", at: first - 1)
    }

    private func unescaped(_ range: Range<Int>) throws(ExpositionError) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                let next = index + 1 < range.upperBound ? bytes[index + 1] : 0
                switch next {
                case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\""): result.append(UInt8(ascii: "\""))
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                default: throw syntaxError("invalid escape sequence in label value", at: index)
                }
                index += 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Reads `{name="value",...}` after the opening brace, moving past the closing brace. Spaces
    /// around names, values and commas are allowed; so is one trailing comma.
    mutating func labelSet() throws(ExpositionError) -> [Label] {
        var labels: [Label] = []
        while true {
            skipBlanks()
            if current == UInt8(ascii: "}") {
                position += 1
                return labels
            }
            let nameStart = position
            let nameRange = try labelName()
            skipBlanks()
            try expect(UInt8(ascii: "="), "'=' after label name")
            skipBlanks()
            try expect(UInt8(ascii: "\""), "'\"' to open the label value")
            let value = try quotedValue()
            let name = string(nameRange)
            if labels.contains(where: { $0.name == name }) {
                throw syntaxError("label '\(name)' appears twice", at: nameStart)
            }
            labels.append(Label(name, value))
            skipBlanks()
            guard let byte = current else { throw syntaxError("unterminated label set") }
            if byte == UInt8(ascii: ",") {
                position += 1
            } else if byte != UInt8(ascii: "}") {
                throw syntaxError("expected ',' or '}' in label set")
            }
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
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isNameContinuation(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
