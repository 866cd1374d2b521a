/// The defaults of the InferencePool API, shared by the Swift types and the generated CRD.
///
/// Every default appears once, here; the schema's `default:` values and the decoders both read
/// these constants, and a test checks that a minimal pool decodes to the schema's defaults.
public enum InferencePoolDefaults {
    /// Fewest replicas when `minReplicas` is absent.
    ///
    /// Default: 1.
    public static let minReplicas = 1
    /// Seconds between two readings of a pool's signals.
    ///
    /// Default: 5.
    public static let metricsIntervalSeconds = 5
    /// The metrics path scraped on each pod.
    ///
    /// Default: `/metrics`.
    public static let scrapePath = "/metrics"
    /// The scheme used to scrape pods.
    ///
    /// Default: `http`.
    public static let scrapeScheme = "http"
    /// Metrics port of a vLLM server (its OpenAI-compatible HTTP port).
    ///
    /// Default: 8000.
    public static let vllmMetricsPort = 8000
    /// Metrics port of a Triton server.
    ///
    /// Default: 8002.
    public static let tritonMetricsPort = 8002
    /// The extended resource a replica asks for.
    ///
    /// Default: `nvidia.com/gpu`.
    public static let gpuResourceName = "nvidia.com/gpu"
    /// GPUs per replica.
    ///
    /// Default: 1.
    public static let gpusPerReplica = 1
    /// Failed intervals before the fallback replica count applies.
    ///
    /// Default: 3.
    public static let fallbackFailureThreshold = 3
    /// Idle seconds before a pool may scale to zero.
    ///
    /// Default: 300.
    public static let scaleToZeroIdleSeconds = 300
    /// Waiting requests that wake a pool at zero.
    ///
    /// Default: 1.
    public static let activationWaitingRequests = 1.0
    /// Factor by which short-window demand must exceed capacity to burst.
    ///
    /// Default: 2.
    public static let burstFactor = 2.0
    /// Tolerance around a ratio of 1 within which no scaling happens, per direction.
    ///
    /// Default: 0.1.
    public static let tolerance = 0.1
    /// Scale-down stabilization window in seconds, as HPA's.
    ///
    /// Default: 300.
    public static let scaleDownStabilizationSeconds = 300
    /// Scale-up stabilization window in seconds, as HPA's.
    ///
    /// Default: 0.
    public static let scaleUpStabilizationSeconds = 0
    /// Entries kept in `status.scalingHistory`.
    ///
    /// Default: 10.
    public static let scalingHistoryLimit = 10
}
