import Cluster
import Testing

@Suite struct ExpositionTests {
    func busyReplica() -> ReplicaModel {
        var replica = ReplicaModel(
            name: "vllm-0",
            parameters: ServerParameters(maxConcurrency: 2, prefillSecondsPerToken: 0.001, decodeSecondsPerToken: 0.01)
        )
        replica.isReady = true
        for id in 0..<5 {
            replica.submit(SimulatedRequest(id: id, arrival: 0, inputTokens: 100, outputTokens: 50))
        }
        replica.advance(to: 0.7)
        return replica
    }

    func samples(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            result[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return result
    }

    @Test func `vllm output uses v1 names, sorted labels and python float spelling`() throws {
        let replica = busyReplica()
        let text = VLLMExposition(modelName: "meta-llama/Llama-3.1-8B-Instruct").render(replica)
        let values = samples(text)
        let labels = "{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"}"

        #expect(values["vllm:num_requests_running\(labels)"] == "2.0")
        #expect(values["vllm:num_requests_waiting\(labels)"] == "1.0")
        #expect(text.contains("# TYPE vllm:request_queue_time_seconds histogram\n"))
        #expect(text.contains("# TYPE vllm:prompt_tokens_total counter\n"))
        #expect(text.contains("vllm:request_queue_time_seconds_bucket{engine=\"0\",le=\"0.3\",model_name="))
        #expect(
            values[
                "vllm:request_success_total{engine=\"0\",finished_reason=\"stop\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"}"
            ] == "2.0"
        )
        let count = try #require(values["vllm:request_queue_time_seconds_count\(labels)"])
        #expect(
            values[
                "vllm:request_queue_time_seconds_bucket{engine=\"0\",le=\"+Inf\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"}"
            ] == count
        )
        #expect(Double(try #require(values["vllm:kv_cache_usage_perc\(labels)"])).map { $0 > 0 && $0 <= 1 } == true)
        #expect(!text.contains("gpu_cache_usage_perc"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func `triton output keeps pending requests on the model-level series`() throws {
        let replica = busyReplica()
        let uuid = TritonExposition.gpuUUID(for: "triton-0")
        let text = TritonExposition(model: "llama", gpuUUID: uuid, loadSeconds: 12.5).render(replica)
        let values = samples(text)

        #expect(values["nv_inference_pending_request_count{model=\"llama\",version=\"1\"}"] == "1")
        #expect(values["nv_inference_pending_request_count{gpu_uuid=\"\(uuid)\",model=\"llama\",version=\"1\"}"] == "0")
        #expect(values["nv_inference_request_success{model=\"llama\",version=\"1\"}"] == "0")
        #expect(values["nv_inference_request_success{gpu_uuid=\"\(uuid)\",model=\"llama\",version=\"1\"}"] == "2")
        #expect(values["nv_model_load_duration_secs{model=\"llama\",version=\"1\"}"] == "12.5")
        #expect(values["nv_gpu_memory_total_bytes{gpu_uuid=\"\(uuid)\"}"] == "85520809984")
        let used = try #require(values["nv_gpu_memory_used_bytes{gpu_uuid=\"\(uuid)\"}"].flatMap { Int64($0) })
        #expect(used > 17_179_869_184)
        #expect(
            text.contains(
                "nv_inference_first_response_histogram_ms_bucket{model=\"llama\",version=\"1\",le=\"100\"} 0\n"
            )
        )
        #expect(text.contains("# TYPE nv_inference_queue_duration_us counter\n"))
    }

    @Test func `gpu uuids are stable and uuid shaped`() {
        let uuid = TritonExposition.gpuUUID(for: "pod-1")
        #expect(uuid == TritonExposition.gpuUUID(for: "pod-1"))
        #expect(uuid != TritonExposition.gpuUUID(for: "pod-2"))
        #expect(uuid.hasPrefix("GPU-"))
        #expect(uuid.split(separator: "-").map(\.count) == [3, 8, 4, 4, 4, 12])
    }
}
