/// The observed state of an InferencePool, written by PoolPilot through the status subresource.
public struct InferencePoolStatus: Codable, Sendable, Equatable {
    /// The spec generation this status describes.
    public var observedGeneration: Int64?
    /// The Deployment's current replicas (the scale subresource's status.replicas).
    public var replicas: Int
    /// Ready replicas of the Deployment.
    public var readyReplicas: Int
    /// The replica count PoolPilot last decided.
    public var desiredReplicas: Int?
    /// The pods' label selector as a string (the scale subresource's status.selector).
    public var selector: String?
    /// When PoolPilot last changed the replica count, RFC 3339.
    public var lastScaleTime: String?
    /// Waiting requests per ready replica in the last reading.
    public var waitingPerReplica: Double?
    /// Mean GPU memory utilization of the ready replicas, 0 to 1, in the last reading.
    public var gpuMemoryUtilization: Double?
    /// Each signal's value and target and the replicas it proposed.
    public var currentMetrics: [SignalStatus]
    /// GPU capacity seen on the matching nodes.
    public var gpu: GPUCapacityStatus?
    /// The most recent replica changes, newest last.
    public var scalingHistory: [ScalingRecord]
    /// Ready, ScalingActive, ScalingLimited, MetricsAvailable, CapacityAvailable, Conflict.
    public var conditions: [PoolCondition]

    /// Creates a status.
    public init(
        observedGeneration: Int64? = nil,
        replicas: Int = 0,
        readyReplicas: Int = 0,
        desiredReplicas: Int? = nil,
        selector: String? = nil,
        lastScaleTime: String? = nil,
        waitingPerReplica: Double? = nil,
        gpuMemoryUtilization: Double? = nil,
        currentMetrics: [SignalStatus] = [],
        gpu: GPUCapacityStatus? = nil,
        scalingHistory: [ScalingRecord] = [],
        conditions: [PoolCondition] = []
    ) {
        self.observedGeneration = observedGeneration
        self.replicas = replicas
        self.readyReplicas = readyReplicas
        self.desiredReplicas = desiredReplicas
        self.selector = selector
        self.lastScaleTime = lastScaleTime
        self.waitingPerReplica = waitingPerReplica
        self.gpuMemoryUtilization = gpuMemoryUtilization
        self.currentMetrics = currentMetrics
        self.gpu = gpu
        self.scalingHistory = scalingHistory
        self.conditions = conditions
    }

    /// Decodes a status; absent counts are 0 and absent lists empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        replicas = try container.decodeIfPresent(Int.self, forKey: .replicas) ?? 0
        readyReplicas = try container.decodeIfPresent(Int.self, forKey: .readyReplicas) ?? 0
        desiredReplicas = try container.decodeIfPresent(Int.self, forKey: .desiredReplicas)
        selector = try container.decodeIfPresent(String.self, forKey: .selector)
        lastScaleTime = try container.decodeIfPresent(String.self, forKey: .lastScaleTime)
        waitingPerReplica = try container.decodeIfPresent(Double.self, forKey: .waitingPerReplica)
        gpuMemoryUtilization = try container.decodeIfPresent(Double.self, forKey: .gpuMemoryUtilization)
        currentMetrics = try container.decodeIfPresent([SignalStatus].self, forKey: .currentMetrics) ?? []
        gpu = try container.decodeIfPresent(GPUCapacityStatus.self, forKey: .gpu)
        scalingHistory = try container.decodeIfPresent([ScalingRecord].self, forKey: .scalingHistory) ?? []
        conditions = try container.decodeIfPresent([PoolCondition].self, forKey: .conditions) ?? []
    }

    /// The condition of `kind`, if reported.
    public func condition(_ kind: PoolCondition.Kind) -> PoolCondition? {
        conditions.first { $0.type == kind.rawValue }
    }

    /// The schema of `status`.
    public static let schema = SchemaNode.object(
        "The observed state of the pool, written by PoolPilot.",
        [
            (
                "observedGeneration",
                .integer("The spec generation this status describes.", minimum: 0, format: "int64")
            ),
            ("replicas", .integer("The Deployment's current replicas.", minimum: 0)),
            ("readyReplicas", .integer("Ready replicas of the Deployment.", minimum: 0)),
            ("desiredReplicas", .integer("The replica count PoolPilot last decided.", minimum: 0)),
            ("selector", .string("The pods' label selector, for the scale subresource.", maxLength: 4096)),
            ("lastScaleTime", .string("When PoolPilot last changed the replica count.", format: "date-time")),
            ("waitingPerReplica", .number("Waiting requests per ready replica in the last reading.", minimum: 0)),
            (
                "gpuMemoryUtilization",
                .number("Mean GPU memory utilization of the ready replicas, 0 to 1.", minimum: 0)
            ),
            (
                "currentMetrics",
                .array(
                    "Each signal's current value per replica, its target, and the replicas it proposed.",
                    of: SignalStatus.schema,
                    maxItems: 16,
                    listType: "map",
                    listMapKeys: ["name"]
                )
            ),
            ("gpu", GPUCapacityStatus.schema),
            (
                "scalingHistory",
                .array(
                    "The most recent replica changes, newest last.",
                    of: ScalingRecord.schema,
                    maxItems: InferencePoolDefaults.scalingHistoryLimit
                )
            ),
            (
                "conditions",
                .array(
                    "Ready, ScalingActive, ScalingLimited, MetricsAvailable, CapacityAvailable and Conflict.",
                    of: PoolCondition.schema,
                    maxItems: 16,
                    listType: "map",
                    listMapKeys: ["type"]
                )
            ),
        ]
    )
}

