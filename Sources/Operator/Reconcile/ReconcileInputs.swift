import YAML

/// Everything one reconcile read, as plain values: the input of ``ReconcilePlanner``.
public struct ReconcileInputs: Sendable {
    /// The pool as read.
    public var pool: PoolSnapshot
    /// The target Deployment, or `nil` when it does not exist.
    public var deployment: DeploymentSnapshot?
    /// Other autoscalers in the namespace.
    public var autoscalers: [AutoscalerReference]
    /// The other InferencePools in the namespace (this pool excluded or not: it is skipped by name).
    public var otherPools: [PoolReference]
    /// GPU capacity for the pool.
    public var capacity: GPUCapacity
    /// The engine's decision, or `nil` when it was not asked (invalid spec, no target).
    public var verdict: EngineVerdict?
    /// Why signals could not be read at all, if so.
    public var metricsError: String?
    /// The last replica change PoolPilot actually wrote for this pool (kept in memory), even when
    /// the status write that should have recorded it failed.
    public var lastWrite: ScalingRecord?
    /// The time of this reconcile, RFC 3339.
    public var now: String

    /// Creates inputs.
    public init(
        pool: PoolSnapshot,
        deployment: DeploymentSnapshot?,
        autoscalers: [AutoscalerReference] = [],
        otherPools: [PoolReference] = [],
        capacity: GPUCapacity,
        verdict: EngineVerdict?,
        metricsError: String? = nil,
        lastWrite: ScalingRecord? = nil,
        now: String
    ) {
        self.lastWrite = lastWrite
        self.pool = pool
        self.deployment = deployment
        self.autoscalers = autoscalers
        self.otherPools = otherPools
        self.capacity = capacity
        self.verdict = verdict
        self.metricsError = metricsError
        self.now = now
    }
}

/// The pool's identity, spec and last status.
public struct PoolSnapshot: Sendable {
    /// Namespace.
    public var namespace: String
    /// Name.
    public var name: String
    /// `metadata.generation`.
    public var generation: Int64?
    /// The decoded spec.
    public var spec: InferencePoolSpec
    /// The last written status.
    public var status: InferencePoolStatus
    /// `metadata.creationTimestamp` (RFC 3339), which decides which of two pools keeps a Deployment.
    public var creationTimestamp: String?

    /// Creates a snapshot.
    public init(
        namespace: String,
        name: String,
        generation: Int64?,
        spec: InferencePoolSpec,
        status: InferencePoolStatus,
        creationTimestamp: String? = nil
    ) {
        self.creationTimestamp = creationTimestamp
        self.namespace = namespace
        self.name = name
        self.generation = generation
        self.spec = spec
        self.status = status
    }
}

/// The target Deployment as read.
public struct DeploymentSnapshot: Sendable {
    /// The whole object, so unknown fields survive a template write.
    public var object: JSONValue

    /// Creates a snapshot of `object`.
    public init(object: JSONValue) {
        self.object = object
    }

    /// `metadata.name`.
    public var name: String { object.value(at: ["metadata", "name"])?.stringValue ?? "" }
    /// `metadata.resourceVersion`.
    public var resourceVersion: String? { object.value(at: ["metadata", "resourceVersion"])?.stringValue }
    /// `spec.replicas` (1 when absent, as the API server defaults it).
    public var specReplicas: Int { object.value(at: ["spec", "replicas"])?.integerValue.map { Int($0) } ?? 1 }
    /// `status.replicas`.
    public var statusReplicas: Int { object.value(at: ["status", "replicas"])?.integerValue.map { Int($0) } ?? 0 }
    /// `status.readyReplicas`.
    public var readyReplicas: Int { object.value(at: ["status", "readyReplicas"])?.integerValue.map { Int($0) } ?? 0 }
    /// `spec.selector.matchLabels` as a label selector string, keys sorted.
    public var selector: String {
        let labels = object.value(at: ["spec", "selector", "matchLabels"])?.objectValue ?? [:]
        return labels.compactMap { key, value in value.stringValue.map { "\(key)=\($0)" } }.sorted()
            .joined(separator: ",")
    }
}
