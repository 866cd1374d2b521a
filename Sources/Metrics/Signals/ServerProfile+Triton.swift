/// Triton: pending requests and queue time summed over every series of the counted models (the
/// model-level series and the per-GPU instance series), and GPU memory per `gpu_uuid`.
extension ServerProfile {
    static func tritonSignals(
        current: MetricSnapshot,
        previous: MetricSnapshot?,
        pod: String,
        models: Set<String>?
    ) -> PodSignals {
        let counts: (Sample) -> Bool = { sample in
            guard let models else { return true }
            return sample[label: "model"].map(models.contains) ?? false
        }
        var signals = PodSignals(pod: pod)
        signals.queueDepth = sum(current, TritonNames.pending, where: counts)

        // Queue time: microseconds queued over requests succeeded, both summed before dividing.
        if let result = CounterRates.ratioOfIncreases(
            numerator: TritonNames.queueMicroseconds,
            denominator: TritonNames.success,
            from: previous,
            to: current,
            where: counts
        ), result.ratio.isFinite, result.ratio >= 0 {
            signals.queueTimeSeconds = result.ratio / 1_000_000
            signals.queuedRequestCount = result.denominator
        }

        let memory = gpuMemory(
            used: current.samples(named: TritonNames.memoryUsed),
            total: current.samples(named: TritonNames.memoryTotal),
            key: { $0[label: "gpu_uuid"] }
        )
        signals.gpuMemoryUsedBytes = memory?.used
        signals.gpuMemoryTotalBytes = memory?.total
        signals.gpuMemoryUtilization = memory.flatMap { $0.total > 0 ? fraction($0.used / $0.total) : nil }
        return signals
    }

    /// Used and total bytes summed over GPUs; `nil` unless every GPU has both, finite and
    /// non-negative, so one broken GPU does not shrink the pod's totals silently.
    static func gpuMemory(used: [Sample], total: [Sample], key: (Sample) -> String?) -> (used: Double, total: Double)? {
        var usedByGPU: [String: Double] = [:]
        for sample in used {
            guard let gpu = key(sample) else { return nil }
            usedByGPU[gpu] = sample.value
        }
        var totalByGPU: [String: Double] = [:]
        for sample in total {
            guard let gpu = key(sample) else { return nil }
            totalByGPU[gpu] = sample.value
        }
        guard !usedByGPU.isEmpty, Set(usedByGPU.keys) == Set(totalByGPU.keys) else { return nil }
        let values = Array(usedByGPU.values) + Array(totalByGPU.values)
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        return (usedByGPU.values.reduce(0, +), totalByGPU.values.reduce(0, +))
    }
}
