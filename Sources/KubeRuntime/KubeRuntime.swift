// KubeRuntime owns what an operator needs around its reconcile function: informers and caches, the
// work queue, the controller loop, leader election, the event recorder, and the health and metrics
// endpoints. It builds on Kube and Telemetry and must never import Operator, Cluster or Metrics.

/// Defaults shared by the runtime's pieces, after client-go and controller-runtime.
public enum RuntimeDefaults {
    /// Lease duration in seconds (client-go's default).
    public static let leaseDurationSeconds = 15.0
    /// Renew deadline in seconds (client-go's default).
    public static let renewDeadlineSeconds = 10.0
    /// Retry period in seconds (client-go's default).
    public static let retryPeriodSeconds = 2.0
}
