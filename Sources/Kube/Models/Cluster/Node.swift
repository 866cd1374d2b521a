// Node (core/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Node (core/v1): capacity, taints and GPU labels come from here.
public struct Node: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Node`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: NodeSpec?
    /// The observed state, written by controllers.
    public var status: NodeStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "v1",
        kind: String = "Node",
        metadata: ObjectMeta = ObjectMeta(),
        spec: NodeSpec? = nil,
        status: NodeStatus? = nil,
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
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Node"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(NodeSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(NodeStatus.self, forKey: "status")
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

extension Node: KubeResource {
    /// `v1` `nodes`, cluster-scoped.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "nodes",
        kind: "Node",
        namespaced: false
    )
}

/// The desired state of a Node.
public struct NodeSpec: Codable, Sendable, Equatable {
    /// The pod IP range of the node.
    public var podCIDR: String?
    /// The cloud provider's ID for the node.
    public var providerID: String?
    /// Whether new pods are kept off (cordoned).
    public var unschedulable: Bool?
    /// Taints that repel pods without a matching toleration.
    public var taints: [Taint]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        podCIDR: String? = nil,
        providerID: String? = nil,
        unschedulable: Bool? = nil,
        taints: [Taint]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.podCIDR = podCIDR
        self.providerID = providerID
        self.unschedulable = unschedulable
        self.taints = taints
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["podCIDR", "providerID", "unschedulable", "taints"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        podCIDR = try container.decodeIfPresent(String.self, forKey: "podCIDR")
        providerID = try container.decodeIfPresent(String.self, forKey: "providerID")
        unschedulable = try container.decodeIfPresent(Bool.self, forKey: "unschedulable")
        taints = try container.decodeIfPresent([Taint].self, forKey: "taints")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(podCIDR, forKey: "podCIDR")
        try container.encodeIfPresent(providerID, forKey: "providerID")
        try container.encodeIfPresent(unschedulable, forKey: "unschedulable")
        try container.encodeIfPresent(taints, forKey: "taints")
        try container.encodeUnknown(unknownFields)
    }
}

/// A taint on a node.
public struct Taint: Codable, Sendable, Equatable {
    /// The taint key.
    public var key: String
    /// The taint value.
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String
    /// When a `NoExecute` taint was added.
    public var timeAdded: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        key: String = "",
        value: String? = nil,
        effect: String = "",
        timeAdded: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["key", "value", "effect", "timeAdded"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        key = try container.decodeIfPresent(String.self, forKey: "key") ?? ""
        value = try container.decodeIfPresent(String.self, forKey: "value")
        effect = try container.decodeIfPresent(String.self, forKey: "effect") ?? ""
        timeAdded = try container.decodeIfPresent(String.self, forKey: "timeAdded")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(key, forKey: "key")
        try container.encodeIfPresent(value, forKey: "value")
        try container.encode(effect, forKey: "effect")
        try container.encodeIfPresent(timeAdded, forKey: "timeAdded")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of a Node.
public struct NodeStatus: Codable, Sendable, Equatable {
    /// Total resources, for example `nvidia.com/gpu: 8`.
    public var capacity: [String: Quantity]?
    /// Resources available to pods.
    public var allocatable: [String: Quantity]?
    /// Conditions such as `Ready`.
    public var conditions: [Condition]?
    /// The node's addresses.
    public var addresses: [NodeAddress]?
    /// Versions and IDs reported by the kubelet, kept as JSON.
    public var nodeInfo: JSONValue?
    /// Deprecated node phase.
    public var phase: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        capacity: [String: Quantity]? = nil,
        allocatable: [String: Quantity]? = nil,
        conditions: [Condition]? = nil,
        addresses: [NodeAddress]? = nil,
        nodeInfo: JSONValue? = nil,
        phase: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.capacity = capacity
        self.allocatable = allocatable
        self.conditions = conditions
        self.addresses = addresses
        self.nodeInfo = nodeInfo
        self.phase = phase
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "capacity", "allocatable", "conditions", "addresses", "nodeInfo", "phase",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        capacity = try container.decodeIfPresent([String: Quantity].self, forKey: "capacity")
        allocatable = try container.decodeIfPresent([String: Quantity].self, forKey: "allocatable")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        addresses = try container.decodeIfPresent([NodeAddress].self, forKey: "addresses")
        nodeInfo = try container.decodeIfPresent(JSONValue.self, forKey: "nodeInfo")
        phase = try container.decodeIfPresent(String.self, forKey: "phase")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(capacity, forKey: "capacity")
        try container.encodeIfPresent(allocatable, forKey: "allocatable")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeIfPresent(addresses, forKey: "addresses")
        try container.encodeIfPresent(nodeInfo, forKey: "nodeInfo")
        try container.encodeIfPresent(phase, forKey: "phase")
        try container.encodeUnknown(unknownFields)
    }
}

/// One address of a node.
public struct NodeAddress: Codable, Sendable, Equatable {
    /// `InternalIP`, `ExternalIP`, `Hostname`, ...
    public var type: String
    /// The address.
    public var address: String
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        type: String = "",
        address: String = "",
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.address = address
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["type", "address"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        type = try container.decodeIfPresent(String.self, forKey: "type") ?? ""
        address = try container.decodeIfPresent(String.self, forKey: "address") ?? ""
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(type, forKey: "type")
        try container.encode(address, forKey: "address")
        try container.encodeUnknown(unknownFields)
    }
}
