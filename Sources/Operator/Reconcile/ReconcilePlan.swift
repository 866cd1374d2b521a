import YAML

/// What one reconcile will do: the output of ``ReconcilePlanner``, carried out by the acting step.
public struct ReconcilePlan: Sendable {
    /// A replica change through the Deployment's scale subresource.
    public struct ReplicaWrite: Sendable, Equatable {
        /// Replicas read.
        public var from: Int
        /// Replicas to write.
        public var to: Int
        /// The Deployment resourceVersion read, so a concurrent change makes the write fail with 409.
        public var resourceVersion: String?

        /// Creates a replica write.
        public init(from: Int, to: Int, resourceVersion: String?) {
            self.from = from
            self.to = to
            self.resourceVersion = resourceVersion
        }
    }

    /// The replica write, if the count changes.
    public var replicaWrite: ReplicaWrite?
    /// The Deployment with its placed pod template, if the placement differs.
    public var templateWrite: JSONValue?
    /// What the template write changes, for logs and the Event.
    public var templateChanges: [String]
    /// The status to write through the status subresource.
    public var status: InferencePoolStatus
    /// Events to record on the pool.
    public var events: [PlannedEvent]
    /// Seconds until the next reconcile (the pool's metrics interval).
    public var requeueAfterSeconds: Int
}