/// One signal's reading.
public struct SignalStatus: Codable, Sendable, Equatable {
    /// The signal's name, e.g. `waitingRequestsPerReplica`.
    public var name: String
    /// The current value per replica; absent when the signal is missing.
    public var current: Double?
    /// The target per replica.
    public var target: Double
    /// The replicas this signal proposed.
    public var proposedReplicas: Int?

    /// Creates a reading.
    public init(name: String, current: Double?, target: Double, proposedReplicas: Int?) {
        self.name = name
        self.current = current
        self.target = target
        self.proposedReplicas = proposedReplicas
    }

    /// The schema of one reading.
    public static let schema = SchemaNode.object(
        "One signal's reading.",
        [
            ("name", .string("The signal, e.g. waitingRequestsPerReplica.", maxLength: 63)),
            ("current", .number("The current value per replica; absent when missing.")),
            ("target", .number("The target per replica.")),
            ("proposedReplicas", .integer("The replicas this signal proposed.", minimum: 0)),
        ],
        required: ["name", "target"]
    )
}

/// GPU capacity on the nodes matching a pool's placement.
public struct GPUCapacityStatus: Codable, Sendable, Equatable {
    /// Nodes that match the pool's products, memory, selector and tolerations.
    public var matchingNodes: Int
    /// Allocatable GPUs free on those nodes: allocatable minus what scheduled pods request (fractions when time-sliced).
    public var free: Double
    /// Replicas the matching nodes can run: running ones plus those that would fit.
    public var schedulableReplicas: Int
    /// Pods of the pool that are pending.
    public var pendingReplicas: Int

    /// Creates a capacity reading.
    public init(matchingNodes: Int, free: Double, schedulableReplicas: Int, pendingReplicas: Int) {
        self.matchingNodes = matchingNodes
        self.free = free
        self.schedulableReplicas = schedulableReplicas
        self.pendingReplicas = pendingReplicas
    }

    /// The schema of `status.gpu`.
    public static let schema = SchemaNode.object(
        "GPU capacity on the nodes matching the pool's placement.",
        [
            ("matchingNodes", .integer("Nodes matching products, memory, selector and tolerations.", minimum: 0)),
            (
                "free",
                .number(
                    "Allocatable GPUs on those nodes minus what scheduled pods request. A time-sliced GPU "
                        + "counts as the fraction each replica gets.",
                    minimum: 0
                )
            ),
            ("schedulableReplicas", .integer("Replicas the matching nodes can run in all.", minimum: 0)),
            ("pendingReplicas", .integer("Pods of the pool that are pending.", minimum: 0)),
        ],
        required: ["matchingNodes", "free", "schedulableReplicas", "pendingReplicas"]
    )
}

/// One replica change.
public struct ScalingRecord: Codable, Sendable, Equatable {
    /// When it happened, RFC 3339.
    public var time: String
    /// Replicas before.
    public var from: Int
    /// Replicas after.
    public var to: Int
    /// The event reason, e.g. `ScaledUp`.
    public var reason: String
    /// The engine's explanation.
    public var message: String

    /// Creates a record.
    public init(time: String, from: Int, to: Int, reason: String, message: String) {
        self.time = time
        self.from = from
        self.to = to
        self.reason = reason
        self.message = message
    }

    /// The schema of one record.
    public static let schema = SchemaNode.object(
        "One replica change.",
        [
            ("time", .string("When it happened.", format: "date-time")),
            ("from", .integer("Replicas before.", minimum: 0)),
            ("to", .integer("Replicas after.", minimum: 0)),
            ("reason", .string("Why, as an event reason such as ScaledUp.", maxLength: 128)),
            ("message", .string("The explanation.", maxLength: 1024)),
        ],
        required: ["time", "from", "to", "reason", "message"]
    )
}
