import Metrics
import Testing

@Suite struct ServerProfileTests {
    static func signals(
        _ profile: ServerProfile,
        _ file: String,
        previous: String? = nil
    ) throws -> [PodSignals] {
        let current = try Fixture.snapshot(file, selection: profile.selection)
        let earlier = try previous.map { try Fixture.snapshot($0, selection: profile.selection) }
        return profile.signals(current: current, previous: earlier, source: "pod")
    }

    @Test func `vllm v1 sums engines and takes the max KV-cache use`() throws {
        let pod = try #require(try Self.signals(.vllm, "vllm_metrics_v1.txt").first)
        #expect(pod.queueDepth == 14)
        #expect(pod.runningRequests == 60)
        #expect(pod.kvCacheUtilization == 0.9412)
        #expect(pod.gpuMemoryUtilization == nil)
        #expect(pod.queueTimeSeconds == nil, "no previous scrape, no rate")
    }

    @Test func `vllm v0 falls back to the old KV-cache name`() throws {
        let pod = try #require(try Self.signals(.vllm, "vllm_metrics_v0.txt").first)
        #expect(pod.queueDepth == 11)
        #expect(pod.runningRequests == 23)
        #expect(pod.kvCacheUtilization == 0.9731)
    }

    @Test func `vllm queue time comes from the histogram increases between scrapes`() throws {
        let model = "model_name=\"meta-llama/Llama-3.1-8B-Instruct\""
        let previous = try Fixture.parse(
            """
            # TYPE vllm:request_queue_time_seconds histogram
            vllm:request_queue_time_seconds_count{engine="0",\(model)} 10763.0
            vllm:request_queue_time_seconds_sum{engine="0",\(model)} 1473.21
            vllm:request_queue_time_seconds_count{engine="1",\(model)} 10377.0
            vllm:request_queue_time_seconds_sum{engine="1",\(model)} 392.77

            """
        )
        let current = try Fixture.snapshot("vllm_metrics_v1.txt", selection: ServerProfile.vllm.selection)
        let pod = try #require(ServerProfile.vllm.signals(current: current, previous: previous, source: "p").first)
        let seconds = try #require(pod.queueTimeSeconds)
        #expect(abs(seconds - 30.0 / 200.0) < 1e-9)
        #expect(pod.queuedRequestCount == 200)
    }

    @Test func `triton sums pending requests over model-level and per-GPU series`() throws {
        let pod = try #require(try Self.signals(.triton(), "triton_metrics_busy.txt").first)
        #expect(pod.queueDepth == 49)
        #expect(pod.runningRequests == nil)
        #expect(pod.kvCacheUtilization == nil)
        #expect(pod.gpuMemoryUsedBytes == Double(78_123_456_512 + 80_001_234_944))
        #expect(pod.gpuMemoryTotalBytes == Double(2 * 85_520_809_984))
        let utilization = try #require(pod.gpuMemoryUtilization)
        #expect(abs(utilization - (78_123_456_512 + 80_001_234_944) / (2 * 85_520_809_984)) < 1e-12)
    }

    @Test func `triton counts only the configured models`() throws {
        let pod = try #require(try Self.signals(.triton(models: ["bert_qa"]), "triton_metrics_busy.txt").first)
        #expect(pod.queueDepth == 7)
    }

