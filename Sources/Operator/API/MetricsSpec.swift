/// Where and how often a pool's signals are read.
public struct MetricsSpec: Codable, Sendable, Equatable {
    /// Where signals come from.
    public enum Source: String, Codable, Sendable, Equatable, CaseIterable {
        /// Scrape every ready pod's metrics endpoint directly (the default: seconds of reaction).
        case scrape
        /// Query a Prometheus server with PromQL.
        case prometheus
    }

    /// Where signals come from.
    ///
    /// Default: `scrape`.
    public var source: Source
    /// Seconds between two readings, which is also the reconcile period.
    ///
    /// Default: 5.
    public var intervalSeconds: Int
    /// How pods are scraped when `source` is `scrape`; absent means the server's defaults.
    public var scrape: ScrapeSpec?
    /// The Prometheus server queried when `source` is `prometheus`.
    public var prometheus: PrometheusSpec?
    /// What to run when signals keep failing; absent means hold the current replica count.
    public var fallback: FallbackSpec?

    /// Creates a metrics section.
    public init(
        source: Source = .scrape,
        intervalSeconds: Int = InferencePoolDefaults.metricsIntervalSeconds,
        scrape: ScrapeSpec? = nil,
        prometheus: PrometheusSpec? = nil,
        fallback: FallbackSpec? = nil
    ) {
        self.source = source
        self.intervalSeconds = intervalSeconds
        self.scrape = scrape
        self.prometheus = prometheus
        self.fallback = fallback
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decodeIfPresent(Source.self, forKey: .source) ?? .scrape
        intervalSeconds =
            try container.decodeIfPresent(Int.self, forKey: .intervalSeconds)
            ?? InferencePoolDefaults.metricsIntervalSeconds
        scrape = try container.decodeIfPresent(ScrapeSpec.self, forKey: .scrape)
        prometheus = try container.decodeIfPresent(PrometheusSpec.self, forKey: .prometheus)
        fallback = try container.decodeIfPresent(FallbackSpec.self, forKey: .fallback)
    }

    /// The schema of `spec.metrics`.
    public static let schema = SchemaNode.object(
        "Where and how often the pool's signals are read. By default PoolPilot scrapes each ready pod's "
            + "metrics endpoint every 5 seconds.",
        [
            (
                "source",
                .string(
                    "Where signals come from: scrape (each pod's metrics endpoint, the default) or prometheus "
                        + "(PromQL queries against spec.metrics.prometheus.url).",
                    enum: Source.allCases.map(\.rawValue),
                    default: Source.scrape.rawValue
                )
            ),
            (
                "intervalSeconds",
                .integer(
                    "Seconds between two readings of the signals; the pool is also reconciled at this period.",
                    minimum: 1,
                    maximum: 300,
                    default: InferencePoolDefaults.metricsIntervalSeconds
                )
            ),
            ("scrape", ScrapeSpec.schema),
            ("prometheus", PrometheusSpec.schema),
            ("fallback", FallbackSpec.schema),
        ],
        rules: [
            .cel(
                "self.source != 'prometheus' || has(self.prometheus)",
                "spec.metrics.prometheus is required when spec.metrics.source is prometheus"
            )
        ]
    )
}

/// How each pod's metrics endpoint is scraped.
public struct ScrapeSpec: Codable, Sendable, Equatable {
    /// Container port serving metrics; absent means 8000 for vLLM and 8002 for Triton.
    public var port: Int?
    /// HTTP path of the metrics endpoint.
    ///
    /// Default: `/metrics`.
    public var path: String
    /// `http` or `https`.
    ///
    /// Default: `http`.
    public var scheme: String

    /// Creates a scrape section.
    public init(port: Int? = nil, path: String = InferencePoolDefaults.scrapePath, scheme: String = "http") {
        self.port = port
        self.path = path
        self.scheme = scheme
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        port = try container.decodeIfPresent(Int.self, forKey: .port)
        path = try container.decodeIfPresent(String.self, forKey: .path) ?? InferencePoolDefaults.scrapePath
        scheme = try container.decodeIfPresent(String.self, forKey: .scheme) ?? InferencePoolDefaults.scrapeScheme
    }

