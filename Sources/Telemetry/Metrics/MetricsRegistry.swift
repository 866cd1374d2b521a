/// The operator's own metrics: counters, gauges and histograms with labels, exported as Prometheus
/// text (format 0.0.4) by ``exposition()``.
///
/// Registration goes through the actor; the returned handles update their series synchronously
/// (one lock each), so hot paths such as the work queue never await. Registering the same name
/// again with the same type and labels returns a handle on the same series.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let reconciles = try await registry.makeCounter(
///     "poolpilot_reconcile_total", help: "Reconciles by result.", labelNames: ["controller", "result"])
/// reconciles.increment(labels: ["controller": "pools", "result": "success"])
/// let body = await registry.scrape()
/// ```
public actor MetricsRegistry {
    /// The content type of ``exposition()``.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    var families: [String: MetricFamily] = [:]
    private var collectors: [@Sendable () async -> Void] = []

    /// Creates an empty registry.
    public init() {}

    /// Registers (or finds) a counter.
    ///
    /// - Throws: ``MetricsError`` for invalid names or a conflicting earlier registration.
    public func makeCounter(_ name: String, help: String, labelNames: [String] = []) throws -> Counter {
        Counter(family: try register(name, help, .counter, labelNames, []))
    }

    /// Registers (or finds) a gauge.
    ///
    /// - Throws: ``MetricsError`` for invalid names or a conflicting earlier registration.
    public func makeGauge(_ name: String, help: String, labelNames: [String] = []) throws -> Gauge {
        Gauge(family: try register(name, help, .gauge, labelNames, []))
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
        return Histogram(family: try register(name, help, .histogram, labelNames, bounds))
    }

    /// Adds a function that refreshes gauges (queue depth, cache size) just before each ``scrape()``.
    public func addCollector(_ collector: @escaping @Sendable () async -> Void) {
        collectors.append(collector)
    }

    /// Runs the collectors, then returns ``exposition()``: what a `/metrics` endpoint serves.
    public func scrape() async -> String {
        for collector in collectors { await collector() }
        return exposition()
    }

    /// The current value of a counter or gauge series, or `nil` when it was never set.
    public func value(of name: String, labels: [String: String] = [:]) -> Double? {
        guard let family = families[name] else { return nil }
        let seriesKey = family.key(labels)
        return family.series.withLock { $0.values[seriesKey] }
    }

    /// The state of one histogram series, or `nil` when nothing was observed.
    public func histogram(_ name: String, labels: [String: String] = [:]) -> HistogramSnapshot? {
        guard let family = families[name] else { return nil }
        let seriesKey = family.key(labels)
        guard let state = family.series.withLock({ $0.histograms[seriesKey] }) else { return nil }
        return HistogramSnapshot(
            upperBounds: family.buckets,
            cumulativeCounts: Self.cumulative(state.bucketCounts),
            count: state.count,
            sum: state.sum
        )
    }

    // MARK: - Registration

    private func register(
        _ name: String,
        _ help: String,
        _ kind: MetricFamily.Kind,
        _ labelNames: [String],
        _ buckets: [Double]
    ) throws -> MetricFamily {
        guard Self.isValidMetricName(name) else { throw MetricsError.invalidMetricName(name) }
        for label in labelNames {
            let reserved = label.hasPrefix("__") || (kind == .histogram && label == "le")
            guard Self.isValidLabelName(label), !reserved else {
                throw MetricsError.invalidLabelName(metric: name, label: label)
            }
        }
        guard Set(labelNames).count == labelNames.count else {
            throw MetricsError.invalidLabelName(metric: name, label: "duplicate")
        }
        if let existing = families[name] {
            guard existing.kind == kind, existing.labelNames == labelNames, existing.buckets == buckets else {
                throw MetricsError.conflictingRegistration(name)
            }
            return existing
        }
        let family = MetricFamily(name: name, help: help, kind: kind, labelNames: labelNames, buckets: buckets)
        families[name] = family
        return family
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
