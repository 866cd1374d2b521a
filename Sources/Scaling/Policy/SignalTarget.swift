/// The kinds of signal a pool can scale on.
public enum SignalKind: String, Codable, Sendable, Equatable, Hashable, CaseIterable {
    /// Requests queued in the server, per replica (`vllm:num_requests_waiting`).
    case waitingRequests
    /// Requests being served, per replica (`vllm:num_requests_running`).
    case runningRequests
    /// KV-cache utilization, 0 to 1 (`vllm:kv_cache_usage_perc`).
    case kvCacheUtilization
    /// GPU memory utilization, 0 to 1 (DCGM or `nv_gpu_memory_used_bytes / total`).
    case gpuMemoryUtilization
    /// Time a request spends queued, in seconds.
    case queueTimeSeconds
    /// Any other per-pod value, named by ``SignalTarget/name``.
    case custom
}

/// Where a signal's values come from.
public enum SignalSource: String, Codable, Sendable, Equatable, Hashable {
    /// One value per pod; the engine averages over ready pods, as HPA does for a `Pods` metric.
    case pods
    /// One total for the whole pool (a gateway queue, a Prometheus `sum`), as HPA's `External`
    /// metric with an `AverageValue` target: the proposal is `ceil(total / target)`.
    case pool
}

/// One signal the pool scales on and the value each replica should carry.
///
/// A signal proposes `ceil(readyPods × average / target)` replicas, where `average` is the mean over
/// ready pods. `target` is per replica: 5 waiting requests, 0.8 KV-cache utilization, 2 seconds of
/// queue time.
public struct SignalTarget: Codable, Sendable, Equatable, Hashable {
    /// What the signal measures.
    public var kind: SignalKind
    /// The key of the signal in pod and pool samples.
    ///
    /// Defaults to the kind's name; required for ``SignalKind/custom``.
    public var name: String
    /// The value per replica the pool aims for.
    ///
    /// Must be greater than zero.
    public var target: Double
    /// Where the values come from.
    ///
    /// Default: ``SignalSource/pods``.
    public var source: SignalSource

    /// Creates a signal target; `name` defaults to the kind's name.
    public init(kind: SignalKind, target: Double, name: String? = nil, source: SignalSource = .pods) {
        self.kind = kind
        self.target = target
        self.name = name ?? kind.rawValue
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, target, source
    }

    /// Decodes a target; `name` and `source` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(SignalKind.self, forKey: .kind)
        target = try container.decode(Double.self, forKey: .target)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? kind.rawValue
        source = try container.decodeIfPresent(SignalSource.self, forKey: .source) ?? .pods
    }
}
