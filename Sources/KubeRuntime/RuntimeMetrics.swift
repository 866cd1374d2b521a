import Telemetry

/// The runtime's standard metrics, registered once per ``MetricsRegistry``.
///
/// | name | type | labels |
/// | --- | --- | --- |
/// | `poolpilot_reconcile_total` | counter | `controller`, `result` (success, requeue, error, terminal) |
/// | `poolpilot_reconcile_duration_seconds` | histogram | `controller` |
/// | `poolpilot_workqueue_depth` | gauge | `name` |
/// | `poolpilot_workqueue_adds_total` | counter | `name` |
/// | `poolpilot_workqueue_queue_duration_seconds` | histogram | `name` |
/// | `poolpilot_workqueue_retries_total` | counter | `name` |
/// | `poolpilot_watch_restarts_total` | counter | `resource`, `reason` |
/// | `poolpilot_api_requests_total` | counter | `verb`, `code` |
/// | `poolpilot_leader` | gauge | `lease` (1 while leading) |
/// | `poolpilot_events_total` | counter | `result` (created, updated, dropped, failed) |
public struct RuntimeMetrics: Sendable {
    /// Reconciles by controller and result.
    public let reconciles: Counter
    /// Reconcile time by controller.
    public let reconcileDuration: Histogram
    /// Keys waiting in a work queue.
    public let queueDepth: Gauge
    /// Keys added to a work queue.
    public let queueAdds: Counter
    /// Time from a key being queued to a worker taking it.
    public let queueLatency: Histogram
    /// Rate-limited re-adds.
    public let queueRetries: Counter
    /// Watch restarts by resource and reason (`closed`, `expired`, `error`).
    public let watchRestarts: Counter
    /// API requests the runtime made, by verb and HTTP status code (`0` when no response came).
    public let apiRequests: Counter
    /// 1 while this process holds the lease.
    public let leader: Gauge
    /// Event recorder outcomes.
    public let events: Counter

    /// Registers (or finds) the standard metrics in `registry`.
    ///
    /// - Throws: ``MetricsError`` when a metric of the same name was registered differently.
    public static func register(in registry: MetricsRegistry) async throws -> RuntimeMetrics {
        let latencyBuckets: [Double] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60]
        return RuntimeMetrics(
            reconciles: try await registry.makeCounter(
                "poolpilot_reconcile_total",
                help: "Reconciles by controller and result.",
                labelNames: ["controller", "result"]
            ),
            reconcileDuration: try await registry.makeHistogram(
                "poolpilot_reconcile_duration_seconds",
                help: "Time spent in reconcile, by controller.",
                labelNames: ["controller"]
            ),
            queueDepth: try await registry.makeGauge(
                "poolpilot_workqueue_depth",
                help: "Keys waiting in the work queue.",
                labelNames: ["name"]
            ),
            queueAdds: try await registry.makeCounter(
                "poolpilot_workqueue_adds_total",
                help: "Keys added to the work queue.",
                labelNames: ["name"]
            ),
            queueLatency: try await registry.makeHistogram(
                "poolpilot_workqueue_queue_duration_seconds",
                help: "Time a key waits in the work queue before a worker takes it.",
                labelNames: ["name"],
                buckets: latencyBuckets
            ),
            queueRetries: try await registry.makeCounter(
                "poolpilot_workqueue_retries_total",
                help: "Rate-limited re-adds after a failed reconcile.",
                labelNames: ["name"]
            ),
            watchRestarts: try await registry.makeCounter(
                "poolpilot_watch_restarts_total",
                help: "Watch restarts by resource and reason.",
                labelNames: ["resource", "reason"]
            ),
            apiRequests: try await registry.makeCounter(
                "poolpilot_api_requests_total",
                help: "Kubernetes API requests made by the runtime, by verb and status code.",
                labelNames: ["verb", "code"]
            ),
            leader: try await registry.makeGauge(
                "poolpilot_leader",
                help: "1 while this process holds the leader lease.",
                labelNames: ["lease"]
            ),
            events: try await registry.makeCounter(
                "poolpilot_events_total",
                help: "Kubernetes Events by outcome.",
                labelNames: ["result"]
            )
        )
    }
}
