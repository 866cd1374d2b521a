// ReplicaSet (apps/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A ReplicaSet (apps/v1): one revision of a Deployment's pods.
public struct ReplicaSet: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `apps/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `ReplicaSet`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: ReplicaSetSpec?
    /// The observed state, written by controllers.
    public var status: ReplicaSetStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "apps/v1",
        kind: String = "ReplicaSet",
        metadata: ObjectMeta = ObjectMeta(),
        spec: ReplicaSetSpec? = nil,
        status: ReplicaSetStatus? = nil,
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
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "ReplicaSet"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(ReplicaSetSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(ReplicaSetStatus.self, forKey: "status")
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

extension ReplicaSet: KubeResource {
    /// `apps/v1` `replicasets`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "apps",
        version: "v1",
        plural: "replicasets",
        kind: "ReplicaSet",
        namespaced: true
    )
}

/// The desired state of a ReplicaSet.
public struct ReplicaSetSpec: Codable, Sendable, Equatable {
    /// The desired number of pods.
    public var replicas: Int?
    /// Which pods belong to the ReplicaSet.
    public var selector: LabelSelector?
    /// The pods to create.
    public var template: PodTemplateSpec?
    /// Seconds a new pod must be ready before it counts as available.
    public var minReadySeconds: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        replicas: Int? = nil,
        selector: LabelSelector? = nil,
        template: PodTemplateSpec? = nil,
        minReadySeconds: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.minReadySeconds = minReadySeconds
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["replicas", "selector", "template", "minReadySeconds"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas")
        selector = try container.decodeIfPresent(LabelSelector.self, forKey: "selector")
        template = try container.decodeIfPresent(PodTemplateSpec.self, forKey: "template")
        minReadySeconds = try container.decodeIfPresent(Int.self, forKey: "minReadySeconds")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(replicas, forKey: "replicas")
        try container.encodeIfPresent(selector, forKey: "selector")
        try container.encodeIfPresent(template, forKey: "template")
        try container.encodeIfPresent(minReadySeconds, forKey: "minReadySeconds")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of a ReplicaSet.
public struct ReplicaSetStatus: Codable, Sendable, Equatable {
    /// Pods currently owned.
    public var replicas: Int?
    /// Pods whose labels match the template.
    public var fullyLabeledReplicas: Int?
    /// Pods that are ready.
    public var readyReplicas: Int?
    /// Pods that are available.
    public var availableReplicas: Int?
    /// The generation the controller last acted on.
    public var observedGeneration: Int?
    /// Conditions such as `ReplicaFailure`.
    public var conditions: [Condition]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        replicas: Int? = nil,
        fullyLabeledReplicas: Int? = nil,
        readyReplicas: Int? = nil,
        availableReplicas: Int? = nil,
        observedGeneration: Int? = nil,
        conditions: [Condition]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.replicas = replicas
        self.fullyLabeledReplicas = fullyLabeledReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration", "conditions",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas")
        fullyLabeledReplicas = try container.decodeIfPresent(Int.self, forKey: "fullyLabeledReplicas")
        readyReplicas = try container.decodeIfPresent(Int.self, forKey: "readyReplicas")
        availableReplicas = try container.decodeIfPresent(Int.self, forKey: "availableReplicas")
        observedGeneration = try container.decodeIfPresent(Int.self, forKey: "observedGeneration")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(replicas, forKey: "replicas")
        try container.encodeIfPresent(fullyLabeledReplicas, forKey: "fullyLabeledReplicas")
        try container.encodeIfPresent(readyReplicas, forKey: "readyReplicas")
        try container.encodeIfPresent(availableReplicas, forKey: "availableReplicas")
        try container.encodeIfPresent(observedGeneration, forKey: "observedGeneration")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeUnknown(unknownFields)
    }
}
