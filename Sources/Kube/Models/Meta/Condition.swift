// Condition: the shape shared by object conditions.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// One status condition; the union of the fields the built-in types and CRDs use.
///
/// Deployments add `lastUpdateTime`, Nodes `lastHeartbeatTime`, Pods `lastProbeTime`.
public struct Condition: Codable, Sendable, Equatable {
    /// The condition type, for example `Available`, `Ready`.
    public var type: String
    /// `True`, `False` or `Unknown`.
    public var status: String
    /// A CamelCase reason for the last transition.
    public var reason: String?
    /// A human-readable message.
    public var message: String?
    /// When the status last changed (RFC 3339).
    public var lastTransitionTime: String?
    /// When the condition was last updated (Deployments).
    public var lastUpdateTime: String?
    /// When the condition was last probed by the kubelet (Nodes).
    public var lastHeartbeatTime: String?
    /// When the condition was last probed (Pods).
    public var lastProbeTime: String?
    /// The generation the condition was computed from.
    public var observedGeneration: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        type: String = "",
        status: String = "",
        reason: String? = nil,
        message: String? = nil,
        lastTransitionTime: String? = nil,
        lastUpdateTime: String? = nil,
        lastHeartbeatTime: String? = nil,
        lastProbeTime: String? = nil,
        observedGeneration: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
        self.lastUpdateTime = lastUpdateTime
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastProbeTime = lastProbeTime
        self.observedGeneration = observedGeneration
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "type", "status", "reason", "message", "lastTransitionTime", "lastUpdateTime", "lastHeartbeatTime",
        "lastProbeTime", "observedGeneration",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        type = try container.decodeIfPresent(String.self, forKey: "type") ?? ""
        status = try container.decodeIfPresent(String.self, forKey: "status") ?? ""
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        lastTransitionTime = try container.decodeIfPresent(String.self, forKey: "lastTransitionTime")
        lastUpdateTime = try container.decodeIfPresent(String.self, forKey: "lastUpdateTime")
        lastHeartbeatTime = try container.decodeIfPresent(String.self, forKey: "lastHeartbeatTime")
        lastProbeTime = try container.decodeIfPresent(String.self, forKey: "lastProbeTime")
        observedGeneration = try container.decodeIfPresent(Int.self, forKey: "observedGeneration")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(type, forKey: "type")
        try container.encode(status, forKey: "status")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(lastTransitionTime, forKey: "lastTransitionTime")
        try container.encodeIfPresent(lastUpdateTime, forKey: "lastUpdateTime")
        try container.encodeIfPresent(lastHeartbeatTime, forKey: "lastHeartbeatTime")
        try container.encodeIfPresent(lastProbeTime, forKey: "lastProbeTime")
        try container.encodeIfPresent(observedGeneration, forKey: "observedGeneration")
        try container.encodeUnknown(unknownFields)
    }
}
