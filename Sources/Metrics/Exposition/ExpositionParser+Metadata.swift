/// The metadata lines: `# HELP`, `# TYPE`, `# UNIT` and `# EOF`.
extension ExpositionParser {
    enum Metadata {
        case help(String)
        case type(MetricType)
        case unit(String)
    }

    /// A text 0.0.4 `#` line: HELP and TYPE are metadata, anything else is a comment.
    mutating func textComment(_ reader: inout LineReader) throws(ExpositionError) {
        reader.position += 1
        reader.skipBlanks()
        let keyword = reader.token()
        let isHelp = reader.matches(keyword, "HELP")
        guard isHelp || reader.matches(keyword, "TYPE"), reader.skipBlanks() > 0 else { return }
        let nameStart = reader.position
        let nameRange = try reader.metricName()
        if isHelp {
            if !reader.isAtEnd, reader.skipBlanks() == 0 { throw reader.syntaxError("expected a blank after the name") }
            let text = helpText(reader, escapesQuote: false)
            try apply(.help(try text.get()), to: nameRange, reader: reader, at: nameStart)
            return
        }
        guard reader.skipBlanks() > 0 else { throw reader.syntaxError("expected a type after the name") }
        let typeStart = reader.position
        let typeRange = reader.token()
        reader.skipBlanks()
        guard reader.isAtEnd else { throw reader.syntaxError("unexpected text after the type") }
        let type: MetricType
        switch reader.string(typeRange) {
        case "counter": type = .counter
        case "gauge": type = .gauge
        case "histogram": type = .histogram
        case "summary": type = .summary
        case "untyped": type = .unknown
        case let other:
            throw .metadata(
                line: reader.lineNumber,
                column: typeStart - reader.start + 1,
                detail: "unknown type '\(other)'"
            )
        }
        try apply(.type(type), to: nameRange, reader: reader, at: nameStart)
    }

    /// An OpenMetrics `#` line: exactly `# HELP`, `# TYPE`, `# UNIT` or `# EOF`.
    mutating func openMetricsComment(_ reader: inout LineReader) throws(ExpositionError) {
        let lineRange = reader.start..<reader.end
        if reader.matches(lineRange, "# EOF") {
            sawEndOfFile = true
            return
        }
        guard reader.end - reader.start > 7, reader.bytes[reader.start + 1] == UInt8(ascii: " "),
            reader.bytes[reader.start + 6] == UInt8(ascii: " ")
        else { throw reader.syntaxError("expected '# HELP', '# TYPE', '# UNIT' or '# EOF'") }
        let keyword = (reader.start + 2)..<(reader.start + 6)
        reader.position = reader.start + 7
        let nameStart = reader.position
        let nameRange = try reader.metricName()
        if !reader.isAtEnd { try reader.expect(UInt8(ascii: " "), "a space after the name") }

        if reader.matches(keyword, "HELP") {
            let text = helpText(reader, escapesQuote: true)
            try apply(.help(try text.get()), to: nameRange, reader: reader, at: nameStart)
        } else if reader.matches(keyword, "TYPE") {
            let typeStart = reader.position
            let typeName = reader.string(reader.position..<reader.end)
            guard let type = MetricType(rawValue: typeName) else {
                throw .metadata(
                    line: reader.lineNumber,
                    column: typeStart - reader.start + 1,
                    detail: "unknown type '\(typeName)'"
                )
            }
            try apply(.type(type), to: nameRange, reader: reader, at: nameStart)
        } else if reader.matches(keyword, "UNIT") {
            let unit = reader.string(reader.position..<reader.end)
            let name = reader.string(nameRange)
            if !unit.isEmpty, !name.hasSuffix("_" + unit) {
                throw .metadata(
                    line: reader.lineNumber,
                    column: reader.position - reader.start + 1,
                    detail: "unit '\(unit)' is not a suffix of the family name '\(name)'"
                )
            }
            try apply(.unit(unit), to: nameRange, reader: reader, at: nameStart)
        } else {
            throw reader.syntaxError("expected '# HELP', '# TYPE', '# UNIT' or '# EOF'", at: reader.start)
        }
    }

    /// The rest of the line as HELP text, unescaped.
    ///
    /// `\\` and `\n` resolve in both formats, `\"` in OpenMetrics. Text 0.0.4 keeps other
    /// backslashes as written; OpenMetrics rejects them.
    private func helpText(_ reader: LineReader, escapesQuote: Bool) -> Result<String, ExpositionError> {
        var result: [UInt8] = []
        var index = reader.position
        while index < reader.end {
            let byte = reader.bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < reader.end else {
                if byte == UInt8(ascii: "\\"), escapesQuote {
                    return .failure(reader.syntaxError("invalid escape sequence in HELP", at: index))
                }
                result.append(byte)
                index += 1
                continue
            }
            let next = reader.bytes[index + 1]
            switch next {
            case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "\"") where escapesQuote: result.append(UInt8(ascii: "\""))
            default:
                if escapesQuote { return .failure(reader.syntaxError("invalid escape sequence in HELP", at: index)) }
                result.append(byte)
                result.append(next)
            }
            index += 2
        }
        return .success(String(decoding: result, as: UTF8.self))
    }

    /// Records metadata for the family named by `nameRange`, making it the current family.
    private mutating func apply(
        _ metadata: Metadata,
        to nameRange: Range<Int>,
        reader: LineReader,
        at nameStart: Int
    ) throws(ExpositionError) {
        let name = reader.string(nameRange)
        let column = nameStart - reader.start + 1
        func failure(_ detail: String) -> ExpositionError {
            .metadata(line: reader.lineNumber, column: column, detail: detail)
        }

        let index: Int
        if let existing = familyIndexByName[name] {
            index = existing
            if existing != currentFamily, format == .openMetrics {
                throw failure("metadata for '\(name)' after another family: families must not be interleaved")
            }
            if states[existing].hasSamples, format == .openMetrics {
                throw failure("metadata for '\(name)' after its samples")
            }
        } else {
            index = registerFamily(name: name, bytes: Array(UnsafeBufferPointer(rebasing: reader.bytes[nameRange])))
        }
        currentFamily = index

        switch metadata {
        case .help(let text):
            guard families[index].help == nil else { throw failure("second HELP line for '\(name)'") }
            families[index].help = text
        case .unit(let unit):
            guard families[index].unit == nil else { throw failure("second UNIT line for '\(name)'") }
            families[index].unit = unit
        case .type(let type):
            guard !states[index].hasType else { throw failure("second TYPE line for '\(name)'") }
            guard !states[index].hasSamples else { throw failure("TYPE line for '\(name)' after its samples") }
            families[index].type = type
            states[index].hasType = true
            states[index].roles = SampleRole.roles(for: type, in: format).map {
                RoleName(role: $0, suffix: $0.suffix, sampleName: name + String(decoding: $0.suffix, as: UTF8.self))
            }
        }
    }

    /// Adds a family with no type yet and returns its index.
    mutating func registerFamily(name: String, bytes: [UInt8]) -> Int {
        families.append(MetricFamily(name: name, type: .unknown))
        states.append(FamilyState(nameBytes: bytes, roles: [RoleName(role: .plain, suffix: [], sampleName: name)]))
        familyIndexByName[name] = families.count - 1
        return families.count - 1
    }
}
