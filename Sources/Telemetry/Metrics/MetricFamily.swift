import Synchronization

/// One registered metric and its series, behind a lock so handles update it synchronously.
final class MetricFamily: Sendable {
    enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    struct HistogramState: Sendable {
        var bucketCounts: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    struct Series: Sendable {
        var values: [[String]: Double] = [:]
        var histograms: [[String]: HistogramState] = [:]
    }

    let name: String
    let help: String
    let kind: Kind
    let labelNames: [String]
    let buckets: [Double]
    let series = Mutex(Series())

    init(name: String, help: String, kind: Kind, labelNames: [String], buckets: [Double]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
        self.buckets = buckets
    }

    func key(_ labels: [String: String]) -> [String] {
        labelNames.map { labels[$0] ?? "" }
    }

    func add(_ amount: Double, labels: [String: String]) {
        let seriesKey = key(labels)
        series.withLock { $0.values[seriesKey, default: 0] += amount }
    }

    func set(_ value: Double, labels: [String: String]) {
        let seriesKey = key(labels)
        series.withLock { $0.values[seriesKey] = value }
    }

    func remove(labels: [String: String]) {
        let seriesKey = key(labels)
        series.withLock { series in
            series.values[seriesKey] = nil
            series.histograms[seriesKey] = nil
        }
    }

    func observe(_ value: Double, labels: [String: String]) {
        let seriesKey = key(labels)
        let index = buckets.firstIndex { value <= $0 }
        series.withLock { series in
            var state =
                series.histograms[seriesKey] ?? HistogramState(bucketCounts: Array(repeating: 0, count: buckets.count))
            if let index { state.bucketCounts[index] += 1 }
            state.count += 1
            state.sum += value
            series.histograms[seriesKey] = state
        }
    }
}
