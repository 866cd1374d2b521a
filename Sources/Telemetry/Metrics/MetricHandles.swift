/// A monotonically increasing metric, for things that happen (`reconcile_total`).
///
/// Updates are synchronous and cheap (one lock). Label values are given by name; a declared label
/// left out is exported as the empty string, and names that were not declared are ignored.
public struct Counter: Sendable {
    let family: MetricFamily
    /// The metric name.
    public var name: String { family.name }

    /// Adds `amount` (default 1); negative amounts are ignored because counters never go down.
    public func increment(by amount: Double = 1, labels: [String: String] = [:]) {
        guard amount >= 0 else { return }
        family.add(amount, labels: labels)
    }
}

/// A metric that goes up and down, for states (`workqueue_depth`, `leader`).
public struct Gauge: Sendable {
    let family: MetricFamily
    /// The metric name.
    public var name: String { family.name }

    /// Sets the value.
    public func set(_ value: Double, labels: [String: String] = [:]) {
        family.set(value, labels: labels)
    }

    /// Adds `amount`, which may be negative.
    public func add(_ amount: Double, labels: [String: String] = [:]) {
        family.add(amount, labels: labels)
    }

    /// Removes one labelled series, for example of an object that no longer exists.
    public func remove(labels: [String: String]) {
        family.remove(labels: labels)
    }
}

/// A distribution of observations in cumulative buckets, for durations and sizes.
public struct Histogram: Sendable {
    /// Prometheus' default buckets, in seconds: 5 ms to 10 s.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    let family: MetricFamily
    /// The metric name.
    public var name: String { family.name }

    /// Records one observation.
    public func observe(_ value: Double, labels: [String: String] = [:]) {
        family.observe(value, labels: labels)
    }

    /// Records a duration in seconds.
    public func observe(_ duration: Duration, labels: [String: String] = [:]) {
        let components = duration.components
        observe(Double(components.seconds) + Double(components.attoseconds) / 1e18, labels: labels)
    }
}

/// A histogram's state for one label set, as tests and benchmarks read it.
public struct HistogramSnapshot: Sendable, Equatable {
    /// The upper bounds, without `+Inf`.
    public var upperBounds: [Double]
    /// Cumulative counts per upper bound, without `+Inf`.
    public var cumulativeCounts: [UInt64]
    /// The number of observations.
    public var count: UInt64
    /// The sum of observations.
    public var sum: Double
}
