// Service (core/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Service (core/v1): a stable address for a set of pods.
public struct Service: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Service`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: ServiceSpec?
    /// The observed state, written by controllers.
    public var status: JSONValue?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "v1",
        kind: String = "Service",
        metadata: ObjectMeta = ObjectMeta(),
        spec: ServiceSpec? = nil,
        status: JSONValue? = nil,
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
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Service"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(ServiceSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(JSONValue.self, forKey: "status")
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

extension Service: KubeResource {
    /// `v1` `services`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "services",
        kind: "Service",
        namespaced: true
    )
}

/// The desired state of a Service.
public struct ServiceSpec: Codable, Sendable, Equatable {
    /// The pods behind the service.
    public var selector: [String: String]?
    /// The ports the service exposes.
    public var ports: [ServicePort]?
    /// The virtual IP; `None` for headless services.
    public var clusterIP: String?
    /// `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`.
    public var type: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        selector: [String: String]? = nil,
        ports: [ServicePort]? = nil,
        clusterIP: String? = nil,
        type: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.selector = selector
        self.ports = ports
        self.clusterIP = clusterIP
        self.type = type
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["selector", "ports", "clusterIP", "type"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        selector = try container.decodeIfPresent([String: String].self, forKey: "selector")
        ports = try container.decodeIfPresent([ServicePort].self, forKey: "ports")
        clusterIP = try container.decodeIfPresent(String.self, forKey: "clusterIP")
        type = try container.decodeIfPresent(String.self, forKey: "type")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(selector, forKey: "selector")
        try container.encodeIfPresent(ports, forKey: "ports")
        try container.encodeIfPresent(clusterIP, forKey: "clusterIP")
        try container.encodeIfPresent(type, forKey: "type")
        try container.encodeUnknown(unknownFields)
    }
}

/// A port of a Service.
public struct ServicePort: Codable, Sendable, Equatable {
    /// The port name.
    public var name: String?
    /// The protocol.
    ///
    /// Default on the server: `TCP`.
    public var `protocol`: String?
    /// The service port.
    public var port: Int
    /// The pod port: a number or a named port.
    public var targetPort: JSONValue?
    /// The node port, for `NodePort` and `LoadBalancer`.
    public var nodePort: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String? = nil,
        `protocol`: String? = nil,
        port: Int = 0,
        targetPort: JSONValue? = nil,
        nodePort: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.`protocol` = `protocol`
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["name", "protocol", "port", "targetPort", "nodePort"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        `protocol` = try container.decodeIfPresent(String.self, forKey: "protocol")
        port = try container.decodeIfPresent(Int.self, forKey: "port") ?? 0
        targetPort = try container.decodeIfPresent(JSONValue.self, forKey: "targetPort")
        nodePort = try container.decodeIfPresent(Int.self, forKey: "nodePort")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(`protocol`, forKey: "protocol")
        try container.encode(port, forKey: "port")
        try container.encodeIfPresent(targetPort, forKey: "targetPort")
        try container.encodeIfPresent(nodePort, forKey: "nodePort")
        try container.encodeUnknown(unknownFields)
    }
}
