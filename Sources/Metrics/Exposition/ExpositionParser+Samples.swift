/// Sample lines: finding the family, reading labels, value, timestamp and exemplar, and checking
/// that the sample fits its family.
extension ExpositionParser {
    mutating func sampleLine(
        _ reader: inout LineReader,
        onSample: (MetricFamily, Sample) -> Void
    ) throws(ExpositionError) {
        let nameRange = try reader.metricName()
        let (index, role, sampleName) = try family(of: nameRange, reader: reader)
        currentFamily = index
        states[index].hasSamples = true
        let isSelected =
            states[index].isSelected
            ?? {
                let decision = selection.includes(family: families[index].name, type: families[index].type)
                states[index].isSelected = decision
                return decision
            }()
        guard isSelected else { return }

        var labels: [Label] = []
        var blanks = format == .prometheusText ? reader.skipBlanks() : 0
        labelScratch.removeAll(keepingCapacity: true)
        if reader.current == UInt8(ascii: "{") {
            reader.position += 1
            try reader.rawLabelSet(into: &labelScratch)
            labels = internedLabels(reader)
            blanks = 0
        }
        blanks += reader.skipBlanks()
        guard blanks > 0 else { throw reader.syntaxError("expected a blank before the value") }
        let valueStart = reader.position
        let valueRange = reader.token()
        guard !valueRange.isEmpty else { throw reader.syntaxError("expected a value") }
        guard let value = NumberParsing.double(reader.bytes, from: valueRange.lowerBound, to: valueRange.upperBound)
        else {
            throw .invalidNumber(
                line: reader.lineNumber,
                column: valueStart - reader.start + 1,
                text: reader.string(valueRange)
            )
        }

        reader.skipBlanks()
        var timestampMs: Int64?
        if let byte = reader.current, byte != UInt8(ascii: "#") {
            timestampMs = try timestamp(&reader)
            reader.skipBlanks()
        }
        var exemplar: Exemplar?
        if reader.current == UInt8(ascii: "#") {
            guard format == .openMetrics else {
                throw reader.syntaxError("exemplars ('# {...}') are only allowed in OpenMetrics")
            }
            guard role == .total || role == .bucket else {
                throw .familyMismatch(
                    line: reader.lineNumber,
                    column: reader.column,
                    detail: "exemplars are only allowed on counter totals and histogram buckets"
                )
            }
            exemplar = try self.exemplar(&reader)
        }
        guard reader.isAtEnd else { throw reader.syntaxError("unexpected text after the value") }

        let sample = Sample(
            name: sampleName,
            labels: labels,
            value: value,
            timestampMs: timestampMs,
            exemplar: exemplar
        )
        try check(sample, role: role, familyIndex: index, reader: reader)
        try recordSeries(sample, name: nameRange, familyIndex: index, reader: reader)
        onSample(families[index], sample)
    }

    /// The family a sample name belongs to and the role its suffix gives it.
    private mutating func family(
        of nameRange: Range<Int>,
        reader: LineReader
    ) throws(ExpositionError) -> (Int, SampleRole, String) {
        if let current = currentFamily, let (role, sampleName) = role(of: nameRange, in: current, reader: reader) {
            return (current, role, sampleName)
        }
        let name = reader.string(nameRange)
        var candidates = [name]
        for suffix in SampleRole.knownSuffixes where name.utf8.count > suffix.count {
            if name.utf8.suffix(suffix.count).elementsEqual(suffix) {
                candidates.append(String(decoding: name.utf8.dropLast(suffix.count), as: UTF8.self))
            }
        }
        for candidate in candidates {
            guard let index = familyIndexByName[candidate],
                let (role, sampleName) = role(of: nameRange, in: index, reader: reader)
            else { continue }
            if format == .openMetrics {
                throw .familyMismatch(
                    line: reader.lineNumber,
                    column: 1,
                    detail:
                        "sample '\(name)' of family '\(candidate)' after another family: families must not be interleaved"
                )
            }
            return (index, role, sampleName)
        }
        if let index = familyIndexByName[name] {
            let expected = states[index].roles.map { families[index].name + String(decoding: $0.suffix, as: UTF8.self) }
            throw .familyMismatch(
                line: reader.lineNumber,
                column: 1,
                detail:
                    "'\(name)' is declared \(families[index].type.rawValue); its samples are named \(expected.joined(separator: ", "))"
            )
        }
        let index = registerFamily(name: name, bytes: Array(UnsafeBufferPointer(rebasing: reader.bytes[nameRange])))
        return (index, .plain, name)
    }

