/// Renders one simulated replica as vLLM V1 serves `/metrics` (Prometheus text 0.0.4 from
/// `prometheus_client`): `vllm:` names, labels `engine` and `model_name` sorted alphabetically with
/// `le` between them, counters ending in `_total`, floats always written as floats.
public struct VLLMExposition: Sendable {
    /// The served model name (`model_name` label).
    public var modelName: String
    /// The engine index (`engine` label).
    ///
    /// Default: "0".
    public var engine: String

    /// The content type vLLM answers with for text 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Creates a renderer.
    public init(modelName: String, engine: String = "0") {
        self.modelName = modelName
        self.engine = engine
    }

    /// The exposition text for a replica's current state.
    public func render(_ replica: ReplicaModel) -> String {
        let counters = replica.counters
        var out = ""
        gauge(&out, "vllm:num_requests_running", "Number of requests in model execution batches.", replica.runningCount)
        gauge(&out, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", replica.waitingCount)
        family(&out, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", "gauge")
        sample(&out, "vllm:kv_cache_usage_perc", [], replica.kvCacheUsage)
        counter(
            &out,
            "vllm:prefix_cache_queries",
            "Prefix cache queries, in terms of number of queried tokens.",
            counters.promptTokens
        )
        counter(&out, "vllm:prefix_cache_hits", "Prefix cache hits, in terms of number of cached tokens.", 0)
        counter(&out, "vllm:num_preemptions", "Cumulative number of preemption from the engine.", 0)
        counter(&out, "vllm:prompt_tokens", "Number of prefill tokens processed.", counters.promptTokens)
        counter(&out, "vllm:generation_tokens", "Number of generation tokens processed.", counters.generationTokens)

        family(&out, "vllm:request_success_total", "Count of successfully processed requests.", "counter")
        sample(&out, "vllm:request_success_total", [("finished_reason", "abort")], Double(counters.aborted))
        sample(&out, "vllm:request_success_total", [("finished_reason", "length")], 0)
        sample(&out, "vllm:request_success_total", [("finished_reason", "stop")], Double(counters.succeeded))

        histogram(
            &out,
            "vllm:time_to_first_token_seconds",
            "Histogram of time to first token in seconds.",
            counters.timeToFirstToken
        )
        histogram(
            &out,
            "vllm:e2e_request_latency_seconds",
            "Histogram of e2e request latency in seconds.",
            counters.endToEndLatency
        )
        histogram(
            &out,
            "vllm:request_queue_time_seconds",
            "Histogram of time spent in WAITING phase for request.",
            counters.queueTime
        )
        histogram(
            &out,
            "vllm:request_inference_time_seconds",
            "Histogram of time spent in RUNNING phase for request.",
            counters.inferenceTime
        )
        family(&out, "vllm:cache_config_info", "Information of the LLMEngine CacheConfig", "gauge")
        out += "vllm:cache_config_info{block_size=\"16\",cache_dtype=\"auto\",engine=\"\(engine)\","
        out += "gpu_memory_utilization=\"0.9\",num_gpu_blocks=\"\(replica.parameters.kvCacheTokens / 16)\"} 1.0\n"
        return out
    }

    private func family(_ out: inout String, _ name: String, _ help: String, _ type: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    private func gauge(_ out: inout String, _ name: String, _ help: String, _ value: Int) {
        family(&out, name, help, "gauge")
        sample(&out, name, [], Double(value))
    }

    private func counter(_ out: inout String, _ base: String, _ help: String, _ value: Int) {
        family(&out, base + "_total", help, "counter")
        sample(&out, base + "_total", [], Double(value))
    }

    // Labels are written sorted: engine, extra labels (finished_reason, le), model_name.
    private func sample(_ out: inout String, _ name: String, _ extra: [(String, String)], _ value: Double) {
        let labels = ([("engine", engine), ("model_name", modelName)] + extra).sorted { $0.0 < $1.0 }
        let text = labels.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: ",")
        out += "\(name){\(text)} \(ExpositionNumber.python(value))\n"
    }

    private func histogram(_ out: inout String, _ name: String, _ help: String, _ histogram: Histogram) {
        family(&out, name, help, "histogram")
        let cumulative = histogram.cumulativeCounts
        for (index, bound) in histogram.bounds.enumerated() {
            sample(&out, name + "_bucket", [("le", ExpositionNumber.python(bound))], Double(cumulative[index]))
        }
        sample(&out, name + "_bucket", [("le", "+Inf")], Double(histogram.count))
        sample(&out, name + "_count", [], Double(histogram.count))
        sample(&out, name + "_sum", [], histogram.sum)
    }

    private func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
