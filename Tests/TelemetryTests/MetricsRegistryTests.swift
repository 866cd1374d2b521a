import Telemetry
import Testing

@Suite struct MetricsRegistryTests {
    @Test func `exposes counters and gauges with HELP and TYPE in name order`() async throws {
        let registry = MetricsRegistry()
        let gauge = try await registry.makeGauge("b_depth", help: "Queue depth.")
        let counter = try await registry.makeCounter("a_total", help: "Things.", labelNames: ["result"])
        counter.increment(labels: ["result": "success"])
        counter.increment(by: 2, labels: ["result": "error"])
        counter.increment(by: -5, labels: ["result": "error"])
        gauge.set(7)
        gauge.add(-2)
        #expect(
            await registry.exposition() == """
                # HELP a_total Things.
                # TYPE a_total counter
                a_total{result="error"} 2
                a_total{result="success"} 1
                # HELP b_depth Queue depth.
                # TYPE b_depth gauge
                b_depth 5

                """
        )
    }

    @Test func `writes cumulative histogram buckets with +Inf, sum and count`() async throws {
        let registry = MetricsRegistry()
        let histogram = try await registry.makeHistogram("d_seconds", help: "D.", labelNames: ["c"], buckets: [0.1, 1])
        for value in [0.05, 0.5, 0.5, 3.0] { histogram.observe(value, labels: ["c": "x"]) }
        #expect(
            await registry.exposition() == """
                # HELP d_seconds D.
                # TYPE d_seconds histogram
                d_seconds_bucket{c="x",le="0.1"} 1
                d_seconds_bucket{c="x",le="1"} 3
                d_seconds_bucket{c="x",le="+Inf"} 4
                d_seconds_sum{c="x"} 4.05
                d_seconds_count{c="x"} 4

                """
        )
        let snapshot = try #require(await registry.histogram("d_seconds", labels: ["c": "x"]))
        #expect(snapshot.cumulativeCounts == [1, 3] && snapshot.count == 4)
    }

    @Test func `escapes label values and help text`() async throws {
        let registry = MetricsRegistry()
        let counter = try await registry.makeCounter("e_total", help: "Line one\nback\\slash", labelNames: ["v"])
        counter.increment(labels: ["v": "a\"b\\c\nd"])
        let text = await registry.exposition()
        #expect(text.contains(#"# HELP e_total Line one\nback\\slash"#))
        #expect(text.contains(#"e_total{v="a\"b\\c\nd"} 1"#))
    }

    @Test func `rejects invalid names and conflicting registrations`() async throws {
        let registry = MetricsRegistry()
        await #expect(throws: MetricsError.invalidMetricName("1bad")) {
            try await registry.makeCounter("1bad", help: "")
        }
        await #expect(throws: MetricsError.invalidLabelName(metric: "h", label: "le")) {
            try await registry.makeHistogram("h", help: "", labelNames: ["le"])
        }
        await #expect(throws: MetricsError.invalidBuckets(metric: "h2")) {
            try await registry.makeHistogram("h2", help: "", buckets: [1, 0.5])
        }
        _ = try await registry.makeCounter("c_total", help: "", labelNames: ["a"])
        _ = try await registry.makeCounter("c_total", help: "", labelNames: ["a"])
        await #expect(throws: MetricsError.conflictingRegistration("c_total")) {
            try await registry.makeGauge("c_total", help: "")
        }
    }

    @Test func `shares one series between handles of the same metric and removes series`() async throws {
        let registry = MetricsRegistry()
        let first = try await registry.makeGauge("g", help: "", labelNames: ["pool"])
        let second = try await registry.makeGauge("g", help: "", labelNames: ["pool"])
        first.set(1, labels: ["pool": "a"])
        second.add(2, labels: ["pool": "a"])
        #expect(await registry.value(of: "g", labels: ["pool": "a"]) == 3)
        first.remove(labels: ["pool": "a"])
        #expect(await registry.value(of: "g", labels: ["pool": "a"]) == nil)
        #expect(MetricsRegistry.contentType == "text/plain; version=0.0.4; charset=utf-8")
    }
}
