/// The desired state of an InferencePool: what to scale, between which bounds, on which signals.
public struct InferencePoolSpec: Codable, Sendable, Equatable {
    /// The Deployment scaled, in the pool's namespace.
    public var targetRef: TargetReference
    /// The inference server the pods run.
    public var server: ServerKind
    /// The served model name, used to pick series when a server serves several models.
    public var model: String?
    /// Fewest replicas while there is traffic.
    ///
    /// Default: 1.
    public var minReplicas: Int
    /// Most replicas.
    public var maxReplicas: Int
    /// A manual hold: when set, the pool runs exactly this many replicas and does not autoscale.
    ///
    /// `kubectl scale ipool NAME --replicas N` sets it through the scale subresource; removing it
    /// (`kubectl patch ipool NAME --type merge -p '{"spec":{"replicas":null}}'`) resumes autoscaling.
    public var replicas: Int?
    /// Stop all writes to the Deployment while still reporting status.
    ///
    /// Default: false.
    public var paused: Bool
    /// Where and how often signals are read.
    public var metrics: MetricsSpec
    /// The per-replica values the pool aims for.
    public var targets: ScalingTargets
    /// Rate limits and stabilization, as HPA's behavior.
    public var behavior: ScalingBehavior?
    /// Burst mode settings.
    public var burst: BurstSpec
    /// GPU needs and placement.
    public var gpu: GPUSpec
    /// Scale-to-zero settings.
    public var scaleToZero: ScaleToZeroSpec?

    /// Creates a spec.
    public init(
        targetRef: TargetReference,
        server: ServerKind,
        model: String? = nil,
        minReplicas: Int = InferencePoolDefaults.minReplicas,
        maxReplicas: Int,
        replicas: Int? = nil,
        paused: Bool = false,
        metrics: MetricsSpec = MetricsSpec(),
        targets: ScalingTargets,
        behavior: ScalingBehavior? = nil,
        burst: BurstSpec = BurstSpec(),
        gpu: GPUSpec = GPUSpec(),
        scaleToZero: ScaleToZeroSpec? = nil
    ) {
        self.targetRef = targetRef
        self.server = server
        self.model = model
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.replicas = replicas
        self.paused = paused
        self.metrics = metrics
        self.targets = targets
        self.behavior = behavior
        self.burst = burst
        self.gpu = gpu
        self.scaleToZero = scaleToZero
    }

    /// Decodes a spec, filling in the CRD's defaults for absent fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        targetRef = try container.decode(TargetReference.self, forKey: .targetRef)
        server = try container.decode(ServerKind.self, forKey: .server)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        minReplicas = try container.decodeIfPresent(Int.self, forKey: .minReplicas) ?? InferencePoolDefaults.minReplicas
        maxReplicas = try container.decode(Int.self, forKey: .maxReplicas)
        replicas = try container.decodeIfPresent(Int.self, forKey: .replicas)
        paused = try container.decodeIfPresent(Bool.self, forKey: .paused) ?? false
        metrics = try container.decodeIfPresent(MetricsSpec.self, forKey: .metrics) ?? MetricsSpec()
        targets = try container.decode(ScalingTargets.self, forKey: .targets)
        behavior = try container.decodeIfPresent(ScalingBehavior.self, forKey: .behavior)
        burst = try container.decodeIfPresent(BurstSpec.self, forKey: .burst) ?? BurstSpec()
        gpu = try container.decodeIfPresent(GPUSpec.self, forKey: .gpu) ?? GPUSpec()
        scaleToZero = try container.decodeIfPresent(ScaleToZeroSpec.self, forKey: .scaleToZero)
    }

    /// The schema of `spec`.
    public static let schema = SchemaNode.object(
        "The desired state of the pool: which Deployment to scale, between which bounds, on which "
            + "signals, and on which GPUs.",
        [
            ("targetRef", TargetReference.schema),
            (
                "server",
                .string(
                    "The inference server the pods run: vllm or triton. It selects the metric names read.",
                    enum: ServerKind.allCases.map(\.rawValue)
                )
            ),
            (
                "model",
                .string(
                    "The served model name (vLLM's model_name label, Triton's model label). Set it when a "
                        + "server serves several models; absent means all models on the pods.",
                    maxLength: 253
                )
            ),
            (
                "minReplicas",
                .integer(
                    "Fewest replicas while there is traffic (see scaleToZero for idle pools).",
                    minimum: 0,
                    maximum: 10000,
                    default: InferencePoolDefaults.minReplicas
                )
            ),
            ("maxReplicas", .integer("Most replicas.", minimum: 1, maximum: 10000)),
            (
                "replicas",
                .integer(
                    "A manual hold. When set, the pool runs exactly this many replicas and does not "
                        + "autoscale. kubectl scale ipool NAME --replicas N sets it; remove it to resume "
                        + "autoscaling: kubectl patch ipool NAME --type merge -p '{\"spec\":{\"replicas\":null}}'.",
                    minimum: 0,
                    maximum: 10000
                )
            ),
            (
                "paused",
                .boolean(
                    "Stop writing to the Deployment (replicas and template) while still reading signals "
                        + "and reporting status.",
                    default: false
                )
            ),
            ("metrics", MetricsSpec.schema.withDefault(.map([]))),
            ("targets", ScalingTargets.schema),
            ("behavior", ScalingBehavior.schema),
            ("burst", BurstSpec.schema.withDefault(.map([]))),
            ("gpu", GPUSpec.schema.withDefault(.map([]))),
            ("scaleToZero", ScaleToZeroSpec.schema),
        ],
        required: ["targetRef", "server", "maxReplicas", "targets"],
        rules: [
            .cel(
                "!has(self.minReplicas) || self.minReplicas <= self.maxReplicas",
                "minReplicas must be less than or equal to maxReplicas"
            ),
            .cel(
                "!has(self.replicas) || self.replicas <= self.maxReplicas",
                "replicas (a manual hold) must be less than or equal to maxReplicas"
            ),
        ]
    )
}
