/// Why registering a metric failed.
public enum MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The metric name does not match `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    case invalidMetricName(String)
    /// A label name does not match `[a-zA-Z_][a-zA-Z0-9_]*`, starts with `__`, or is `le` on a histogram.
    case invalidLabelName(metric: String, label: String)
    /// The name is already registered with another type, label set or bucket layout.
    case conflictingRegistration(String)
    /// Histogram buckets must be finite and strictly increasing.
    case invalidBuckets(metric: String)

    /// A lowercase explanation.
    public var description: String {
        switch self {
        case .invalidMetricName(let name): "invalid metric name: \(name)"
        case .invalidLabelName(let metric, let label): "invalid label name \(label) on metric \(metric)"
        case .conflictingRegistration(let name): "metric \(name) is already registered differently"
        case .invalidBuckets(let metric): "histogram \(metric) needs finite, strictly increasing buckets"
        }
    }
}