    @Test func `triton queue time divides summed increases, per model`() throws {
        let all = try #require(
            try Self.signals(.triton(), "triton_metrics_busy.txt", previous: "triton_metrics_idle.txt").first
        )
        let expected = (27_351_000.0 + 25_172_000 + 102_400_000) / (36214 + 5120) / 1_000_000
        #expect(abs(try #require(all.queueTimeSeconds) - expected) < 1e-12)
        #expect(all.queuedRequestCount == 41334)
        let resnet = try #require(
            try Self.signals(
                .triton(models: ["resnet50"]),
                "triton_metrics_busy.txt",
                previous: "triton_metrics_idle.txt"
            )
            .first
        )
        #expect(abs(try #require(resnet.queueTimeSeconds) - 0.00145035) < 1e-8)
    }

    @Test func `triton idle gives zero queue depth and no queue time`() throws {
        let pod = try #require(
            try Self.signals(.triton(), "triton_metrics_idle.txt", previous: "triton_metrics_idle.txt").first
        )
        #expect(pod.queueDepth == 0)
        #expect(pod.queueTimeSeconds == nil, "0/0 is no signal")
        let utilization = try #require(pod.gpuMemoryUtilization)
        #expect(abs(utilization - 0.8914) < 0.0001)
    }

    @Test func `a counter reset between scrapes counts from zero`() throws {
        let pod = try #require(
            try Self.signals(.triton(), "triton_metrics_idle.txt", previous: "triton_metrics_busy.txt").first
        )
        #expect(pod.queueTimeSeconds == nil, "restarted server with no requests yet")
        #expect(CounterRates.increase(from: 100, to: 30) == 30)
        #expect(CounterRates.increase(from: 100, to: 130) == 30)
    }

    @Test func `dcgm joins GPUs to pods and treats sentinels as missing`() throws {
        let pods = try Self.signals(.dcgm, "dcgm_metrics.txt")
        #expect(
            pods.map(\.pod) == [
                "vision/resnet-triton-5c8d7b9f4-m7ltz", "llm/vllm-llama-7d9f8c6b5-x2k4p",
                "llm/vllm-llama-7d9f8c6b5-q8r2t",
            ]
        )
        #expect(pods[0].gpuMemoryUsedBytes == 137_609_871_360)
        #expect(pods[0].gpuMemoryTotalBytes == 171_041_619_968)
        #expect(abs(try #require(pods[0].gpuMemoryUtilization) - 0.80454) < 0.00001)
        #expect(pods[1].gpuMemoryUsedBytes == 77_814_824_960)
        #expect(abs(try #require(pods[1].gpuMemoryUtilization) - 0.90989) < 0.00001)
        #expect(pods[2].gpuMemoryUsedBytes == nil)
        #expect(pods[2].gpuMemoryUtilization == nil)

        let pool = PoolSignals(pods: pods)
        #expect(pool.gpuMemoryUsedBytes == 215_424_696_320)
        #expect(pool.gpuMemoryTotalBytes == 256_562_429_952)
        #expect(abs(try #require(pool.gpuMemoryUtilization) - 0.83966) < 0.00001)
        #expect(pool.reportingPods[.gpuMemoryUsedBytes] == 2)
        #expect(pool.podCount == 3)
    }

    @Test func `dcgm reads the lowercase hostname label and keeps MIG instances apart`() throws {
        let pods = try Self.signals(.dcgm, "dcgm_metrics_hostname.txt")
        #expect(pods.map(\.pod) == ["llm/small-model-0"])
        #expect(pods[0].gpuMemoryUsedBytes == 52_428_800_000)
        #expect(pods[0].gpuMemoryTotalBytes == 84_288_733_184)
    }

    @Test func `the pool sums counts, averages caches and weights queue time by requests`() {
        let pods = [
            PodSignals(
                pod: "a",
                queueDepth: 4,
                runningRequests: 10,
                kvCacheUtilization: 0.9,
                queueTimeSeconds: 1,
                queuedRequestCount: 100
            ),
            PodSignals(
                pod: "b",
                queueDepth: 6,
                runningRequests: 2,
                kvCacheUtilization: 0.5,
                queueTimeSeconds: 3,
                queuedRequestCount: 300
            ),
            PodSignals(pod: "failed"),
        ]
        let pool = PoolSignals(pods: pods)
        #expect(pool.queueDepth == 10)
        #expect(pool.runningRequests == 12)
        #expect(pool.kvCacheUtilization == 0.7)
        #expect(pool.queueTimeSeconds == 2.5)
        #expect(pool.gpuMemoryUtilization == nil)
        #expect(pool.reportingPods[.queueDepth] == 2)
        #expect(pool.podCount == 3)
        #expect(PoolSignals(pods: [PodSignals(pod: "x")]).queueDepth == nil)
    }

    @Test func `NaN and out-of-range values are missing, not numbers`() throws {
        let page = "vllm:num_requests_waiting{engine=\"0\"} NaN\nvllm:kv_cache_usage_perc{engine=\"0\"} 94.1\n"
        let snapshot = try Fixture.parse(page)
        let pod = try #require(ServerProfile.vllm.signals(current: snapshot, previous: nil, source: "p").first)
        #expect(pod.queueDepth == nil)
        #expect(pod.kvCacheUtilization == nil)
    }
}
