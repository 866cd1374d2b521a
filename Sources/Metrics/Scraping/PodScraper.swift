import HTTP

/// Settings for ``PodScraper``.
public struct ScrapeConfiguration: Sendable {
    /// The most scrapes in flight at once (default: 8).
    public var maxConcurrentScrapes: Int
    /// Seconds one scrape may take, connect to last byte (default: 5).
    public var timeoutSeconds: Double
    /// The largest page accepted, in bytes (default: 64 MiB).
    public var maxPageBytes: Int

    /// Creates scrape settings.
    public init(maxConcurrentScrapes: Int = 8, timeoutSeconds: Double = 5, maxPageBytes: Int = 64 << 20) {
        self.maxConcurrentScrapes = max(1, maxConcurrentScrapes)
        self.timeoutSeconds = timeoutSeconds
        self.maxPageBytes = maxPageBytes
    }
}

/// Scrapes pods' metrics endpoints concurrently and parses the pages as they stream in.
///
/// At most ``ScrapeConfiguration/maxConcurrentScrapes`` requests run at once, each bounded by
/// ``ScrapeConfiguration/timeoutSeconds``. Nothing is retried: a pod that fails or times out comes
/// back as a ``PodScrape`` with a failure, which the profiles turn into missing signals. The
/// request asks for OpenMetrics first and accepts text 0.0.4 and gzip; the response's
/// Content-Type picks the parser.
///
/// ```swift
/// let scraper = PodScraper(client: HTTPClient())
/// let results = await scraper.scrape(targets, selection: ServerProfile.vllm.selection)
/// ```
public struct PodScraper: Sendable {
    /// The client requests go through; its TLS settings apply to https targets.
    public let client: HTTPClient
    /// Concurrency, timeout and size limits.
    public let configuration: ScrapeConfiguration

    /// Creates a scraper.
    public init(client: HTTPClient, configuration: ScrapeConfiguration = ScrapeConfiguration()) {
        self.client = client
        self.configuration = configuration
    }

    /// Scrapes every target and returns one result per target, in the targets' order.
    public func scrape(_ targets: [ScrapeTarget], selection: FamilySelection = .all) async -> [PodScrape] {
        var results = [PodScrape?](repeating: nil, count: targets.count)
        await withTaskGroup(of: (Int, PodScrape).self) { group in
            var next = 0
            func startNext() {
                guard next < targets.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await scrape(targets[index], selection: selection)) }
            }
            for _ in 0..<min(configuration.maxConcurrentScrapes, targets.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
        }
        return zip(targets, results).map { target, result in
            result ?? PodScrape(pod: target.pod, outcome: .failure(.transport(url: target.url, reason: "cancelled")))
        }
    }

    /// Scrapes one target within the timeout.
    public func scrape(_ target: ScrapeTarget, selection: FamilySelection = .all) async -> PodScrape {
        let url = target.url
        let seconds = configuration.timeoutSeconds
        let outcome: Result<MetricSnapshot, ScrapeError> = await withTaskGroup(
            of: Result<MetricSnapshot, ScrapeError>?.self
        ) { group in
            group.addTask { await fetch(url: url, selection: selection) }
            group.addTask {
                // The HTTP request carries the same timeout; this guard also bounds parsing time.
                try? await Task.sleep(for: .seconds(seconds + 0.5))
                return Task.isCancelled ? nil : .failure(.timedOut(url: url, seconds: seconds))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.timedOut(url: url, seconds: seconds))
        }
        return PodScrape(pod: target.pod, outcome: outcome)
    }

    private func fetch(url: String, selection: FamilySelection) async -> Result<MetricSnapshot, ScrapeError> {
        let request = HTTPRequest(
            url: url,
            headers: ["Accept": ExpositionFormats.acceptHeader, "Accept-Encoding": "gzip"],
            timeout: configuration.timeoutSeconds
        )
        do {
            let response = try await client.stream(request)
            guard response.status == 200 else { return .failure(.status(url: url, code: response.status)) }
            let contentType = response.headers["Content-Type"] ?? ""
            guard let format = ExpositionFormat(contentType: contentType) else {
                return .failure(.unsupportedContentType(url: url, contentType: contentType))
            }
            var collector = MetricSnapshot.Collector(format: format, selection: selection)
            var received = 0
            for try await chunk in response.body {
                if received == 0, chunk.count >= 2, chunk[0] == 0x1f, chunk[1] == 0x8b {
                    return .failure(.compressedBody(url: url))
                }
                received += chunk.count
                guard received <= configuration.maxPageBytes else {
                    return .failure(.tooLarge(url: url, limitBytes: configuration.maxPageBytes))
                }
                try collector.feed(chunk)
            }
            return .success(try collector.finish())
        } catch let error as ExpositionError {
            return .failure(.parse(url: url, error))
        } catch let error as HTTPError {
            if case .timedOut(_, _, let seconds) = error { return .failure(.timedOut(url: url, seconds: seconds)) }
            return .failure(.transport(url: url, reason: error.description))
        } catch {
            return .failure(.transport(url: url, reason: "\(error)"))
        }
    }
}
