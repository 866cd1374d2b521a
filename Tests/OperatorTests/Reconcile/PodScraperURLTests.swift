import Operator
import Testing

@Suite struct PodScraperURLTests {
    @Test func `scrapes the server's default port unless the pool names one`() {
        let pod = PodInfo(name: "a", podIP: "10.1.2.3")
        var spec = ReconcilePlannerTests.spec()
        #expect(PodScraper.url(for: pod, spec: spec) == "http://10.1.2.3:8000/metrics")
        spec.server = .triton
        #expect(PodScraper.url(for: pod, spec: spec) == "http://10.1.2.3:8002/metrics")
        spec.metrics.scrape = ScrapeSpec(port: 9090, path: "/stats", scheme: "https")
        #expect(PodScraper.url(for: pod, spec: spec) == "https://10.1.2.3:9090/stats")
        #expect(PodScraper.url(for: PodInfo(name: "b", podIP: "fd00::7"), spec: spec) == "https://[fd00::7]:9090/stats")
        #expect(PodScraper.url(for: PodInfo(name: "c"), spec: spec) == nil)
    }
}
