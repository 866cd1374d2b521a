import Metrics
import Testing

@Suite struct CounterRatesTests {
    static func snapshot(_ lines: String) throws -> MetricSnapshot {
        try Fixture.parse("# TYPE c counter\n" + lines)
    }

    @Test func `the rate sums per-series increases over the elapsed time`() throws {
        let before = try Self.snapshot("c{a=\"1\"} 10\nc{a=\"2\"} 100\n")
        let after = try Self.snapshot("c{a=\"1\"} 40\nc{a=\"2\"} 5\nc{a=\"3\"} 7\n")
        // Series 1 grew by 30, series 2 was reset (counts 5), series 3 is new (no increase yet).
        #expect(CounterRates.increase(of: "c", from: before, to: after) == 35)
        #expect(CounterRates.rate(of: "c", from: before, to: after, elapsedSeconds: 5) == 7)
        #expect(CounterRates.rate(of: "c", from: before, to: after, elapsedSeconds: 0) == nil)
        #expect(CounterRates.increase(of: "c", from: before, to: after) { $0[label: "a"] == "1" } == 30)
    }

    @Test func `there is no rate on the first scrape or for a NaN counter`() throws {
        let now = try Self.snapshot("c 10\n")
        #expect(CounterRates.increase(of: "c", from: nil, to: now) == nil)
        #expect(CounterRates.increase(of: "c", from: try Self.snapshot("c NaN\n"), to: now) == nil)
        #expect(CounterRates.increase(of: "missing", from: now, to: now) == nil)
    }

    @Test func `merging signals fills only what is missing`() {
        let vllm = PodSignals(pod: "llm/a", queueDepth: 3, kvCacheUtilization: 0.5)
        let dcgm = PodSignals(
            pod: "llm/a",
            queueDepth: 99,
            gpuMemoryUtilization: 0.25,
            gpuMemoryUsedBytes: 1,
            gpuMemoryTotalBytes: 4
        )
        let merged = vllm.filling(from: dcgm)
        #expect(merged.queueDepth == 3)
        #expect(merged.kvCacheUtilization == 0.5)
        #expect(merged.gpuMemoryUtilization == 0.25)
        #expect(merged.gpuMemoryTotalBytes == 4)
    }
}
