import Foundation
import HTTP
import Metrics

/// Reads a pool's signals from Prometheus (`metrics.source: prometheus`).
///
/// Per-pod signals come from the server profile's default queries (one instant query per signal,
/// `by (pod)`, restricted to the pool's pods); custom targets' `query` and scale-to-zero's
/// `activationQuery` are run as written and must return one number, the pool's total. A failing
/// query fails the reading (signals missing, replicas held), never reads as zero. A bearer token
/// comes from `bearerTokenSecretRef`, read from the pool's namespace on every reading (so a
/// rotated Secret is picked up), and never logged.
public struct PrometheusReader: SignalReader {
    private let access: any ClusterAccess
    private let client: HTTPClient

    /// Creates a reader that reads Secrets through `access` and queries through `client`.
    public init(access: any ClusterAccess, client: HTTPClient) {
        self.access = access
        self.client = client
    }

    /// Reads the pool's signals; `key` is `namespace/name`.
    public func read(key: String, spec: InferencePoolSpec, pods: [PodInfo]) async -> SignalReading {
        guard let prometheus = spec.metrics.prometheus else {
            return SignalReading(error: "metrics.prometheus is missing")
        }
        let namespace = String(key.split(separator: "/").first ?? "")
        let configuration: PrometheusConfiguration
        do {
            configuration = try await self.configuration(prometheus, namespace: namespace)
        } catch {
            return SignalReading(error: "\(error)")
        }
        let prometheusClient = PrometheusClient(configuration: configuration, client: client)
        let now = Date().timeIntervalSince1970
        var reading = SignalReading()

        // Per-pod signals for the server kind, for the pool's pods only.
        if !pods.isEmpty {
            let profile = PodScraper.profile(for: spec)
            let source = PromQLSignalSource(
                client: prometheusClient,
                queries: PromQLSignalSource.defaultQueries(for: profile)
            )
            do {
                for signals in try await source.signals(namespace: namespace, pods: pods.map(\.name), now: now) {
                    let name = String(signals.pod.split(separator: "/").last ?? "")
                    reading.pods[name] = signals
                }
            } catch {
                reading.error = "prometheus: \(error)"
                return reading
            }
        }

        // Pool-wide totals: custom queries and the activation query.
        var totals: [(String, String)] = spec.targets.custom.compactMap { target in
            target.query.map { (target.name, $0) }
        }
        if let zero = spec.scaleToZero, zero.enabled, let activation = zero.activationQuery {
            totals.append(("waitingRequests", activation))
        }
        for (name, query) in totals {
            do {
                if let value = Self.total(try await prometheusClient.query(query, at: now).data) {
                    reading.poolTotals[name] = value
                }
            } catch {
                reading.failedSignals.append(name)
            }
        }
        return reading
    }

    /// The one number a total query returns: a scalar, or the sum of a vector's finite values.
    static func total(_ data: QueryData) -> Double? {
        switch data {
        case .scalar(_, let value): return value.isFinite ? value : nil
        case .vector(let samples):
            let values = samples.map(\.value)
            guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
            return values.reduce(0, +)
        default: return nil
        }
    }

    private func configuration(_ prometheus: PrometheusSpec, namespace: String) async throws -> PrometheusConfiguration
    {
        var authorization = PrometheusAuthorization.none
        if let reference = prometheus.bearerTokenSecretRef {
            guard let secret = try await access.get(.secrets, namespace: namespace, name: reference.name),
                let encoded = secret.value(at: ["data", reference.key])?.stringValue,
                let data = Data(base64Encoded: encoded)
            else {
                throw OperatorError.invalidObject("secret \(namespace)/\(reference.name) has no key \(reference.key)")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            authorization = .bearer(Secret(token))
        }
        return PrometheusConfiguration(
            baseURL: prometheus.url,
            authorization: authorization,
            tls: TLSConfiguration(insecureSkipVerify: prometheus.insecureSkipTLSVerify)
        )
    }
}

/// Reads signals from where each pool says: its pods (scrape) or Prometheus.
public struct SignalRouter: SignalReader {
    /// The reader for `metrics.source: scrape`.
    public let scraper: PodScraper
    /// The reader for `metrics.source: prometheus`.
    public let prometheus: PrometheusReader

    /// Creates a router.
    public init(scraper: PodScraper, prometheus: PrometheusReader) {
        self.scraper = scraper
        self.prometheus = prometheus
    }

    /// Reads with the pool's source.
    public func read(key: String, spec: InferencePoolSpec, pods: [PodInfo]) async -> SignalReading {
        switch spec.metrics.source {
        case .scrape: return await scraper.read(key: key, spec: spec, pods: pods)
        case .prometheus: return await prometheus.read(key: key, spec: spec, pods: pods)
        }
    }
}
