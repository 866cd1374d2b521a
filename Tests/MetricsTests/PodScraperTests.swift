import HTTP
import Metrics
import Testing

/// Scraping real loopback endpoints served by `HTTPServer`.
@Suite(.serialized) struct PodScraperTests {
    @Test func `scrapes pods concurrently and parses by content type`() async throws {
        let text = try await LiveEndpoint(
            page: try Fixture.bytes("vllm_metrics_v1.txt"),
            contentType: ExpositionFormat.prometheusText.contentType
        )
        let open = try await LiveEndpoint(
            page: Array("# TYPE vllm:num_requests_waiting gauge\nvllm:num_requests_waiting 3\n# EOF\n".utf8),
            contentType: ExpositionFormat.openMetrics.contentType
        )
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: text.port)

        let scraper = PodScraper(
            client: client,
            configuration: ScrapeConfiguration(maxConcurrentScrapes: 1, timeoutSeconds: 60)
        )
        let results = await scraper.scrape(
            [
                ScrapeTarget(pod: "llm/a", address: "127.0.0.1", port: text.port),
                ScrapeTarget(pod: "llm/b", address: "127.0.0.1", port: open.port),
            ],
            selection: ServerProfile.vllm.selection
        )
        #expect(results.map(\.pod) == ["llm/a", "llm/b"])
        let first = try results[0].outcome.get()
        #expect(first.format == .prometheusText)
        #expect(first.samples(named: "vllm:num_requests_waiting").map(\.value) == [14, 0])
        let second = try results[1].outcome.get()
        #expect(second.format == .openMetrics)
        #expect(second.samples(named: "vllm:num_requests_waiting").map(\.value) == [3])
        await text.stop()
        await open.stop()
    }

    @Test func `sends an Accept header preferring OpenMetrics and accepting gzip`() async throws {
        let seen = RequestLog()
        let endpoint = try await LiveEndpoint { request in
            await seen.record(request.headers)
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "text/plain; version=0.0.4"],
                body: .bytes(Array("a 1\n".utf8))
            )
        }
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)
        _ = await PodScraper(client: client, configuration: ScrapeConfiguration(timeoutSeconds: 60)).scrape(
            ScrapeTarget(pod: "p", address: "127.0.0.1", port: endpoint.port)
        )
        let headers = try #require(await seen.last)
        #expect(headers["Accept"]?.hasPrefix("application/openmetrics-text") == true)
        #expect(headers["Accept"]?.contains("text/plain;version=0.0.4") == true)
        #expect(headers["Accept-Encoding"]?.contains("gzip") == true)
        await endpoint.stop()
    }

    @Test func `a failing, slow or malformed pod is missing, never zero`() async throws {
        let endpoint = try await LiveEndpoint { request in
            switch request.path {
            case "/error":
                return HTTPServerResponse(status: 500)
            case "/slow":
                // Never finishes the body: the scrape must time out.
                let (stream, _) = AsyncStream<[UInt8]>.makeStream()
                return HTTPServerResponse(status: 200, headers: ["Content-Type": "text/plain"], body: .stream(stream))
            case "/json":
                return HTTPServerResponse(
                    status: 200,
                    headers: ["Content-Type": "application/json"],
                    body: .bytes(Array("{}".utf8))
                )
            default:
                return HTTPServerResponse(
                    status: 200,
                    headers: ["Content-Type": "text/plain"],
                    body: .bytes(Array("a{ 1\n".utf8))
                )
            }
        }
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)
        // The slow pod gets a short timeout; the others a generous one, so a busy machine cannot
        // turn their real failure into a timeout.
        let targets = ["/error", "/slow", "/json", "/broken"].map {
            ScrapeTarget(pod: $0, address: "127.0.0.1", port: endpoint.port, path: $0)
        }
        let patient = PodScraper(client: client, configuration: ScrapeConfiguration(timeoutSeconds: 60))
        let hasty = PodScraper(client: client, configuration: ScrapeConfiguration(timeoutSeconds: 1))
        var results = await patient.scrape([targets[0], targets[2], targets[3]], selection: .all)
        results.insert(await hasty.scrape(targets[1], selection: .all), at: 1)
        let history = ScrapeHistory()
        let signals = await history.signals(for: results, profile: .vllm)
        #expect(signals.map(\.pod) == ["/error", "/slow", "/json", "/broken"])
        #expect(signals.allSatisfy { $0 == PodSignals(pod: $0.pod) })
        for result in results {
            guard case .failure(let error) = result.outcome else {
                Issue.record("\(result.pod) should have failed")
                continue
            }
            switch (result.pod, error) {
            case ("/error", .status(_, 500)), ("/slow", .timedOut), ("/json", .unsupportedContentType),
                ("/broken", .parse):
                break
            default:
                Issue.record("unexpected failure for \(result.pod): \(error)")
            }
        }
        await endpoint.stop()
    }
}

/// Remembers request headers seen by a test server.
actor RequestLog {
    private(set) var last: HTTPHeaders?

    func record(_ headers: HTTPHeaders) {
        last = headers
    }
}
