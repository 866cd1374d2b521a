/// What GPUs a replica needs and where its pods may run.
public struct GPUSpec: Codable, Sendable, Equatable {
    /// What to do when the matching nodes cannot take another replica.
    public enum CapacityPolicy: String, Codable, Sendable, Equatable, CaseIterable {
        /// Never ask for more replicas than the matching nodes can schedule.
        case Hold
        /// Ask anyway, so the extra pods pend and a cluster autoscaler can add nodes.
        case Pend
    }

    /// The extended resource a replica asks for such as `nvidia.com/gpu` or `nvidia.com/mig-3g.40gb`.
    public var resourceName: String
    /// How many of `resourceName` each replica asks for.
    ///
    /// Default: 1.
    public var count: Int
    /// Accepted GPU products, as GFD's `nvidia.com/gpu.product` label; empty accepts any.
    public var products: [String]
    /// Least memory per GPU in MiB, as GFD's `nvidia.com/gpu.memory` label.
    public var minMemoryMiB: Int?
    /// Extra node labels a node must carry.
    public var nodeSelector: [String: String]
    /// Extra tolerations added to the pods (the `nvidia.com/gpu` one is always added).
    public var tolerations: [Toleration]
    /// What to do when capacity runs out.
    ///
    /// Default: `Hold`.
    public var capacityPolicy: CapacityPolicy
    /// Whether PoolPilot writes GPU placement into the Deployment's pod template.
    ///
    /// Default: true.
    public var managePlacement: Bool

    /// Creates a GPU section.
    public init(
        resourceName: String = InferencePoolDefaults.gpuResourceName,
        count: Int = InferencePoolDefaults.gpusPerReplica,
        products: [String] = [],
        minMemoryMiB: Int? = nil,
        nodeSelector: [String: String] = [:],
        tolerations: [Toleration] = [],
        capacityPolicy: CapacityPolicy = .Hold,
        managePlacement: Bool = true
    ) {
        self.resourceName = resourceName
        self.count = count
        self.products = products
        self.minMemoryMiB = minMemoryMiB
        self.nodeSelector = nodeSelector
        self.tolerations = tolerations
        self.capacityPolicy = capacityPolicy
        self.managePlacement = managePlacement
    }

    private enum CodingKeys: String, CodingKey {
        case resourceName, count, products, minMemoryMiB, nodeSelector, tolerations, capacityPolicy, managePlacement
    }

    /// Decodes the section, filling in defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resourceName =
            try container.decodeIfPresent(String.self, forKey: .resourceName) ?? InferencePoolDefaults.gpuResourceName
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? InferencePoolDefaults.gpusPerReplica
        products = try container.decodeIfPresent([String].self, forKey: .products) ?? []
        minMemoryMiB = try container.decodeIfPresent(Int.self, forKey: .minMemoryMiB)
        nodeSelector = try container.decodeIfPresent([String: String].self, forKey: .nodeSelector) ?? [:]
        tolerations = try container.decodeIfPresent([Toleration].self, forKey: .tolerations) ?? []
        capacityPolicy = try container.decodeIfPresent(CapacityPolicy.self, forKey: .capacityPolicy) ?? .Hold
        managePlacement = try container.decodeIfPresent(Bool.self, forKey: .managePlacement) ?? true
    }

    /// Encodes the section, leaving out empty lists and maps.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resourceName, forKey: .resourceName)
        try container.encode(count, forKey: .count)
        if !products.isEmpty { try container.encode(products, forKey: .products) }
        try container.encodeIfPresent(minMemoryMiB, forKey: .minMemoryMiB)
        if !nodeSelector.isEmpty { try container.encode(nodeSelector, forKey: .nodeSelector) }
        if !tolerations.isEmpty { try container.encode(tolerations, forKey: .tolerations) }
        try container.encode(capacityPolicy, forKey: .capacityPolicy)
        try container.encode(managePlacement, forKey: .managePlacement)
    }

    /// Whether the resource is a MIG profile (`nvidia.com/mig-<g>g.<m>gb`).
    public var isMIGProfile: Bool {
        resourceName.hasPrefix("nvidia.com/mig-")
    }

    /// The schema of `spec.gpu`.
    public static let schema = SchemaNode.object(
        "What GPUs each replica needs and where its pods may run. PoolPilot counts free GPUs on the "
            + "matching nodes (allocatable minus what scheduled pods request; time-sliced GPUs count as "
            + "the fractions they are) and, when managePlacement is true, writes resources.limits, a "
            + "node affinity on GPU Feature Discovery labels and the nvidia.com/gpu toleration into the "
            + "Deployment's pod template, only when they differ.",
        [
            (
                "resourceName",
                .string(
                    "The extended resource each replica asks for: nvidia.com/gpu, nvidia.com/gpu.shared, or "
                        + "a MIG profile such as nvidia.com/mig-3g.40gb.",
                    default: InferencePoolDefaults.gpuResourceName,
                    pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$",
                    maxLength: 253
                )
            ),
            (
                "count",
                .integer(
                    "How many of resourceName each replica asks for.",
                    minimum: 1,
                    maximum: 16,
                    default: InferencePoolDefaults.gpusPerReplica
                )
            ),
            (
                "products",
                .array(
                    "Accepted GPU products as GPU Feature Discovery labels them (nvidia.com/gpu.product), "
                        + "e.g. NVIDIA-H100-80GB-HBM3. A time-sliced node's -SHARED suffix is matched too. "
                        + "Empty accepts any product.",
                    of: .string("A GPU product label value.", maxLength: 63),
                    maxItems: 16,
                    listType: "set"
                )
            ),
            (
                "minMemoryMiB",
                .integer(
                    "Least memory per GPU in MiB, compared with nvidia.com/gpu.memory.",
                    minimum: 1,
                    format: "int64"
                )
            ),
            (
                "nodeSelector",
                .map(
                    "Extra node labels a node must carry to run the pool's pods.",
                    values: .string("A label value.", maxLength: 63)
                )
            ),
            (
                "tolerations",
                .array(
                    "Extra tolerations for the pool's pods. The nvidia.com/gpu NoSchedule toleration is "
                        + "always added.",
                    of: Toleration.schema,
                    maxItems: 16
                )
            ),
            (
                "capacityPolicy",
                .string(
                    "When the matching nodes cannot take another replica: Hold caps the replicas at what "
                        + "can be scheduled; Pend asks anyway so a cluster autoscaler can add nodes.",
                    enum: CapacityPolicy.allCases.map(\.rawValue),
                    default: CapacityPolicy.Hold.rawValue
                )
            ),
            (
                "managePlacement",
                .boolean(
                    "Write GPU placement into the Deployment's pod template. Any template change rolls "
                        + "every pod, so PoolPilot writes it only when it differs.",
                    default: true
                )
            ),
        ]
    )
}
