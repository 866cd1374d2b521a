/// Increases and rates of counters between two consecutive scrapes of the same server.
///
/// A counter that went down was reset (the server restarted), so its increase is its new value,
/// as Prometheus counts it. A series absent from the previous scrape has no increase yet. With no
/// previous scrape there is no rate: the result is `nil`, never zero.
public enum CounterRates {
    /// The increase of one series from `previous` to `current`, handling a reset.
    public static func increase(from previous: Double, to current: Double) -> Double {
        current < previous ? current : current - previous
    }

    /// The summed increase of every series named `name` that passes `include`, or `nil` when there
    /// is no previous scrape, no series is in both, or a value is NaN or infinite.
    public static func increase(
        of name: String,
        from previous: MetricSnapshot?,
        to current: MetricSnapshot,
        where include: (Sample) -> Bool = { _ in true }
    ) -> Double? {
        guard let previous else { return nil }
        var before: [String: Double] = [:]
        for sample in previous.samples(named: name) where include(sample) {
            before[sample.seriesKey] = sample.value
        }
        var total = 0.0
        var matched = false
        for sample in current.samples(named: name) where include(sample) {
            guard let old = before[sample.seriesKey] else { continue }
            guard old.isFinite, sample.value.isFinite else { return nil }
            total += increase(from: old, to: sample.value)
            matched = true
        }
        return matched ? total : nil
    }

    /// The per-second rate of `name` over `elapsedSeconds`, or `nil` as for
    /// ``increase(of:from:to:where:)`` or when no time passed.
    public static func rate(
        of name: String,
        from previous: MetricSnapshot?,
        to current: MetricSnapshot,
        elapsedSeconds: Double,
        where include: (Sample) -> Bool = { _ in true }
    ) -> Double? {
        guard elapsedSeconds > 0, let delta = increase(of: name, from: previous, to: current, where: include) else {
            return nil
        }
        return delta / elapsedSeconds
    }

    /// Increase of a summed numerator over the increase of a summed denominator (for example queue
    /// time over requests): `nil` when either is missing or the denominator did not grow, so 0/0 is
    /// "no signal" rather than NaN.
    public static func ratioOfIncreases(
        numerator: String,
        denominator: String,
        from previous: MetricSnapshot?,
        to current: MetricSnapshot,
        where include: (Sample) -> Bool = { _ in true }
    ) -> (ratio: Double, denominator: Double)? {
        guard let top = increase(of: numerator, from: previous, to: current, where: include),
            let bottom = increase(of: denominator, from: previous, to: current, where: include),
            bottom > 0
        else { return nil }
        return (top / bottom, bottom)
    }
}
