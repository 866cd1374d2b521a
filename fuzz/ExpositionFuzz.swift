// libFuzzer entry point for the exposition parser. Built by fuzz/run.sh together with the sources
// in Sources/Metrics/Exposition (which import nothing but the standard library) using the Swift
// toolchain's -sanitize=fuzzer. Besides crashes, it checks three properties on every input:
// feeding in two chunks gives the same result as feeding at once, selecting one family gives
// exactly that family's samples, and no successful parse yields a sample without a name.

/// A comparable rendering of a parse: series keys with the value's bit pattern, or the error.
func fingerprint(_ result: Result<MetricSnapshot, ExpositionError>) -> [String] {
    switch result {
    case .success(let snapshot):
        return snapshot.families.flatMap { family in
            family.samples.map {
                "\(family.name)|\($0.seriesKey)|\($0.value.bitPattern)|\(String(describing: $0.timestampMs))"
            }
        }
    case .failure(let error):
        return ["error: \(error)"]
    }
}

func parseWhole(_ bytes: [UInt8], _ format: ExpositionFormat, _ selection: FamilySelection) -> Result<
    MetricSnapshot, ExpositionError
> {
    Result { () throws(ExpositionError) in try MetricSnapshot.parse(bytes, format: format, selection: selection) }
}

func parseSplit(_ bytes: [UInt8], _ format: ExpositionFormat, at split: Int) -> Result<MetricSnapshot, ExpositionError>
{
    Result { () throws(ExpositionError) in
        var collector = MetricSnapshot.Collector(format: format)
        try collector.feed(Array(bytes[..<split]))
        try collector.feed(Array(bytes[split...]))
        return try collector.finish()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for format in ExpositionFormat.allCases {
        let whole = parseWhole(bytes, format, .all)
        let split = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
        if fingerprint(whole) != fingerprint(parseSplit(bytes, format, at: split)) {
            fatalError("chunked parse differs from whole parse (split at \(split))")
        }
        guard case .success(let snapshot) = whole, let first = snapshot.families.first else { continue }
        if snapshot.families.contains(where: { $0.samples.contains { $0.name.isEmpty } }) {
            fatalError("sample without a name")
        }
        let selected = parseWhole(bytes, format, .families([first.name]))
        let expected = fingerprint(.success(MetricSnapshot(format: format, families: [first])))
        if fingerprint(selected) != expected {
            fatalError("selecting '\(first.name)' does not give exactly its samples")
        }
    }
    return 0
}