    /// The schema of `spec.metrics.scrape`.
    public static let schema = SchemaNode.object(
        "How each pod's metrics endpoint is scraped when source is scrape.",
        [
            (
                "port",
                .integer(
                    "Pod port serving metrics. Default: 8000 for vllm, 8002 for triton.",
                    minimum: 1,
                    maximum: 65535
                )
            ),
            (
                "path",
                .string(
                    "HTTP path of the metrics endpoint.",
                    default: InferencePoolDefaults.scrapePath,
                    pattern: "^/",
                    maxLength: 256
                )
            ),
            (
                "scheme",
                .string("http or https.", enum: ["http", "https"], default: InferencePoolDefaults.scrapeScheme)
            ),
        ]
    )
}

/// A Prometheus server that holds the pool's metrics.
public struct PrometheusSpec: Codable, Sendable, Equatable {
    /// Base URL of the Prometheus HTTP API such as `http://prometheus.monitoring:9090`.
    public var url: String
    /// A Secret key in the pool's namespace holding a bearer token, if the server needs one.
    public var bearerTokenSecretRef: SecretKeyReference?
    /// Accept any TLS certificate from the server.
    ///
    /// Default: false.
    public var insecureSkipTLSVerify: Bool

    /// Creates a Prometheus section.
    public init(url: String, bearerTokenSecretRef: SecretKeyReference? = nil, insecureSkipTLSVerify: Bool = false) {
        self.url = url
        self.bearerTokenSecretRef = bearerTokenSecretRef
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decode(String.self, forKey: .url)
        bearerTokenSecretRef = try container.decodeIfPresent(SecretKeyReference.self, forKey: .bearerTokenSecretRef)
        insecureSkipTLSVerify = try container.decodeIfPresent(Bool.self, forKey: .insecureSkipTLSVerify) ?? false
    }

    /// The schema of `spec.metrics.prometheus`.
    public static let schema = SchemaNode.object(
        "The Prometheus server queried when source is prometheus. PoolPilot builds the queries for the "
            + "server kind (always aggregated with sum/max over the pool's pods) and runs custom targets' "
            + "queries as written.",
        [
            (
                "url",
                .string(
                    "Base URL of the Prometheus HTTP API, e.g. http://prometheus.monitoring:9090.",
                    pattern: "^https?://",
                    maxLength: 2048
                )
            ),
            ("bearerTokenSecretRef", SecretKeyReference.schema),
            (
                "insecureSkipTLSVerify",
                .boolean("Accept any TLS certificate from the server. Only for testing.", default: false)
            ),
        ],
        required: ["url"]
    )
}

/// A key of a Secret in the pool's namespace.
public struct SecretKeyReference: Codable, Sendable, Equatable {
    /// Name of the Secret.
    public var name: String
    /// Key within the Secret's data.
    public var key: String

    /// Creates a reference to `key` in Secret `name`.
    public init(name: String, key: String) {
        self.name = name
        self.key = key
    }

    /// The schema of a Secret key reference.
    public static let schema = SchemaNode.object(
        "A key of a Secret in the pool's namespace whose value is sent as a bearer token.",
        [
            ("name", .string("Name of the Secret.", maxLength: 253).withMinLength(1)),
            ("key", .string("Key within the Secret's data.", maxLength: 253).withMinLength(1)),
        ],
        required: ["name", "key"]
    )
}

/// The replica count held when signals keep failing.
public struct FallbackSpec: Codable, Sendable, Equatable {
    /// Consecutive failed readings before the fallback applies.
    ///
    /// Default: 3.
    public var failureThreshold: Int
    /// Replicas to hold while signals are missing.
    public var replicas: Int

    /// Creates a fallback.
    public init(failureThreshold: Int = InferencePoolDefaults.fallbackFailureThreshold, replicas: Int) {
        self.failureThreshold = failureThreshold
        self.replicas = replicas
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        failureThreshold =
            try container.decodeIfPresent(Int.self, forKey: .failureThreshold)
            ?? InferencePoolDefaults.fallbackFailureThreshold
        replicas = try container.decode(Int.self, forKey: .replicas)
    }

    /// The schema of `spec.metrics.fallback`.
    public static let schema = SchemaNode.object(
        "What to run when signals keep failing. Without it the pool holds its current replica count and "
            + "never scales down on missing signals.",
        [
            (
                "failureThreshold",
                .integer(
                    "Consecutive failed readings before the fallback replica count applies.",
                    minimum: 1,
                    maximum: 100,
                    default: InferencePoolDefaults.fallbackFailureThreshold
                )
            ),
            (
                "replicas",
                .integer("Replicas to run while signals are missing (kept within min and max replicas).", minimum: 0)
            ),
        ],
        required: ["replicas"]
    )
}
