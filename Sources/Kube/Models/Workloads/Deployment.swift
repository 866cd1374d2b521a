// Deployment (apps/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Deployment (apps/v1): the workload PoolPilot scales.
public struct Deployment: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `apps/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Deployment`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: DeploymentSpec?
    /// The observed state, written by controllers.
    public var status: DeploymentStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "apps/v1",
        kind: String = "Deployment",
        metadata: ObjectMeta = ObjectMeta(),
        spec: DeploymentSpec? = nil,
        status: DeploymentStatus? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["apiVersion", "kind", "metadata", "spec", "status"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "apps/v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Deployment"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(DeploymentSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(DeploymentStatus.self, forKey: "status")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(metadata, forKey: "metadata")
        try container.encodeIfPresent(spec, forKey: "spec")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeUnknown(unknownFields)
    }
}

extension Deployment: KubeResource {
    /// `apps/v1` `deployments`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "apps",
        version: "v1",
        plural: "deployments",
        kind: "Deployment",
        namespaced: true
    )
}

/// The desired state of a Deployment.
public struct DeploymentSpec: Codable, Sendable, Equatable {
    /// The desired number of pods.
    ///
    /// Default on the server: 1.
    public var replicas: Int?
    /// Which pods belong to the Deployment.
    public var selector: LabelSelector?
    /// The pods to create.
    public var template: PodTemplateSpec?
    /// The rollout strategy, kept as JSON.
    public var strategy: JSONValue?
    /// Seconds a new pod must be ready before it counts as available.
    public var minReadySeconds: Int?
    /// Whether rollouts are paused.
    public var paused: Bool?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        replicas: Int? = nil,
        selector: LabelSelector? = nil,
        template: PodTemplateSpec? = nil,
        strategy: JSONValue? = nil,
        minReadySeconds: Int? = nil,
        paused: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
        self.minReadySeconds = minReadySeconds
        self.paused = paused
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "replicas", "selector", "template", "strategy", "minReadySeconds", "paused",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas")
        selector = try container.decodeIfPresent(LabelSelector.self, forKey: "selector")
        template = try container.decodeIfPresent(PodTemplateSpec.self, forKey: "template")
        strategy = try container.decodeIfPresent(JSONValue.self, forKey: "strategy")
        minReadySeconds = try container.decodeIfPresent(Int.self, forKey: "minReadySeconds")
        paused = try container.decodeIfPresent(Bool.self, forKey: "paused")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(replicas, forKey: "replicas")
        try container.encodeIfPresent(selector, forKey: "selector")
        try container.encodeIfPresent(template, forKey: "template")
        try container.encodeIfPresent(strategy, forKey: "strategy")
        try container.encodeIfPresent(minReadySeconds, forKey: "minReadySeconds")
        try container.encodeIfPresent(paused, forKey: "paused")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of a Deployment.
public struct DeploymentStatus: Codable, Sendable, Equatable {
    /// The generation the controller last acted on.
    public var observedGeneration: Int?
    /// Pods targeted by the Deployment.
    public var replicas: Int?
    /// Pods running the current template.
    public var updatedReplicas: Int?
    /// Pods that are ready.
    public var readyReplicas: Int?
    /// Pods ready for at least `minReadySeconds`.
    public var availableReplicas: Int?
    /// Pods still needed for full availability.
    public var unavailableReplicas: Int?
    /// Conditions such as `Available` and `Progressing`.
    public var conditions: [Condition]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        observedGeneration: Int? = nil,
        replicas: Int? = nil,
        updatedReplicas: Int? = nil,
        readyReplicas: Int? = nil,
        availableReplicas: Int? = nil,
        unavailableReplicas: Int? = nil,
        conditions: [Condition]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.observedGeneration = observedGeneration
        self.replicas = replicas
        self.updatedReplicas = updatedReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.unavailableReplicas = unavailableReplicas
        self.conditions = conditions
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas",
        "unavailableReplicas", "conditions",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        observedGeneration = try container.decodeIfPresent(Int.self, forKey: "observedGeneration")
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas")
        updatedReplicas = try container.decodeIfPresent(Int.self, forKey: "updatedReplicas")
        readyReplicas = try container.decodeIfPresent(Int.self, forKey: "readyReplicas")
        availableReplicas = try container.decodeIfPresent(Int.self, forKey: "availableReplicas")
        unavailableReplicas = try container.decodeIfPresent(Int.self, forKey: "unavailableReplicas")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(observedGeneration, forKey: "observedGeneration")
        try container.encodeIfPresent(replicas, forKey: "replicas")
        try container.encodeIfPresent(updatedReplicas, forKey: "updatedReplicas")
        try container.encodeIfPresent(readyReplicas, forKey: "readyReplicas")
        try container.encodeIfPresent(availableReplicas, forKey: "availableReplicas")
        try container.encodeIfPresent(unavailableReplicas, forKey: "unavailableReplicas")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeUnknown(unknownFields)
    }
}
