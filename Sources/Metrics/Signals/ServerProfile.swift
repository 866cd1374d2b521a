/// Which inference server (or exporter) a page comes from, and how its samples become signals.
///
/// ```swift
/// let profile = ServerProfile.vllm
/// let now = try MetricSnapshot.parse(page, format: .prometheusText, selection: profile.selection)
/// let pods = profile.signals(current: now, previous: earlier, source: "ns/pod-a")
/// ```
public enum ServerProfile: Sendable, Equatable {
    /// vLLM's OpenAI server (`/metrics` on port 8000), V0 and V1 metric names.
    case vllm
    /// NVIDIA Triton (`/metrics` on port 8002). `models` limits which models count; `nil` counts all.
    case triton(models: Set<String>? = nil)
    /// NVIDIA's DCGM exporter (`/metrics` on port 9400); one page describes every pod on a node.
    case dcgm

    /// The profile named `vllm`, `triton` or `dcgm`.
    public init?(name: String) {
        switch name {
        case "vllm": self = .vllm
        case "triton": self = .triton()
        case "dcgm": self = .dcgm
        default: return nil
        }
    }

    /// The families this profile reads; parse with this selection to skip the rest of the page.
    public var selection: FamilySelection {
        switch self {
        case .vllm: return .families(VLLMNames.families)
        case .triton: return .families(TritonNames.families)
        case .dcgm: return .families(DCGMNames.families)
        }
    }

    /// The signals in one scrape, with rates against the previous scrape of the same server.
    ///
    /// vLLM and Triton pages give one entry named `source`. A DCGM page gives one entry per pod
    /// found in its `namespace`/`pod` labels, named `namespace/pod`; GPUs not assigned to a pod
    /// are left out.
    public func signals(current: MetricSnapshot, previous: MetricSnapshot?, source: String) -> [PodSignals] {
        switch self {
        case .vllm: return [Self.vllmSignals(current: current, previous: previous, pod: source)]
        case .triton(let models):
            return [Self.tritonSignals(current: current, previous: previous, pod: source, models: models)]
        case .dcgm: return Self.dcgmSignals(current: current)
        }
    }

    /// The sum of every finite sample named `name` passing `include`; `nil` when there is none or
    /// one is NaN or infinite (a broken reading is missing, not a partial sum).
    static func sum(_ snapshot: MetricSnapshot, _ name: String, where include: (Sample) -> Bool = { _ in true })
        -> Double?
    {
        let values = snapshot.samples(named: name).filter(include).map(\.value)
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        return values.reduce(0, +)
    }

    /// A fraction that must lie in 0–1; anything else (NaN, a percent) is missing.
    static func fraction(_ value: Double?) -> Double? {
        guard let value, value >= 0, value <= 1 else { return nil }
        return value
    }
}

/// The vLLM metric names the profile reads.
enum VLLMNames {
    static let waiting = "vllm:num_requests_waiting"
    static let running = "vllm:num_requests_running"
    static let kvCache = "vllm:kv_cache_usage_perc"
    static let kvCacheBefore0_10 = "vllm:gpu_cache_usage_perc"
    static let queueTime = "vllm:request_queue_time_seconds"
    static let queueTimeDeprecated = "vllm:time_in_queue_requests"
    static let families: Set<String> = [waiting, running, kvCache, kvCacheBefore0_10, queueTime, queueTimeDeprecated]
}

/// The Triton metric names the profile reads.
enum TritonNames {
    static let pending = "nv_inference_pending_request_count"
    static let queueMicroseconds = "nv_inference_queue_duration_us"
    static let success = "nv_inference_request_success"
    static let memoryUsed = "nv_gpu_memory_used_bytes"
    static let memoryTotal = "nv_gpu_memory_total_bytes"
    static let families: Set<String> = [pending, queueMicroseconds, success, memoryUsed, memoryTotal]
}

/// The DCGM exporter metric names the profile reads.
enum DCGMNames {
    static let used = "DCGM_FI_DEV_FB_USED"
    static let free = "DCGM_FI_DEV_FB_FREE"
    static let reserved = "DCGM_FI_DEV_FB_RESERVED"
    static let families: Set<String> = [used, free, reserved]
}
