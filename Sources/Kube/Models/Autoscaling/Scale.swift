// Scale (autoscaling/v1): the scale subresource.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// The scale subresource (autoscaling/v1) of a Deployment, ReplicaSet or custom resource.
public struct Scale: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `autoscaling/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Scale`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: ScaleSpec?
    /// The observed state, written by controllers.
    public var status: ScaleStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "autoscaling/v1",
        kind: String = "Scale",
        metadata: ObjectMeta = ObjectMeta(),
        spec: ScaleSpec? = nil,
        status: ScaleStatus? = nil,
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
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "autoscaling/v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Scale"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(ScaleSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(ScaleStatus.self, forKey: "status")
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

extension Scale: KubeResource {
    /// `autoscaling/v1` `scales`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "autoscaling",
        version: "v1",
        plural: "scales",
        kind: "Scale",
        namespaced: true
    )
}

/// The desired scale.
public struct ScaleSpec: Codable, Sendable, Equatable {
    /// The desired number of replicas.
    public var replicas: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        replicas: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.replicas = replicas
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["replicas"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(replicas, forKey: "replicas")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed scale.
public struct ScaleStatus: Codable, Sendable, Equatable {
    /// The current number of replicas.
    public var replicas: Int
    /// The label selector of the pods, in string form.
    public var selector: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        replicas: Int = 0,
        selector: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.replicas = replicas
        self.selector = selector
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["replicas", "selector"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: "replicas") ?? 0
        selector = try container.decodeIfPresent(String.self, forKey: "selector")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(replicas, forKey: "replicas")
        try container.encodeIfPresent(selector, forKey: "selector")
        try container.encodeUnknown(unknownFields)
    }
}
