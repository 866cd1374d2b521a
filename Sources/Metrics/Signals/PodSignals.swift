/// The signals PoolPilot reads, by name; the raw values are the JSON keys the CLI prints.
public enum Signal: String, Sendable, CaseIterable, Hashable {
    /// Requests waiting to be scheduled. Unit: requests.
    case queueDepth
    /// Requests being processed. Unit: requests.
    case runningRequests
    /// KV-cache blocks in use. Unit: fraction 0–1.
    case kvCacheUtilization
    /// GPU memory in use. Unit: fraction 0–1.
    case gpuMemoryUtilization
    /// GPU memory in use. Unit: bytes.
    case gpuMemoryUsedBytes
    /// GPU memory installed. Unit: bytes.
    case gpuMemoryTotalBytes
    /// Mean time a request spent queued, over the interval between two scrapes. Unit: seconds.
    case queueTimeSeconds
}

/// What one pod reports, each signal either a value or `nil` for "missing".
///
/// Missing means the server did not report it, the scrape failed, the value was NaN, infinite or
/// out of range, or (for ``queueTimeSeconds``) there is no previous scrape or no request finished
/// queueing in between. Missing is never zero: callers hold their decision instead of acting on it.
/// Units are normalised: counts in requests, utilizations as fractions 0–1, memory in bytes,
/// times in seconds. See `docs/metrics.md` for where each value comes from per server.
public struct PodSignals: Sendable, Equatable {
    /// The pod, as `namespace/name` when known, otherwise the scrape source (file or URL).
    public var pod: String
    /// Requests waiting: vLLM `num_requests_waiting` summed over engines, Triton
    /// `nv_inference_pending_request_count` summed over the counted models' series.
    public var queueDepth: Double?
    /// Requests running: vLLM `num_requests_running` summed over engines.
    ///
    /// Triton does not report it.
    public var runningRequests: Double?
    /// KV-cache use, 0–1: vLLM `kv_cache_usage_perc` (or the old `gpu_cache_usage_perc`), max over engines.
    public var kvCacheUtilization: Double?
    /// GPU memory in use over GPU memory installed, 0–1, over all the pod's GPUs.
    public var gpuMemoryUtilization: Double?
    /// GPU memory in use, bytes, summed over the pod's GPUs.
    public var gpuMemoryUsedBytes: Double?
    /// GPU memory installed, bytes, summed over the pod's GPUs.
    public var gpuMemoryTotalBytes: Double?
    /// Mean queue time per request between the previous scrape and this one, seconds.
    public var queueTimeSeconds: Double?
    /// How many requests left the queue in that interval: the weight of ``queueTimeSeconds`` when pods are averaged.
    ///
    /// Not printed by the CLI.
    public var queuedRequestCount: Double?

    /// Creates the signals of one pod; every signal defaults to missing.
    public init(
        pod: String,
        queueDepth: Double? = nil,
        runningRequests: Double? = nil,
        kvCacheUtilization: Double? = nil,
        gpuMemoryUtilization: Double? = nil,
        gpuMemoryUsedBytes: Double? = nil,
        gpuMemoryTotalBytes: Double? = nil,
        queueTimeSeconds: Double? = nil,
        queuedRequestCount: Double? = nil
    ) {
        self.pod = pod
        self.queueDepth = queueDepth
        self.runningRequests = runningRequests
        self.kvCacheUtilization = kvCacheUtilization
        self.gpuMemoryUtilization = gpuMemoryUtilization
        self.gpuMemoryUsedBytes = gpuMemoryUsedBytes
        self.gpuMemoryTotalBytes = gpuMemoryTotalBytes
        self.queueTimeSeconds = queueTimeSeconds
        self.queuedRequestCount = queuedRequestCount
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

    /// These signals with every missing one taken from `other` (for example GPU memory from DCGM added to a vLLM pod's queue signals).
    public func filling(from other: PodSignals) -> PodSignals {
        var merged = self
        merged.queueDepth = queueDepth ?? other.queueDepth
        merged.runningRequests = runningRequests ?? other.runningRequests
        merged.kvCacheUtilization = kvCacheUtilization ?? other.kvCacheUtilization
        if gpuMemoryUsedBytes == nil, gpuMemoryTotalBytes == nil {
            merged.gpuMemoryUtilization = other.gpuMemoryUtilization
            merged.gpuMemoryUsedBytes = other.gpuMemoryUsedBytes
            merged.gpuMemoryTotalBytes = other.gpuMemoryTotalBytes
        }
        if queueTimeSeconds == nil {
            merged.queueTimeSeconds = other.queueTimeSeconds
            merged.queuedRequestCount = other.queuedRequestCount
        }
        return merged
    }
}