    /// The role `nameRange` has in family `index` and its sample name, or `nil` when it is not one of
    /// the family's sample names.
    private func role(of nameRange: Range<Int>, in index: Int, reader: LineReader) -> (SampleRole, String)? {
        let state = states[index]
        let base = state.nameBytes
        let bytes = reader.bytes
        guard nameRange.count >= base.count else { return nil }
        for position in 0..<base.count where bytes[nameRange.lowerBound + position] != base[position] {
            return nil
        }
        let suffixStart = nameRange.lowerBound + base.count
        let suffixLength = nameRange.count - base.count
        for candidate in state.roles where candidate.suffix.count == suffixLength {
            var matches = true
            for position in 0..<suffixLength where bytes[suffixStart + position] != candidate.suffix[position] {
                matches = false
                break
            }
            if matches { return (candidate.role, candidate.sampleName) }
        }
        return nil
    }

    private func timestamp(_ reader: inout LineReader) throws(ExpositionError) -> Int64 {
        let start = reader.position
        let range = reader.token()
        let failure = ExpositionError.invalidNumber(
            line: reader.lineNumber,
            column: start - reader.start + 1,
            text: reader.string(range)
        )
        switch format {
        case .prometheusText:
            guard let milliseconds = NumberParsing.int64(reader.bytes, from: range.lowerBound, to: range.upperBound)
            else { throw failure }
            return milliseconds
        case .openMetrics:
            guard let seconds = NumberParsing.double(reader.bytes, from: range.lowerBound, to: range.upperBound),
                seconds.isFinite, abs(seconds) < 9.2e15
            else { throw failure }
            return Int64((seconds * 1000).rounded())
        }
    }

    private func exemplar(_ reader: inout LineReader) throws(ExpositionError) -> Exemplar {
        reader.position += 1
        guard reader.skipBlanks() > 0 else { throw reader.syntaxError("expected a space after '#'") }
        try reader.expect(UInt8(ascii: "{"), "'{' to open the exemplar's labels")
        let labels = try reader.labelSet()
        let length = labels.reduce(0) { $0 + $1.name.unicodeScalars.count + $1.value.unicodeScalars.count }
        guard length <= 128 else {
            throw reader.syntaxError("exemplar labels are longer than 128 characters")
        }
        guard reader.skipBlanks() > 0 else { throw reader.syntaxError("expected a blank before the exemplar value") }
        let valueStart = reader.position
        let valueRange = reader.token()
        guard let value = NumberParsing.double(reader.bytes, from: valueRange.lowerBound, to: valueRange.upperBound)
        else {
            throw .invalidNumber(
                line: reader.lineNumber,
                column: valueStart - reader.start + 1,
                text: reader.string(valueRange)
            )
        }
        reader.skipBlanks()
        var timestampSeconds: Double?
        if !reader.isAtEnd {
            let start = reader.position
            let range = reader.token()
            guard let seconds = NumberParsing.double(reader.bytes, from: range.lowerBound, to: range.upperBound),
                seconds.isFinite
            else {
                throw .invalidNumber(
                    line: reader.lineNumber,
                    column: start - reader.start + 1,
                    text: reader.string(range)
                )
            }
            timestampSeconds = seconds
            reader.skipBlanks()
        }
        return Exemplar(labels: labels, value: value, timestampSeconds: timestampSeconds)
    }

