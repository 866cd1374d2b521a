import HTTP
import Metrics

/// Reads a pool's signals by scraping each ready pod's metrics endpoint, all pods at once.
///
/// The last page of each pod is kept so counter-based signals (Triton's queue time) are rates
/// over the interval. A pod that does not answer within the timeout, answers with a non-2xx
/// status, or serves a page that does not parse is left out of the reading: its signals are
/// missing, never zero. Only `metrics.source: scrape` pools are read here; ``SignalRouter`` sends
/// `prometheus` pools to ``PrometheusReader``.
public actor PodScraper: SignalReader {
    private let client: HTTPClient
    private let timeoutSeconds: Double
    private var previous: [String: MetricSnapshot] = [:]

    /// Creates a scraper using `client`, with a per-pod timeout in seconds (default 2).
    public init(client: HTTPClient, timeoutSeconds: Double = 2) {
        self.client = client
        self.timeoutSeconds = timeoutSeconds
    }

    /// The URL scraped for `pod` of a pool with `spec`, or `nil` when the pod has no IP yet.
    public static func url(for pod: PodInfo, spec: InferencePoolSpec) -> String? {
        guard let ip = pod.podIP, !ip.isEmpty else { return nil }
        let scrape = spec.metrics.scrape ?? ScrapeSpec()
        let port = scrape.port ?? spec.server.defaultMetricsPort
        let host = ip.contains(":") ? "[\(ip)]" : ip
        return "\(scrape.scheme)://\(host):\(port)\(scrape.path)"
    }

    /// The profile that turns a page into signals for `spec`.
    static func profile(for spec: InferencePoolSpec) -> ServerProfile {
        switch spec.server {
        case .vllm: return .vllm
        case .triton: return .triton(models: spec.model.map { [$0] })
        }
    }

    /// Scrapes every pod with an IP concurrently and turns the pages into signals.
    public func read(key: String, spec: InferencePoolSpec, pods: [PodInfo]) async -> SignalReading {
        guard spec.metrics.source == .scrape else {
            return SignalReading(error: "the pod scraper reads only metrics.source scrape")
        }
        let customMetrics = spec.targets.custom.compactMap { target in target.metric.map { (target.name, $0) } }
        let profile = Self.profile(for: spec)
        let selection: FamilySelection = customMetrics.isEmpty ? profile.selection : .all
        let targets = pods.compactMap { pod in Self.url(for: pod, spec: spec).map { (pod.name, $0) } }

        // Fetch concurrently; parsing happens here, on the actor, with the previous pages at hand.
        let pages = await withTaskGroup(of: (String, [UInt8]?, String?).self) { group in
            for (name, url) in targets {
                group.addTask { [client, timeoutSeconds] in
                    await Self.fetch(client: client, url: url, timeout: timeoutSeconds, pod: name)
                }
            }
            var collected: [(String, [UInt8]?, String?)] = []
            for await page in group { collected.append(page) }
            return collected
        }

        var reading = SignalReading()
        var failures: [String] = []
        for (pod, body, contentType) in pages.sorted(by: { $0.0 < $1.0 }) {
            let podKey = "\(key)/\(pod)"
            guard let body else {
                failures.append(pod)
                continue
            }
            let format = contentType.flatMap(ExpositionFormat.init(contentType:)) ?? ExpositionFormat.sniffed(body)
            guard let snapshot = try? MetricSnapshot.parse(body, format: format, selection: selection) else {
                failures.append(pod)
                continue
            }
            reading.pods[pod] = profile.signals(current: snapshot, previous: previous[podKey], source: pod).first
            var custom: [String: Double] = [:]
            for (name, metric) in customMetrics {
                let values = snapshot.samples(named: metric).map(\.value)
                if !values.isEmpty, values.allSatisfy(\.isFinite) { custom[name] = values.reduce(0, +) }
            }
            if !custom.isEmpty { reading.customPerPod[pod] = custom }
            previous[podKey] = snapshot
        }

        // Forget pages of pods that left the pool so the cache stays proportional to live pods.
        let live = Set(pods.map { "\(key)/\($0.name)" })
        previous = previous.filter { !$0.key.hasPrefix(key + "/") || live.contains($0.key) }
        if !targets.isEmpty && reading.pods.isEmpty {
            reading.error = "no pod answered on its metrics endpoint (\(failures.count) tried)"
        }
        return reading
    }

    private static func fetch(client: HTTPClient, url: String, timeout: Double, pod: String) async -> (
        String, [UInt8]?, String?
    ) {
        let request = HTTPRequest(url: url, headers: ["Accept": ExpositionFormats.acceptHeader], timeout: timeout)
        guard let response = try? await client.execute(request), (200..<300).contains(response.status) else {
            return (pod, nil, nil)
        }
        return (pod, response.body, response.headers["Content-Type"])
    }
}
