/// Reads pod signals from a Prometheus server with one instant query per signal.
///
/// Each query must return one series per pod, labelled `pod` (aggregate `by (pod)`). Series whose
/// pod is not in the pool are dropped (pods that no longer exist still have recent samples);
/// values that are NaN, infinite, or stamped older than the staleness bound are missing; a pod with
/// two series for one signal is missing that signal. A query that fails throws: the caller holds
/// its decision rather than reading the failure as zero. An empty result makes the signal missing
/// for every pod.
public struct PromQLSignalSource: Sendable {
    /// The client queries go through.
    public let client: PrometheusClient
    /// One query template per signal read.
    public let queries: [Signal: PromQLTemplate]
    /// Samples stamped more than this many seconds before `now` are missing (default: 120).
    public let stalenessSeconds: Double

    /// Creates a source.
    public init(client: PrometheusClient, queries: [Signal: PromQLTemplate], stalenessSeconds: Double = 120) {
        self.client = client
        self.queries = queries
        self.stalenessSeconds = stalenessSeconds
    }

    /// The signals of `pods` in `namespace`, as of `now` (seconds since the epoch).
    ///
    /// - Throws: ``PrometheusError`` when a query fails, ``PromQLTemplateError`` when `pods` is empty.
    public func signals(namespace: String, pods: [String], now: Double) async throws -> [PodSignals] {
        var byPod: [String: PodSignals] = [:]
        for pod in pods { byPod[pod] = PodSignals(pod: "\(namespace)/\(pod)") }
        let known = Set(pods)

        for (signal, template) in queries.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let result = try await client.query(try template.rendered(namespace: namespace, pods: pods), at: now)
            let values = Self.values(from: result.data, known: known, notBefore: now - stalenessSeconds)
            for (pod, value) in values {
                byPod[pod]?.set(signal, value)
            }
        }
        return pods.compactMap { byPod[$0] }
    }

    /// One finite, fresh value per known pod; pods with several series are left out.
    static func values(from data: QueryData, known: Set<String>, notBefore: Double) -> [String: Double] {
        guard case .vector(let samples) = data else { return [:] }
        var values: [String: Double] = [:]
        var ambiguous: Set<String> = []
        for sample in samples {
            guard let pod = sample.metric["pod"], known.contains(pod) else { continue }
            guard sample.timestamp >= notBefore, sample.value.isFinite else { continue }
            if values[pod] != nil { ambiguous.insert(pod) }
            values[pod] = sample.value
        }
        for pod in ambiguous { values[pod] = nil }
        return values
    }

    /// The default queries for a server, selecting the pool's pods with `{{selector}}`.
    ///
    /// Rates use a 1-minute window. For DCGM, the exporter must keep its own `namespace` and `pod`
    /// labels (`honor_labels: true`); otherwise adapt the templates to `exported_pod`.
    public static func defaultQueries(for profile: ServerProfile) -> [Signal: PromQLTemplate] {
        let texts: [Signal: String]
        switch profile {
        case .vllm:
            texts = [
                .queueDepth: "sum by (pod) (vllm:num_requests_waiting{{{selector}}})",
                .runningRequests: "sum by (pod) (vllm:num_requests_running{{{selector}}})",
                .kvCacheUtilization:
                    "max by (pod) (vllm:kv_cache_usage_perc{{{selector}}}) or max by (pod) (vllm:gpu_cache_usage_perc{{{selector}}})",
                .queueTimeSeconds:
                    "sum by (pod) (rate(vllm:request_queue_time_seconds_sum{{{selector}}}[1m])) / sum by (pod) (rate(vllm:request_queue_time_seconds_count{{{selector}}}[1m]))",
            ]
        case .triton:
            texts = [
                .queueDepth: "sum by (pod) (nv_inference_pending_request_count{{{selector}}})",
                .queueTimeSeconds:
                    "sum by (pod) (rate(nv_inference_queue_duration_us{{{selector}}}[1m])) / sum by (pod) (rate(nv_inference_request_success{{{selector}}}[1m])) / 1e6",
                .gpuMemoryUsedBytes: "sum by (pod) (nv_gpu_memory_used_bytes{{{selector}}})",
                .gpuMemoryTotalBytes: "sum by (pod) (nv_gpu_memory_total_bytes{{{selector}}})",
                .gpuMemoryUtilization:
                    "sum by (pod) (nv_gpu_memory_used_bytes{{{selector}}}) / sum by (pod) (nv_gpu_memory_total_bytes{{{selector}}})",
            ]
        case .dcgm:
            let used = "sum by (pod) (DCGM_FI_DEV_FB_USED{{{selector}}} < 9223372036854775792)"
            let total =
                "sum by (pod) ((DCGM_FI_DEV_FB_USED{{{selector}}} < 9223372036854775792) + (DCGM_FI_DEV_FB_FREE{{{selector}}} < 9223372036854775792))"
            texts = [
                .gpuMemoryUsedBytes: "\(used) * 1048576",
                .gpuMemoryTotalBytes: "\(total) * 1048576",
                .gpuMemoryUtilization: "\(used) / \(total)",
            ]
        }
        var templates: [Signal: PromQLTemplate] = [:]
        for (signal, text) in texts {
            // The texts above use only known placeholders, so this cannot fail.
            if let template = try? PromQLTemplate(text) { templates[signal] = template }
        }
        return templates
    }
}

extension PodSignals {
    /// Sets one signal's value.
    mutating func set(_ signal: Signal, _ value: Double?) {
        switch signal {
        case .queueDepth: queueDepth = value
        case .runningRequests: runningRequests = value
        case .kvCacheUtilization: kvCacheUtilization = ServerProfile.fraction(value)
        case .gpuMemoryUtilization: gpuMemoryUtilization = ServerProfile.fraction(value)
        case .gpuMemoryUsedBytes: gpuMemoryUsedBytes = value
        case .gpuMemoryTotalBytes: gpuMemoryTotalBytes = value
        case .queueTimeSeconds: queueTimeSeconds = value
        }
    }
}
