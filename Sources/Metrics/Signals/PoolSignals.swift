/// The signals of a whole pool, aggregated from its pods; each either a value or `nil` for missing.
///
/// Each value aggregates only the pods that reported that signal, and ``reportingPods`` says how
/// many did, so the caller can tell a full reading from a partial one (for instance hold a
/// scale-down when pods are missing). A signal no pod reported is missing, never zero.
public struct PoolSignals: Sendable, Equatable {
    /// Pods in the pool, including those that reported nothing.
    public var podCount: Int
    /// Requests waiting, summed over pods.
    public var queueDepth: Double?
    /// Requests running, summed over pods.
    public var runningRequests: Double?
    /// KV-cache use, 0–1, mean over pods.
    public var kvCacheUtilization: Double?
    /// GPU memory in use over installed, 0–1: the pods' used bytes over their installed bytes.
    public var gpuMemoryUtilization: Double?
    /// GPU memory in use, bytes, summed over pods.
    public var gpuMemoryUsedBytes: Double?
    /// GPU memory installed, bytes, summed over pods.
    public var gpuMemoryTotalBytes: Double?
    /// Mean queue time per request, seconds, weighted by each pod's number of queued requests
    /// (queue time summed over pods, then divided by requests summed over pods); the plain mean
    /// over pods when some pod carries no request count.
    public var queueTimeSeconds: Double?
    /// How many pods reported each signal.
    public var reportingPods: [Signal: Int]

    /// Aggregates the signals of a pool's pods.
    public init(pods: [PodSignals]) {
        podCount = pods.count
        var counts: [Signal: Int] = [:]
        for signal in Signal.allCases {
            counts[signal] = pods.filter { $0[signal] != nil }.count
        }
        reportingPods = counts

        queueDepth = Self.sum(pods.compactMap(\.queueDepth))
        runningRequests = Self.sum(pods.compactMap(\.runningRequests))
        let caches = pods.compactMap(\.kvCacheUtilization)
        kvCacheUtilization = caches.isEmpty ? nil : caches.reduce(0, +) / Double(caches.count)

        gpuMemoryUsedBytes = Self.sum(pods.compactMap(\.gpuMemoryUsedBytes))
        gpuMemoryTotalBytes = Self.sum(pods.compactMap(\.gpuMemoryTotalBytes))
        let withBoth = pods.filter { $0.gpuMemoryUsedBytes != nil && $0.gpuMemoryTotalBytes != nil }
        let used = withBoth.compactMap(\.gpuMemoryUsedBytes).reduce(0, +)
        let total = withBoth.compactMap(\.gpuMemoryTotalBytes).reduce(0, +)
        gpuMemoryUtilization = total > 0 ? used / total : nil

        queueTimeSeconds = Self.meanQueueTime(pods)
    }

    /// Queue time weighted by each pod's queued requests; when some pod has no weight (values read
    /// through PromQL), the plain mean over pods.
    private static func meanQueueTime(_ pods: [PodSignals]) -> Double? {
        let reporting = pods.filter { $0.queueTimeSeconds != nil }
        guard !reporting.isEmpty else { return nil }
        let times = reporting.compactMap(\.queueTimeSeconds)
        let weights = reporting.compactMap(\.queuedRequestCount)
        guard weights.count == reporting.count else { return times.reduce(0, +) / Double(times.count) }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return nil }
        return zip(times, weights).map { $0 * $1 }.reduce(0, +) / totalWeight
    }

    /// The value of `signal`, or `nil` when missing.
    public subscript(signal: Signal) -> Double? {
        switch signal {
        case .queueDepth: return queueDepth
        case .runningRequests: return runningRequests
        case .kvCacheUtilization: return kvCacheUtilization
        case .gpuMemoryUtilization: return gpuMemoryUtilization
        case .gpuMemoryUsedBytes: return gpuMemoryUsedBytes
        case .gpuMemoryTotalBytes: return gpuMemoryTotalBytes
        case .queueTimeSeconds: return queueTimeSeconds
        }
    }

    private static func sum(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +)
    }
}
