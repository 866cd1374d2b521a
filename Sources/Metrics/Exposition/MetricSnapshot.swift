/// The selected families of one parsed page, with their samples.
///
/// ```swift
/// let snapshot = try MetricSnapshot.parse(bytes, format: .prometheusText)
/// let waiting = snapshot.samples(named: "vllm:num_requests_waiting").map(\.value)
/// ```
public struct MetricSnapshot: Sendable, Equatable {
    /// The format the page was read as.
    public var format: ExpositionFormat
    /// The selected families in page order, each with its samples.
    public var families: [MetricFamily]

    /// Creates a snapshot from families already parsed.
    public init(format: ExpositionFormat, families: [MetricFamily]) {
        self.format = format
        self.families = families
    }

    /// Parses a whole page held in memory.
    ///
    /// - Throws: ``ExpositionError`` with line and column at the first malformed line.
    public static func parse(
        _ bytes: [UInt8],
        format: ExpositionFormat,
        selection: FamilySelection = .all
    ) throws(ExpositionError) -> MetricSnapshot {
        var collector = Collector(format: format, selection: selection)
        try collector.feed(bytes)
        return try collector.finish()
    }

    /// The family named `name`, if it was selected and seen.
    public func family(named name: String) -> MetricFamily? {
        families.first { $0.name == name }
    }

    /// Every sample whose sample name is `name`, from any family, in page order.
    public func samples(named name: String) -> [Sample] {
        var result: [Sample] = []
        for family in families where name.hasPrefix(family.name) {
            result.append(contentsOf: family.samples.filter { $0.name == name })
        }
        return result
    }

    /// Whether any selected family holds a sample named `name`.
    public func contains(sampleNamed name: String) -> Bool {
        families.contains { family in name.hasPrefix(family.name) && family.samples.contains { $0.name == name } }
    }

    /// The number of samples in the snapshot.
    public var sampleCount: Int {
        families.reduce(0) { $0 + $1.samples.count }
    }

    /// Parses a page fed in chunks (for example straight from a network stream) into a snapshot.
    public struct Collector: Sendable {
        private var parser: ExpositionParser
        private var families: [MetricFamily] = []
        private var indexByName: [String: Int] = [:]

        /// Creates a collector for one page.
        public init(format: ExpositionFormat, selection: FamilySelection = .all) {
            parser = ExpositionParser(format: format, selection: selection)
        }

        /// Parses the complete lines of `chunk`.
        public mutating func feed(_ chunk: [UInt8]) throws(ExpositionError) {
            var collected = families
            var indices = indexByName
            families = []
            defer {
                families = collected
                indexByName = indices
            }
            try parser.feed(chunk) { family, sample in
                Self.add(sample, of: family, to: &collected, indices: &indices)
            }
        }

        /// Parses what is left and returns the snapshot.
        public mutating func finish() throws(ExpositionError) -> MetricSnapshot {
            var collected = families
            var indices = indexByName
            try parser.finish { family, sample in
                Self.add(sample, of: family, to: &collected, indices: &indices)
            }
            return MetricSnapshot(format: parser.format, families: collected)
        }

        private static func add(
            _ sample: Sample,
            of family: MetricFamily,
            to families: inout [MetricFamily],
            indices: inout [String: Int]
        ) {
            if let last = families.indices.last, families[last].name == family.name {
                families[last].samples.append(sample)
            } else if let index = indices[family.name] {
                families[index].samples.append(sample)
            } else {
                var copy = family
                copy.samples = [sample]
                indices[family.name] = families.count
                families.append(copy)
            }
        }
    }
}
