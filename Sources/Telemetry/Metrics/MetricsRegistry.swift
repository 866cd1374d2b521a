/// The operator's own metrics: counters, gauges and histograms with labels, exported as Prometheus
/// text (format 0.0.4) by ``exposition()``.
///
/// Register each metric once at start-up and keep the handle; registering the same name again with
/// the same type and labels returns an equivalent handle, so several controllers can share one.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let reconciles = try await registry.makeCounter(
///     "poolpilot_reconciles_total", help: "Reconciles by result.", labelNames: ["controller", "result"])
/// await reconciles.increment(labels: ["controller": "pools", "result": "success"])
/// let body = await registry.exposition()
/// ```
public actor MetricsRegistry {
    /// The content type of ``exposition()``.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    enum Kind: String {
        case counter, gauge, histogram
    }

    struct HistogramState {
        var bucketCounts: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    struct Family {
        var name: String
        var help: String
        var kind: Kind
        var labelNames: [String]
        var buckets: [Double]
        var values: [[String]: Double] = [:]
        var histograms: [[String]: HistogramState] = [:]
    }

    var families: [String: Family] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Registers (or finds) a counter.
    ///
    /// - Throws: ``MetricsError`` for invalid names or a conflicting earlier registration.
    public func makeCounter(_ name: String, help: String, labelNames: [String] = []) throws -> Counter {
        try register(Family(name: name, help: help, kind: .counter, labelNames: labelNames, buckets: []))
        return Counter(registry: self, name: name)
    }

    /// Registers (or finds) a gauge.
    ///
    /// - Throws: ``MetricsError`` for invalid names or a conflicting earlier registration.
    public func makeGauge(_ name: String, help: String, labelNames: [String] = []) throws -> Gauge {
        try register(Family(name: name, help: help, kind: .gauge, labelNames: labelNames, buckets: []))
        return Gauge(registry: self, name: name)
    }

    /// Registers (or finds) a histogram with the given bucket upper bounds (`+Inf` is implied).
    ///
    /// - Throws: ``MetricsError`` for invalid names or buckets, or a conflicting earlier registration.
    public func makeHistogram(
        _ name: String,
        help: String,
        labelNames: [String] = [],
        buckets: [Double] = Histogram.defaultBuckets
    ) throws -> Histogram {
        let bounds = buckets.last == .infinity ? Array(buckets.dropLast()) : buckets
        guard bounds.allSatisfy(\.isFinite), zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw MetricsError.invalidBuckets(metric: name)
        }
        try register(Family(name: name, help: help, kind: .histogram, labelNames: labelNames, buckets: bounds))
        return Histogram(registry: self, name: name)
    }

    /// The current value of a counter or gauge series, or `nil` when it was never set.
    public func value(of name: String, labels: [String: String] = [:]) -> Double? {
        guard let family = families[name] else { return nil }
        return family.values[family.labelNames.map { labels[$0] ?? "" }]
    }

    /// The state of one histogram series, or `nil` when nothing was observed.
    public func histogram(_ name: String, labels: [String: String] = [:]) -> HistogramSnapshot? {
        guard let family = families[name],
            let state = family.histograms[family.labelNames.map { labels[$0] ?? "" }]
        else { return nil }
        return HistogramSnapshot(
            upperBounds: family.buckets,
            cumulativeCounts: Self.cumulative(state.bucketCounts),
            count: state.count,
            sum: state.sum
        )
    }

    // MARK: - Updates from handles

    func add(_ amount: Double, to name: String, labels: [String: String]) {
        guard var family = families.removeValue(forKey: name) else { return }
        family.values[family.labelNames.map { labels[$0] ?? "" }, default: 0] += amount
        families[name] = family
    }

    func set(_ value: Double, on name: String, labels: [String: String]) {
        let seriesKey = key(name, labels)
        families[name]?.values[seriesKey] = value
    }

    func removeSeries(_ name: String, labels: [String: String]) {
        let seriesKey = key(name, labels)
        families[name]?.values[seriesKey] = nil
        families[name]?.histograms[seriesKey] = nil
    }

    func observe(_ value: Double, on name: String, labels: [String: String]) {
        guard var family = families.removeValue(forKey: name) else { return }
        let seriesKey = family.labelNames.map { labels[$0] ?? "" }
        var state =
            family.histograms[seriesKey]
            ?? HistogramState(bucketCounts: Array(repeating: 0, count: family.buckets.count))
        if let index = family.buckets.firstIndex(where: { value <= $0 }) {
            state.bucketCounts[index] += 1
        }
        state.count += 1
        state.sum += value
        family.histograms[seriesKey] = state
        families[name] = family
    }

    // MARK: - Registration

    private func key(_ name: String, _ labels: [String: String]) -> [String] {
        (families[name]?.labelNames ?? []).map { labels[$0] ?? "" }
    }

    private func register(_ family: Family) throws {
        guard Self.isValidMetricName(family.name) else { throw MetricsError.invalidMetricName(family.name) }
        for label in family.labelNames {
            let reserved = label.hasPrefix("__") || (family.kind == .histogram && label == "le")
            guard Self.isValidLabelName(label), !reserved else {
                throw MetricsError.invalidLabelName(metric: family.name, label: label)
            }
        }
        guard Set(family.labelNames).count == family.labelNames.count else {
            throw MetricsError.invalidLabelName(metric: family.name, label: "duplicate")
        }
        if let existing = families[family.name] {
            guard existing.kind == family.kind, existing.labelNames == family.labelNames,
                existing.buckets == family.buckets
            else { throw MetricsError.conflictingRegistration(family.name) }
            return
        }
        families[family.name] = family
    }

    static func cumulative(_ counts: [UInt64]) -> [UInt64] {
        var total: UInt64 = 0
        return counts.map { count in
            total += count
            return total
        }
    }

    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" || first == ":" else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == ":" }
    }

    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}
