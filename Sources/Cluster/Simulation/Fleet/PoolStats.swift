/// What the simulation publishes about one Deployment's serving pool (the demo's timeline reads it
/// from the `poolpilot-sim-<deployment>` ConfigMap).
public struct PoolStats: Sendable, Equatable, Codable {
    /// Simulation seconds since the fleet started.
    public var time: Double
    /// Requests offered since the load started.
    public var arrivals: Int
    /// Arrivals per second over the last few seconds.
    public var arrivalRate: Double
    /// Requests waiting across replicas.
    public var waiting: Int
    /// Requests running across replicas.
    public var running: Int
    /// Replicas with a pod (loading or ready).
    public var replicas: Int
    /// Replicas taking traffic.
    public var readyReplicas: Int
    /// GPU memory in use across replicas, bytes.
    public var gpuMemoryUsedBytes: Int64
    /// GPU memory of the replicas' devices, bytes.
    public var gpuMemoryTotalBytes: Int64
    /// Requests that ended (completed, rejected or aborted).
    public var finished: Int
    /// Requests that met the TTFT objective.
    public var met: Int
    /// Requests rejected for want of a ready replica.
    public var rejected: Int
    /// The TTFT objective, seconds.
    public var timeToFirstTokenBound: Double
    /// Whether every request of the load has arrived.
    public var isLoadComplete: Bool

    /// Fraction of ended requests that met the objective; `nil` before any ended.
    public var attainment: Double? {
        finished == 0 ? nil : Double(met) / Double(finished)
    }
}
