import Metrics
import Testing

@Suite struct ScrapeHistoryTests {
    static func page(count: Double, sum: Double) throws -> MetricSnapshot {
        try Fixture.parse(
            """
            # TYPE vllm:request_queue_time_seconds histogram
            vllm:request_queue_time_seconds_count \(count)
            vllm:request_queue_time_seconds_sum \(sum)

            """
        )
    }

    @Test func `rates need a previous round, and pods that left are forgotten`() async throws {
        let history = ScrapeHistory()
        let first = await history.signals(
            for: [
                PodScrape(pod: "a", outcome: .success(try Self.page(count: 10, sum: 5))),
                PodScrape(pod: "b", outcome: .success(try Self.page(count: 1, sum: 1))),
            ],
            profile: .vllm
        )
        #expect(first.map(\.queueTimeSeconds) == [nil, nil])

        let second = await history.signals(
            for: [PodScrape(pod: "a", outcome: .success(try Self.page(count: 14, sum: 7)))],
            profile: .vllm
        )
        #expect(second.map(\.queueTimeSeconds) == [0.5])
        #expect(await history.rememberedSources == ["a"])
    }

    @Test func `a failed scrape keeps the older baseline and reports the pod missing`() async throws {
        let history = ScrapeHistory()
        _ = await history.signals(
            for: [PodScrape(pod: "a", outcome: .success(try Self.page(count: 10, sum: 5)))],
            profile: .vllm
        )
        let failed = await history.signals(
            for: [PodScrape(pod: "a", outcome: .failure(.status(url: "http://127.0.0.1:1/metrics", code: 503)))],
            profile: .vllm
        )
        #expect(failed == [PodSignals(pod: "a")])
        let recovered = await history.signals(
            for: [PodScrape(pod: "a", outcome: .success(try Self.page(count: 20, sum: 10)))],
            profile: .vllm
        )
        #expect(recovered.first?.queueTimeSeconds == 0.5)
    }

    @Test func `a restarted server's counters count from zero`() async throws {
        let history = ScrapeHistory()
        _ = await history.signals(
            for: [PodScrape(pod: "a", outcome: .success(try Self.page(count: 1000, sum: 500)))],
            profile: .vllm
        )
        let restarted = await history.signals(
            for: [PodScrape(pod: "a", outcome: .success(try Self.page(count: 4, sum: 1)))],
            profile: .vllm
        )
        #expect(restarted.first?.queueTimeSeconds == 0.25)
    }
}
