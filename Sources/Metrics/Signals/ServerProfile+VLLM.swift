/// vLLM: queue and running requests summed over engines, KV-cache use as the max over engines under
/// the current or the pre-0.10 name, and queue time from the queue-time histogram's increases.
extension ServerProfile {
    static func vllmSignals(current: MetricSnapshot, previous: MetricSnapshot?, pod: String) -> PodSignals {
        var signals = PodSignals(pod: pod)
        signals.queueDepth = sum(current, VLLMNames.waiting)
        signals.runningRequests = sum(current, VLLMNames.running)

        // Prefer the current name; fall back to the old one only when the new one is absent.
        let cacheName =
            current.contains(sampleNamed: VLLMNames.kvCache) ? VLLMNames.kvCache : VLLMNames.kvCacheBefore0_10
        let caches = current.samples(named: cacheName).map(\.value)
        if !caches.isEmpty, caches.allSatisfy({ fraction($0) != nil }) {
            signals.kvCacheUtilization = caches.max()
        }

        // Mean queue time = increase of the histogram's _sum over increase of its _count.
        for family in [VLLMNames.queueTime, VLLMNames.queueTimeDeprecated]
        where current.contains(sampleNamed: family + "_count") {
            if let result = CounterRates.ratioOfIncreases(
                numerator: family + "_sum",
                denominator: family + "_count",
                from: previous,
                to: current
            ), result.ratio.isFinite, result.ratio >= 0 {
                signals.queueTimeSeconds = result.ratio
                signals.queuedRequestCount = result.denominator
            }
            break
        }
        return signals
    }
}
