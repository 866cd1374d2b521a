/// Service-level attainment over a set of request records.
///
/// A request meets the objective when it completed and its time to first token was at most the
/// bound. Rejected and aborted requests count as misses.
public struct SLOReport: Sendable, Equatable {
    /// The time-to-first-token bound, seconds.
    public var timeToFirstTokenBound: Double
    /// Requests counted.
    public var total: Int
    /// Requests that met the objective.
    public var met: Int
    /// Requests that completed.
    public var completed: Int
    /// Requests rejected because no replica was ready.
    public var rejected: Int
    /// Requests aborted by a replica going away.
    public var aborted: Int
    /// Mean time to first token of completed requests, seconds; `nil` when none completed.
    public var meanTimeToFirstToken: Double?
    /// 99th-percentile (nearest rank) time to first token of completed requests; `nil` when none.
    public var p99TimeToFirstToken: Double?

    /// Computes the report.
    public init(records: some Collection<RequestRecord>, timeToFirstTokenBound: Double) {
        self.timeToFirstTokenBound = timeToFirstTokenBound
        total = records.count
        let ttfts = records.compactMap { $0.outcome == .completed ? $0.timeToFirstToken : nil }.sorted()
        completed = ttfts.count
        met = ttfts.filter { $0 <= timeToFirstTokenBound }.count
        rejected = records.filter { $0.outcome == .rejected }.count
        aborted = records.filter { $0.outcome == .aborted }.count
        meanTimeToFirstToken = ttfts.isEmpty ? nil : ttfts.reduce(0, +) / Double(ttfts.count)
        let rank = Int((0.99 * Double(ttfts.count)).rounded(.up))
        p99TimeToFirstToken = ttfts.isEmpty ? nil : ttfts[max(0, rank - 1)]
    }

    /// Fraction of requests that met the objective, 0...1; `nil` when there were none.
    public var attainment: Double? {
        total == 0 ? nil : Double(met) / Double(total)
    }
}