    /// Checks what the family type demands of the sample, and that its series is new.
    private mutating func check(
        _ sample: Sample,
        role: SampleRole,
        familyIndex: Int,
        reader: LineReader
    ) throws(ExpositionError) {
        let family = families[familyIndex]
        func mismatch(_ detail: String) -> ExpositionError {
            .familyMismatch(line: reader.lineNumber, column: 1, detail: detail)
        }
        switch (family.type, role) {
        case (.histogram, .bucket), (.gaugeHistogram, .bucket):
            guard let bound = sample[label: "le"] else { throw mismatch("bucket '\(sample.name)' has no 'le' label") }
            guard NumberParsing.double(bound) != nil else { throw mismatch("'le' value '\(bound)' is not a number") }
        case (.summary, .plain):
            guard let quantile = sample[label: "quantile"] else {
                throw mismatch("summary sample '\(sample.name)' has no 'quantile' label")
            }
            guard NumberParsing.double(quantile) != nil else {
                throw mismatch("'quantile' value '\(quantile)' is not a number")
            }
        case (.stateSet, _):
            guard sample[label: family.name] != nil else {
                throw mismatch("state set sample has no '\(family.name)' label")
            }
            guard sample.value == 0 || sample.value == 1 else { throw mismatch("state set value must be 0 or 1") }
        case (.info, _):
            guard format == .prometheusText || sample.value == 1 else { throw mismatch("info value must be 1") }
        case (.counter, .total):
            guard sample.value >= 0 else { throw mismatch("counter value must not be negative or NaN") }
        default:
            break
        }
    }

    /// Remembers the sample's series (family, name and sorted labels, as bytes) and fails on a repeat.
    private mutating func recordSeries(
        _ sample: Sample,
        name: Range<Int>,
        familyIndex: Int,
        reader: LineReader
    ) throws(ExpositionError) {
        var isSorted = true
        for index in labelScratch.indices.dropFirst()
        where !Self.precedes(labelScratch[index - 1].name, labelScratch[index].name, reader) {
            isSorted = false
            break
        }
        if !isSorted {
            labelScratch.sort { Self.precedes($0.name, $1.name, reader) }
        }
        var hasher = SeriesHasher()
        hasher.combine(familyIndex)
        hasher.combine(reader.bytes, name)
        for label in labelScratch {
            hasher.combine(reader.bytes, label.name)
            hasher.combine(reader.bytes, label.value)
        }
        if let firstLine = seenSeries.insert(hasher.finalize(), line: reader.lineNumber) {
            throw .duplicateSeries(line: reader.lineNumber, firstLine: firstLine, series: sample.seriesKey)
        }
    }

    /// Byte-wise order of two label names.
    private static func precedes(_ first: Range<Int>, _ second: Range<Int>, _ reader: LineReader) -> Bool {
        let bytes = reader.bytes
        for offset in 0..<min(first.count, second.count) {
            let left = bytes[first.lowerBound + offset]
            let right = bytes[second.lowerBound + offset]
            if left != right { return left < right }
        }
        return first.count < second.count
    }

    /// The line's labels as strings, reusing the strings of the previous line's label in the same
    /// position when the bytes are equal (label sets repeat a lot within a family).
    private mutating func internedLabels(_ reader: LineReader) -> [Label] {
        var labels: [Label] = []
        labels.reserveCapacity(labelScratch.count)
        for slot in labelScratch.indices {
            let raw = labelScratch[slot]
            let name = Self.interned(raw.name, reader: reader, cache: &labelNameCache, slot: slot) {
                reader.string(raw.name)
            }
            let value = Self.interned(raw.value, reader: reader, cache: &labelValueCache, slot: slot) {
                reader.labelValue(raw)
            }
            labels.append(Label(name, value))
        }
        return labels
    }

    private static func interned(
        _ range: Range<Int>,
        reader: LineReader,
        cache: inout [InternedString],
        slot: Int,
        make: () -> String
    ) -> String {
        if slot < cache.count, reader.sameBytes(range, cache[slot].bytes) { return cache[slot].string }
        let entry = InternedString(bytes: Array(UnsafeBufferPointer(rebasing: reader.bytes[range])), string: make())
        if slot < cache.count {
            cache[slot] = entry
        } else {
            cache.append(entry)
        }
        return entry.string
    }
}

extension NumberParsing {
    /// Parses a number held in a string (label values such as `le` and `quantile`).
    static func double(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { double($0, from: 0, to: $0.count) }
    }
}
