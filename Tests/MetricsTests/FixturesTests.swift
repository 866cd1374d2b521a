import Foundation
import Metrics
import Testing

/// Every metrics page in `Fixtures/` against the expected values in its README.
@Suite struct FixturesTests {
    static let gpuA = "GPU-3f1c2a9e-5b7d-4e21-9a0c-6d8e2f4b1a77"

    @Test func `ships every metrics test vector with its README`() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for expected in ["README.md", "vllm_metrics_v1.txt", "triton_metrics_busy.txt", "dcgm_metrics.txt"] {
            #expect(names.contains(expected))
        }
    }

    @Test func `triton busy page has its families, samples and sums`() throws {
        let snapshot = try Fixture.snapshot("triton_metrics_busy.txt")
        #expect(snapshot.format == .prometheusText)
        #expect(snapshot.families.count == 24)
        #expect(snapshot.sampleCount == 157)
        #expect(snapshot.families.allSatisfy { $0.samples.allSatisfy { $0.timestampMs == nil } })

        func sum(_ name: String, model: String) -> Double {
            snapshot.samples(named: name).filter { $0[label: "model"] == model }.map(\.value).reduce(0, +)
        }
        #expect(sum("nv_inference_request_success", model: "resnet50") == 36214)
        #expect(sum("nv_inference_request_success", model: "bert_qa") == 5120)
        #expect(sum("nv_inference_request_failure", model: "resnet50") == 39)
        #expect(sum("nv_inference_pending_request_count", model: "resnet50") == 42)
        #expect(sum("nv_inference_pending_request_count", model: "bert_qa") == 7)
        #expect(
            sum("nv_inference_count", model: "resnet50") / sum("nv_inference_request_success", model: "resnet50") == 8
        )
        let batch = sum("nv_inference_count", model: "resnet50") / sum("nv_inference_exec_count", model: "resnet50")
        #expect(abs(batch - 15.997) < 0.001)
        let queue = sum("nv_inference_queue_duration_us", model: "resnet50") / 36214
        #expect(abs(queue - 1450.35) < 0.01)
        #expect(sum("nv_inference_queue_duration_us", model: "bert_qa") / 5120 == 20000)
        let loads = snapshot.samples(named: "nv_model_load_duration_secs").filter { $0[label: "gpu_uuid"] == nil }
        #expect(loads.map(\.value) == [12.853, 31.407])
    }

    @Test func `triton histograms, NaN summaries and GPU gauges read as the README says`() throws {
        let snapshot = try Fixture.snapshot("triton_metrics_busy.txt")
        let bert = snapshot.samples(named: "nv_inference_first_response_histogram_ms_bucket")
            .filter { $0[label: "model"] == "bert_qa" && $0[label: "gpu_uuid"] != nil }
        #expect(bert.map(\.value) == [1210, 4870, 5120, 5120, 5120])
        #expect(bert.last?[label: "le"] == "+Inf")
        let modelLevelQuantiles = snapshot.samples(named: "nv_inference_queue_summary_us")
            .filter { $0[label: "gpu_uuid"] == nil }
        #expect(modelLevelQuantiles.count == 10)
        #expect(modelLevelQuantiles.allSatisfy { $0.value.isNaN })
        let p99 = snapshot.samples(named: "nv_inference_queue_summary_us")
            .first { $0[label: "gpu_uuid"] == Self.gpuA && $0[label: "quantile"] == "0.99" }
        #expect(p99?.value == 4105)
        #expect(snapshot.samples(named: "nv_gpu_utilization").map(\.value) == [0.91, 0.87])
        #expect(snapshot.family(named: "nv_energy_consumption")?.type == .counter)
        #expect(snapshot.samples(named: "nv_pinned_memory_pool_total_bytes").first?.value == 268_435_456)
        #expect(snapshot.samples(named: "nv_cpu_utilization").first?.value == 0.4187)
    }

    @Test func `triton idle page has the same series, all counters at zero`() throws {
        let busy = try Fixture.snapshot("triton_metrics_busy.txt")
        let idle = try Fixture.snapshot("triton_metrics_idle.txt")
        #expect(idle.sampleCount == 157)
        let busyKeys = busy.families.flatMap { $0.samples.map(\.seriesKey) }
        #expect(idle.families.flatMap { $0.samples.map(\.seriesKey) } == busyKeys)
        for family in idle.families where family.name.hasPrefix("nv_inference_") && family.type == .counter {
            #expect(family.samples.allSatisfy { $0.value == 0 }, "\(family.name)")
        }
        #expect(idle.samples(named: "nv_inference_pending_request_count").allSatisfy { $0.value == 0 })
        #expect(idle.samples(named: "nv_inference_queue_summary_us").allSatisfy { $0.value.isNaN })
        #expect(idle.samples(named: "nv_gpu_memory_used_bytes").map(\.value) == [76_235_669_504, 76_235_669_504])
    }

    @Test func `vllm v0 page reads with the old names and exponents`() throws {
        let snapshot = try Fixture.snapshot("vllm_metrics_v0.txt")
        #expect(snapshot.sampleCount == 61)
        #expect(snapshot.samples(named: "vllm:num_requests_running").first?.value == 23)
        #expect(snapshot.samples(named: "vllm:num_requests_waiting").first?.value == 11)
        #expect(snapshot.samples(named: "vllm:num_requests_swapped").first?.value == 2)
        #expect(snapshot.samples(named: "vllm:gpu_cache_usage_perc").first?.value == 0.9731)
        #expect(snapshot.samples(named: "vllm:cpu_cache_usage_perc").first?.value == 0.0415)
        #expect(snapshot.samples(named: "vllm:prompt_tokens_total").first?.value == 4_182_233)
        #expect(snapshot.samples(named: "vllm:generation_tokens_total").first?.value == 1_204_417)
        #expect(snapshot.samples(named: "vllm:request_success_total").map(\.value).reduce(0, +) == 5310)
        let ttftSum = try #require(snapshot.samples(named: "vllm:time_to_first_token_seconds_sum").first).value
        #expect(abs(ttftSum / 5310 - 0.1378) < 0.0001)
        let ttftBuckets = snapshot.samples(named: "vllm:time_to_first_token_seconds_bucket")
        #expect(ttftBuckets.dropLast().last?[label: "le"] == "10.0")
        #expect(snapshot.samples(named: "vllm:cache_config_info").first?[label: "num_gpu_blocks"] == "27910")
        #expect(snapshot.samples(named: "vllm:avg_prompt_throughput_toks_per_s").first?.value == 1873.4)
        #expect(snapshot.samples(named: "vllm:avg_generation_throughput_toks_per_s").first?.value == 2566.9)
    }

    @Test func `vllm v1 page reads per engine with the new names`() throws {
        let snapshot = try Fixture.snapshot("vllm_metrics_v1.txt")
        #expect(snapshot.sampleCount == 215)
        #expect(snapshot.samples(named: "vllm:num_requests_running").map(\.value) == [31, 29])
        #expect(snapshot.samples(named: "vllm:num_requests_waiting").map(\.value) == [14, 0])
        #expect(snapshot.samples(named: "vllm:kv_cache_usage_perc").map(\.value) == [0.9412, 0.6127])
        #expect(!snapshot.contains(sampleNamed: "vllm:gpu_cache_usage_perc"))
        #expect(!snapshot.contains(sampleNamed: "vllm:num_requests_swapped"))
        let hits = snapshot.samples(named: "vllm:prefix_cache_hits_total").map(\.value)
        let queries = snapshot.samples(named: "vllm:prefix_cache_queries_total").map(\.value)
        #expect(abs(hits[0] / queries[0] - 0.60) < 0.001)
        let pooled: Double = hits.reduce(0, +) / queries.reduce(0, +)
        #expect(abs(pooled - 0.5951) < 0.0001)
        let success = snapshot.samples(named: "vllm:request_success_total")
        #expect(success.filter { $0[label: "engine"] == "0" }.map(\.value).reduce(0, +) == 10863)
        #expect(success.filter { $0[label: "engine"] == "1" }.map(\.value).reduce(0, +) == 10477)
        #expect(
            snapshot.samples(named: "vllm:time_to_first_token_seconds_bucket").contains { $0[label: "le"] == "2560.0" }
        )
        #expect(snapshot.samples(named: "vllm:e2e_request_latency_seconds_count").map(\.value) == [10863, 10477])
        #expect(snapshot.family(named: "vllm:inter_token_latency_seconds")?.type == .histogram)
        let created = try #require(snapshot.family(named: "vllm:prompt_tokens_created"))
        #expect(created.type == .gauge)
        #expect(created.samples.first?.value == 1_767_225_600.123456)
        #expect(snapshot.samples(named: "vllm:prompt_tokens_total").map(\.value) == [9_120_480, 8_734_112])
    }

    @Test func `dcgm pages keep their labels and sentinel values`() throws {
        let released = try Fixture.snapshot("dcgm_metrics.txt")
        let used = released.samples(named: "DCGM_FI_DEV_FB_USED")
        #expect(used.count == 5)
        #expect(used.allSatisfy { $0[label: "Hostname"] == "dcgm-exporter-7xk2p" })
        #expect(used.last?.value == 9_223_372_036_854_775_794)
        let main = try Fixture.snapshot("dcgm_metrics_hostname.txt")
        #expect(main.samples(named: "DCGM_FI_DEV_FB_USED").allSatisfy { $0[label: "hostname"] == "gpu-node-a100-2" })
    }
}
