// Namespace (core/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Namespace (core/v1).
public struct Namespace: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Namespace`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: NamespaceSpec?
    /// The observed state, written by controllers.
    public var status: NamespaceStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "v1",
        kind: String = "Namespace",
        metadata: ObjectMeta = ObjectMeta(),
        spec: NamespaceSpec? = nil,
        status: NamespaceStatus? = nil,
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
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Namespace"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(NamespaceSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(NamespaceStatus.self, forKey: "status")
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

extension Namespace: KubeResource {
    /// `v1` `namespaces`, cluster-scoped.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "namespaces",
        kind: "Namespace",
        namespaced: false
    )
}

/// The desired state of a Namespace.
public struct NamespaceSpec: Codable, Sendable, Equatable {
    /// Finalizers that run before the namespace is removed.
    public var finalizers: [String]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        finalizers: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.finalizers = finalizers
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["finalizers"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        finalizers = try container.decodeIfPresent([String].self, forKey: "finalizers")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(finalizers, forKey: "finalizers")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of a Namespace.
public struct NamespaceStatus: Codable, Sendable, Equatable {
    /// `Active` or `Terminating`.
    public var phase: String?
    /// Conditions of the namespace.
    public var conditions: [Condition]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        phase: String? = nil,
        conditions: [Condition]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.phase = phase
        self.conditions = conditions
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["phase", "conditions"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        phase = try container.decodeIfPresent(String.self, forKey: "phase")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(phase, forKey: "phase")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeUnknown(unknownFields)
    }
}
