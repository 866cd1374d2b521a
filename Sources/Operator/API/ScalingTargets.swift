/// The per-replica values a pool aims for; each signal proposes a replica count and the largest wins.
public struct ScalingTargets: Codable, Sendable, Equatable {
    /// Requests queued (not yet running) per replica.
    public var waitingRequestsPerReplica: Double?
    /// Requests being processed per replica.
    public var runningRequestsPerReplica: Double?
    /// KV-cache utilization per replica, 0 to 1.
    public var kvCacheUtilization: Double?
    /// GPU memory utilization per replica, 0 to 1.
    public var gpuMemoryUtilization: Double?
    /// Average seconds a request waits in the queue.
    public var queueTimeSeconds: Double?
    /// Signals named by the user: a scraped metric or a PromQL query.
    public var custom: [CustomTarget]

    /// Creates targets; leave a signal `nil` to ignore it.
    public init(
        waitingRequestsPerReplica: Double? = nil,
        runningRequestsPerReplica: Double? = nil,
        kvCacheUtilization: Double? = nil,
        gpuMemoryUtilization: Double? = nil,
        queueTimeSeconds: Double? = nil,
        custom: [CustomTarget] = []
    ) {
        self.waitingRequestsPerReplica = waitingRequestsPerReplica
        self.runningRequestsPerReplica = runningRequestsPerReplica
        self.kvCacheUtilization = kvCacheUtilization
        self.gpuMemoryUtilization = gpuMemoryUtilization
        self.queueTimeSeconds = queueTimeSeconds
        self.custom = custom
    }

    private enum CodingKeys: String, CodingKey {
        case waitingRequestsPerReplica, runningRequestsPerReplica, kvCacheUtilization, gpuMemoryUtilization
        case queueTimeSeconds, custom
    }

    /// Decodes targets; an absent `custom` list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        waitingRequestsPerReplica = try container.decodeIfPresent(Double.self, forKey: .waitingRequestsPerReplica)
        runningRequestsPerReplica = try container.decodeIfPresent(Double.self, forKey: .runningRequestsPerReplica)
        kvCacheUtilization = try container.decodeIfPresent(Double.self, forKey: .kvCacheUtilization)
        gpuMemoryUtilization = try container.decodeIfPresent(Double.self, forKey: .gpuMemoryUtilization)
        queueTimeSeconds = try container.decodeIfPresent(Double.self, forKey: .queueTimeSeconds)
        custom = try container.decodeIfPresent([CustomTarget].self, forKey: .custom) ?? []
    }

    /// Encodes targets, leaving out an empty `custom` list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(waitingRequestsPerReplica, forKey: .waitingRequestsPerReplica)
        try container.encodeIfPresent(runningRequestsPerReplica, forKey: .runningRequestsPerReplica)
        try container.encodeIfPresent(kvCacheUtilization, forKey: .kvCacheUtilization)
        try container.encodeIfPresent(gpuMemoryUtilization, forKey: .gpuMemoryUtilization)
        try container.encodeIfPresent(queueTimeSeconds, forKey: .queueTimeSeconds)
        if !custom.isEmpty { try container.encode(custom, forKey: .custom) }
    }

    /// Whether no signal has a target.
    public var isEmpty: Bool {
        waitingRequestsPerReplica == nil && runningRequestsPerReplica == nil && kvCacheUtilization == nil
            && gpuMemoryUtilization == nil && queueTimeSeconds == nil && custom.isEmpty
    }

    /// The schema of `spec.targets`.
    public static let schema = SchemaNode.object(
        "The values the pool aims for. Each signal that has a target proposes ceil(ready replicas x "
            + "current / target) replicas; the largest proposal wins. Set at least one.",
        [
            (
                "waitingRequestsPerReplica",
                .number(
                    "Requests waiting in the server's queue per replica (vllm:num_requests_waiting, "
                        + "nv_inference_pending_request_count). The usual first choice.",
                    minimum: 0,
                    exclusiveMinimum: true
                )
            ),
            (
                "runningRequestsPerReplica",
                .number(
                    "Requests being processed per replica (vllm:num_requests_running).",
                    minimum: 0,
                    exclusiveMinimum: true
                )
            ),
            (
                "kvCacheUtilization",
                .number(
                    "KV-cache utilization per replica, 0 to 1 (vllm:kv_cache_usage_perc).",
                    minimum: 0,
                    exclusiveMinimum: true,
                    maximum: 1
                )
            ),
            (
                "gpuMemoryUtilization",
                .number(
                    "GPU memory used per replica, 0 to 1 (Triton's nv_gpu_memory_used_bytes / total).",
                    minimum: 0,
                    exclusiveMinimum: true,
                    maximum: 1
                )
            ),
            (
                "queueTimeSeconds",
                .number(
                    "Average seconds a request waits before it runs, over the last interval.",
                    minimum: 0,
                    exclusiveMinimum: true
                )
            ),
            (
                "custom",
                .array(
                    "Signals named by you: a metric scraped from the pods or a PromQL query.",
                    of: CustomTarget.schema,
                    maxItems: 8,
                    listType: "map",
                    listMapKeys: ["name"]
                )
            ),
        ],
        rules: [
            .cel(
                "has(self.waitingRequestsPerReplica) || has(self.runningRequestsPerReplica) || "
                    + "has(self.kvCacheUtilization) || has(self.gpuMemoryUtilization) || "
                    + "has(self.queueTimeSeconds) || has(self.custom)",
                "set at least one target"
            )
        ]
    )
}

/// A signal named by the user.
public struct CustomTarget: Codable, Sendable, Equatable {
    /// A short name shown in status and events.
    public var name: String
    /// A metric scraped from each pod (summed over its series), when source is scrape.
    public var metric: String?
    /// A PromQL query returning the pool's total, when source is prometheus.
    public var query: String?
    /// The value per replica to aim for.
    public var targetPerReplica: Double

    /// Creates a custom target.
    public init(name: String, metric: String? = nil, query: String? = nil, targetPerReplica: Double) {
        self.name = name
        self.metric = metric
        self.query = query
        self.targetPerReplica = targetPerReplica
    }

    /// The schema of one `spec.targets.custom` entry.
    public static let schema = SchemaNode.object(
        "A signal named by you. Give exactly one of metric (scraped from each pod) or query (PromQL "
            + "returning the pool's total; needs source prometheus).",
        [
            (
                "name",
                .string("A short name shown in status and events.", pattern: "^[a-zA-Z][a-zA-Z0-9_]*$", maxLength: 63)
            ),
            (
                "metric",
                .string(
                    "A metric name scraped from each pod; its series are summed per pod.",
                    pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$",
                    maxLength: 200
                )
            ),
            ("query", .string("A PromQL query that returns one number: the pool's total.", maxLength: 4096)),
            (
                "targetPerReplica",
                .number("The value per replica to aim for.", minimum: 0, exclusiveMinimum: true)
            ),
        ],
        required: ["name", "targetPerReplica"],
        rules: [.cel("has(self.metric) != has(self.query)", "set exactly one of metric or query")]
    )
}
