// DaemonSet (apps/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A DaemonSet (apps/v1), for example the GPU device plugin or DCGM exporter.
public struct DaemonSet: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `apps/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `DaemonSet`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: DaemonSetSpec?
    /// The observed state, written by controllers.
    public var status: DaemonSetStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "apps/v1",
        kind: String = "DaemonSet",
        metadata: ObjectMeta = ObjectMeta(),
        spec: DaemonSetSpec? = nil,
        status: DaemonSetStatus? = nil,
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
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "DaemonSet"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(DaemonSetSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(DaemonSetStatus.self, forKey: "status")
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

extension DaemonSet: KubeResource {
    /// `apps/v1` `daemonsets`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "apps",
        version: "v1",
        plural: "daemonsets",
        kind: "DaemonSet",
        namespaced: true
    )
}

/// The desired state of a DaemonSet.
public struct DaemonSetSpec: Codable, Sendable, Equatable {
    /// Which pods belong to the DaemonSet.
    public var selector: LabelSelector?
    /// The pod to run on each eligible node.
    public var template: PodTemplateSpec?
    /// The update strategy, kept as JSON.
    public var updateStrategy: JSONValue?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        selector: LabelSelector? = nil,
        template: PodTemplateSpec? = nil,
        updateStrategy: JSONValue? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.selector = selector
        self.template = template
        self.updateStrategy = updateStrategy
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["selector", "template", "updateStrategy"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        selector = try container.decodeIfPresent(LabelSelector.self, forKey: "selector")
        template = try container.decodeIfPresent(PodTemplateSpec.self, forKey: "template")
        updateStrategy = try container.decodeIfPresent(JSONValue.self, forKey: "updateStrategy")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(selector, forKey: "selector")
        try container.encodeIfPresent(template, forKey: "template")
        try container.encodeIfPresent(updateStrategy, forKey: "updateStrategy")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of a DaemonSet.
public struct DaemonSetStatus: Codable, Sendable, Equatable {
    /// Nodes running the pod that should.
    public var currentNumberScheduled: Int
    /// Nodes running the pod that should not.
    public var numberMisscheduled: Int
    /// Nodes that should run the pod.
    public var desiredNumberScheduled: Int
    /// Nodes whose pod is ready.
    public var numberReady: Int
    /// Nodes whose pod is available.
    public var numberAvailable: Int?
    /// Nodes running the current template.
    public var updatedNumberScheduled: Int?
    /// The generation the controller last acted on.
    public var observedGeneration: Int?
    /// Conditions of the DaemonSet.
    public var conditions: [Condition]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        currentNumberScheduled: Int = 0,
        numberMisscheduled: Int = 0,
        desiredNumberScheduled: Int = 0,
        numberReady: Int = 0,
        numberAvailable: Int? = nil,
        updatedNumberScheduled: Int? = nil,
        observedGeneration: Int? = nil,
        conditions: [Condition]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.currentNumberScheduled = currentNumberScheduled
        self.numberMisscheduled = numberMisscheduled
        self.desiredNumberScheduled = desiredNumberScheduled
        self.numberReady = numberReady
        self.numberAvailable = numberAvailable
        self.updatedNumberScheduled = updatedNumberScheduled
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady", "numberAvailable",
        "updatedNumberScheduled", "observedGeneration", "conditions",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        currentNumberScheduled = try container.decodeIfPresent(Int.self, forKey: "currentNumberScheduled") ?? 0
        numberMisscheduled = try container.decodeIfPresent(Int.self, forKey: "numberMisscheduled") ?? 0
        desiredNumberScheduled = try container.decodeIfPresent(Int.self, forKey: "desiredNumberScheduled") ?? 0
        numberReady = try container.decodeIfPresent(Int.self, forKey: "numberReady") ?? 0
        numberAvailable = try container.decodeIfPresent(Int.self, forKey: "numberAvailable")
        updatedNumberScheduled = try container.decodeIfPresent(Int.self, forKey: "updatedNumberScheduled")
        observedGeneration = try container.decodeIfPresent(Int.self, forKey: "observedGeneration")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(currentNumberScheduled, forKey: "currentNumberScheduled")
        try container.encode(numberMisscheduled, forKey: "numberMisscheduled")
        try container.encode(desiredNumberScheduled, forKey: "desiredNumberScheduled")
        try container.encode(numberReady, forKey: "numberReady")
        try container.encodeIfPresent(numberAvailable, forKey: "numberAvailable")
        try container.encodeIfPresent(updatedNumberScheduled, forKey: "updatedNumberScheduled")
        try container.encodeIfPresent(observedGeneration, forKey: "observedGeneration")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeUnknown(unknownFields)
    }
}
