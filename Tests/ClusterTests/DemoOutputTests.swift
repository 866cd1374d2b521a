import Cluster
import Testing

@Suite struct DemoOutputTests {
    func sample(_ time: Double, desired: Int?, ready: Int) -> DemoSample {
        DemoSample(
            time: time,
            arrivalRate: 12.25,
            waiting: 3,
            desiredReplicas: desired,
            readyReplicas: ready,
            pendingReplicas: 0,
            gpuMemoryUsedBytes: 3 * 1_073_741_824,
            gpuMemoryTotalBytes: 160 * 1_073_741_824,
            attainment: 0.9876
        )
    }

    @Test func `a timeline row lines up with the header`() {
        let row = sample(12, desired: 2, ready: 1).row(pool: "llama")
        #expect(row.count == DemoSample.header.count)
        #expect(row.contains("12.3"))
        #expect(row.contains("3.0/160"))
        #expect(row.hasSuffix("98.8%"))
    }

    @Test func `the summary counts scale events and gpu hours`() {
        let samples = [
            sample(0, desired: 1, ready: 1), sample(1800, desired: 3, ready: 1), sample(3600, desired: 3, ready: 3),
            sample(5400, desired: 1, ready: 3),
        ]
        let summary = DemoSummary(pool: "llama", samples: samples, replicasInUse: [1, 3, 3, 1], gpusPerReplica: 1)
        #expect(summary.scaleUps == 1)
        #expect(summary.scaleDowns == 1)
        #expect(summary.peakReplicas == 3)
        #expect(summary.finalReplicas == 1)
        #expect(abs(summary.gpuHours - 3.5) < 1e-9)
        #expect(summary.lines[0].contains("SLO attainment 98.8%"))
    }

    @Test func `prometheus targets stay on loopback`() {
        let text = PrometheusDemoConfig.targets([
            .init(address: "127.0.1.4:8000", namespace: "demo", pod: "llama-abc"),
            .init(address: "10.0.0.1:8000", namespace: "demo", pod: "elsewhere"),
        ])
        #expect(text.contains("127.0.1.4:8000"))
        #expect(!text.contains("10.0.0.1"))
        #expect(
            PrometheusDemoConfig.configuration(targetsFile: "/tmp/t.json", interval: 2).contains("scrape_interval: 2s")
        )
    }

    @Test func `the plot script draws one panel per pool`() {
        let script = DemoPlot.script(pools: [("a", "/tmp/a.dat"), ("b", "/tmp/b.dat")], output: "/tmp/p.png")
        #expect(script.contains("set multiplot layout 2,1"))
        #expect(script.contains("set output '/tmp/p.png'"))
        #expect(DemoPlot.data([sample(1, desired: 2, ready: 1)]).contains("1.0 12.25 3 2 1 0"))
    }
}
