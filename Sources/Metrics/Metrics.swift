// Metrics owns Prometheus text and OpenMetrics parsing, pod scraping, the PromQL client and the
// vLLM/Triton/DCGM profiles that turn samples into per-pod and pool signals (docs/metrics.md).
// It depends only on HTTP and must never import Kube, Scaling, Operator or anything above them.
// The files in Exposition/ import nothing but the standard library, so fuzz/ can build them alone.

/// Facts about the exposition formats this module reads.
public enum ExpositionFormats {
    /// The Accept header sent when scraping: OpenMetrics preferred, text 0.0.4 accepted.
    public static let acceptHeader =
        "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
}
