/// Renders one simulated replica as NVIDIA Triton serves `/metrics` (prometheus-cpp text format).
///
/// Like Triton, each model has a model-level series set (labels `model`, `version`) and one set for
/// its GPU instance (extra label `gpu_uuid`). Request counters and durations move on the instance
/// series, `nv_inference_pending_request_count` and the load time on the model-level one. Histogram
/// lines come `_count`, `_sum`, then buckets, with `le` written after the sorted labels.
public struct TritonExposition: Sendable {
    /// The model name (`model` label).
    public var model: String
    /// The model version (`version` label).
    ///
    /// Default: "1".
    public var version: String
    /// The GPU's UUID (`gpu_uuid` label).
    public var gpuUUID: String
    /// Seconds the model took to load (`nv_model_load_duration_secs`).
    public var loadSeconds: Double

    /// The content type Triton answers with.
    public static let contentType = "text/plain; version=0.0.4"

    /// Creates a renderer.
    public init(model: String, version: String = "1", gpuUUID: String, loadSeconds: Double) {
        self.model = model
        self.version = version
        self.gpuUUID = gpuUUID
        self.loadSeconds = loadSeconds
    }

    /// A stable, UUID-shaped GPU identifier derived from a name (FNV-1a), for example for a pod's GPU.
    public static func gpuUUID(for name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16).leftPadded(16) + String(second, radix: 16).leftPadded(16)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return "GPU-" + groups.joined(separator: "-")
    }

    /// The exposition text for a replica's current state.
    public func render(_ replica: ReplicaModel) -> String {
        let counters = replica.counters
        var out = ""
        let perModel: [(String, String, Int64)] = [
            (
                "nv_inference_request_success", "Number of successful inference requests, all batch sizes",
                Int64(counters.succeeded)
            )
        ]
        for (name, help, value) in perModel { modelCounter(&out, name, help, value) }

        family(&out, "nv_inference_request_failure", "Number of failed inference requests, all batch sizes", "counter")
        for reason in ["BACKEND", "CANCELED", "OTHER", "REJECTED"] {
            out += "nv_inference_request_failure{model=\"\(model)\",reason=\"\(reason)\",version=\"\(version)\"} 0\n"
        }
        for reason in ["BACKEND", "CANCELED", "OTHER", "REJECTED"] {
            let value = reason == "CANCELED" ? counters.aborted : 0
            out += "nv_inference_request_failure{gpu_uuid=\"\(gpuUUID)\",model=\"\(model)\",reason=\"\(reason)\","
            out += "version=\"\(version)\"} \(value)\n"
        }

        modelCounter(
            &out,
            "nv_inference_count",
            "Number of inferences performed (does not include cached requests)",
            Int64(counters.succeeded)
        )
        modelCounter(
            &out,
            "nv_inference_exec_count",
            "Number of model executions performed (does not include cached requests)",
            Int64(counters.executions)
        )
        modelCounter(
            &out,
            "nv_inference_request_duration_us",
            "Cumulative inference request duration in microseconds (includes cached requests)",
            counters.requestMicroseconds
        )
        modelCounter(
            &out,
            "nv_inference_queue_duration_us",
            "Cumulative inference queuing duration in microseconds (includes cached requests)",
            counters.queueMicroseconds
        )
        modelCounter(
            &out,
            "nv_inference_compute_input_duration_us",
            "Cumulative compute input duration in microseconds (does not include cached requests)",
            0
        )
        modelCounter(
            &out,
            "nv_inference_compute_infer_duration_us",
            "Cumulative compute inference duration in microseconds (does not include cached requests)",
            counters.computeMicroseconds
        )
        modelCounter(
            &out,
            "nv_inference_compute_output_duration_us",
            "Cumulative inference compute output duration in microseconds (does not include cached requests)",
            0
        )
        family(
            &out,
            "nv_inference_pending_request_count",
            "Instantaneous number of pending requests awaiting execution per-model.",
            "gauge"
        )
        out += "nv_inference_pending_request_count{\(modelLabels)} \(replica.waitingCount)\n"
        out += "nv_inference_pending_request_count{\(instanceLabels)} 0\n"
        family(&out, "nv_model_load_duration_secs", "Model load time in seconds", "gauge")
        out += "nv_model_load_duration_secs{\(modelLabels)} \(ExpositionNumber.cpp(loadSeconds))\n"
        out += "nv_model_load_duration_secs{\(instanceLabels)} 0\n"

        renderFirstResponse(&out, counters.firstResponseMilliseconds)
        renderDevice(&out, replica)
        return out
    }

    private var modelLabels: String { "model=\"\(model)\",version=\"\(version)\"" }
    private var instanceLabels: String { "gpu_uuid=\"\(gpuUUID)\",model=\"\(model)\",version=\"\(version)\"" }

    private func family(_ out: inout String, _ name: String, _ help: String, _ type: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    // Counts move on the instance series; the model-level copy stays at 0, as in Triton.
    private func modelCounter(_ out: inout String, _ name: String, _ help: String, _ value: Int64) {
        family(&out, name, help, "counter")
        out += "\(name){\(modelLabels)} 0\n"
        out += "\(name){\(instanceLabels)} \(value)\n"
    }

    private func renderFirstResponse(_ out: inout String, _ histogram: Histogram) {
        let name = "nv_inference_first_response_histogram_ms"
        family(&out, name, "Duration from request to first response in milliseconds", "histogram")
        let empty = Histogram(bounds: histogram.bounds)
        for (labels, data) in [(modelLabels, empty), (instanceLabels, histogram)] {
            out += "\(name)_count{\(labels)} \(data.count)\n"
            out += "\(name)_sum{\(labels)} \(ExpositionNumber.cpp(data.sum.rounded()))\n"
            let cumulative = data.cumulativeCounts
            for (index, bound) in data.bounds.enumerated() {
                out += "\(name)_bucket{\(labels),le=\"\(ExpositionNumber.cpp(bound))\"} \(cumulative[index])\n"
            }
            out += "\(name)_bucket{\(labels),le=\"+Inf\"} \(data.count)\n"
        }
    }

    // GPU gauges: utilization follows the batch fill, memory the KV cache held.
    private func renderDevice(_ out: inout String, _ replica: ReplicaModel) {
        let parameters = replica.parameters
        let utilization = Double(replica.runningCount) / Double(max(1, parameters.maxConcurrency))
        let device = "gpu_uuid=\"\(gpuUUID)\""
        family(&out, "nv_gpu_utilization", "GPU utilization rate [0.0 - 1.0)", "gauge")
        out += "nv_gpu_utilization{\(device)} \(ExpositionNumber.cpp((utilization * 100).rounded() / 100))\n"
        family(&out, "nv_gpu_memory_total_bytes", "GPU total memory, in bytes", "gauge")
        out += "nv_gpu_memory_total_bytes{\(device)} \(parameters.gpuMemoryTotalBytes)\n"
        family(&out, "nv_gpu_memory_used_bytes", "GPU used memory, in bytes", "gauge")
        out += "nv_gpu_memory_used_bytes{\(device)} \(replica.gpuMemoryUsedBytes)\n"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
