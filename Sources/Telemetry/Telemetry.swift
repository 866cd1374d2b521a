// Telemetry owns the structured logger and the operator's own metrics registry with Prometheus text
// exposition. It imports nothing from PoolPilot: every other module may depend on it.

/// Names shared by the logger and the metrics registry.
public enum TelemetryNames {
    /// The prefix of every metric the operator exports.
    public static let metricPrefix = "poolpilot_"
}
