// Pod (core/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Pod (core/v1).
public struct Pod: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Pod`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: PodSpec?
    /// The observed state, written by controllers.
    public var status: PodStatus?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "v1",
        kind: String = "Pod",
        metadata: ObjectMeta = ObjectMeta(),
        spec: PodSpec? = nil,
        status: PodStatus? = nil,
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
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Pod"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(PodSpec.self, forKey: "spec")
        status = try container.decodeIfPresent(PodStatus.self, forKey: "status")
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

extension Pod: KubeResource {
    /// `v1` `pods`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "pods",
        kind: "Pod",
        namespaced: true
    )
}

/// The observed state of a Pod.
public struct PodStatus: Codable, Sendable, Equatable {
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String?
    /// Conditions such as `PodScheduled` and `Ready`.
    public var conditions: [Condition]?
    /// A human-readable reason for the phase.
    public var message: String?
    /// A CamelCase reason, for example `Evicted`.
    public var reason: String?
    /// The IP of the node.
    public var hostIP: String?
    /// The primary pod IP.
    public var podIP: String?
    /// When the kubelet accepted the pod (RFC 3339).
    public var startTime: String?
    /// One entry per container.
    public var containerStatuses: [ContainerStatus]?
    /// `Guaranteed`, `Burstable` or `BestEffort`.
    public var qosClass: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        phase: String? = nil,
        conditions: [Condition]? = nil,
        message: String? = nil,
        reason: String? = nil,
        hostIP: String? = nil,
        podIP: String? = nil,
        startTime: String? = nil,
        containerStatuses: [ContainerStatus]? = nil,
        qosClass: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.phase = phase
        self.conditions = conditions
        self.message = message
        self.reason = reason
        self.hostIP = hostIP
        self.podIP = podIP
        self.startTime = startTime
        self.containerStatuses = containerStatuses
        self.qosClass = qosClass
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "phase", "conditions", "message", "reason", "hostIP", "podIP", "startTime", "containerStatuses", "qosClass",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        phase = try container.decodeIfPresent(String.self, forKey: "phase")
        conditions = try container.decodeIfPresent([Condition].self, forKey: "conditions")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        hostIP = try container.decodeIfPresent(String.self, forKey: "hostIP")
        podIP = try container.decodeIfPresent(String.self, forKey: "podIP")
        startTime = try container.decodeIfPresent(String.self, forKey: "startTime")
        containerStatuses = try container.decodeIfPresent([ContainerStatus].self, forKey: "containerStatuses")
        qosClass = try container.decodeIfPresent(String.self, forKey: "qosClass")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(phase, forKey: "phase")
        try container.encodeIfPresent(conditions, forKey: "conditions")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(hostIP, forKey: "hostIP")
        try container.encodeIfPresent(podIP, forKey: "podIP")
        try container.encodeIfPresent(startTime, forKey: "startTime")
        try container.encodeIfPresent(containerStatuses, forKey: "containerStatuses")
        try container.encodeIfPresent(qosClass, forKey: "qosClass")
        try container.encodeUnknown(unknownFields)
    }
}

/// The observed state of one container.
public struct ContainerStatus: Codable, Sendable, Equatable {
    /// The container name.
    public var name: String
    /// Whether the readiness probe passes.
    public var ready: Bool
    /// Whether the startup probe passed.
    public var started: Bool?
    /// How often the container restarted.
    public var restartCount: Int
    /// The image running.
    public var image: String?
    /// The image digest.
    public var imageID: String?
    /// The runtime container ID.
    public var containerID: String?
    /// The current state (`waiting`, `running` or `terminated`), kept as JSON.
    public var state: JSONValue?
    /// The previous state, kept as JSON.
    public var lastState: JSONValue?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String = "",
        ready: Bool = false,
        started: Bool? = nil,
        restartCount: Int = 0,
        image: String? = nil,
        imageID: String? = nil,
        containerID: String? = nil,
        state: JSONValue? = nil,
        lastState: JSONValue? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.ready = ready
        self.started = started
        self.restartCount = restartCount
        self.image = image
        self.imageID = imageID
        self.containerID = containerID
        self.state = state
        self.lastState = lastState
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "name", "ready", "started", "restartCount", "image", "imageID", "containerID", "state", "lastState",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name") ?? ""
        ready = try container.decodeIfPresent(Bool.self, forKey: "ready") ?? false
        started = try container.decodeIfPresent(Bool.self, forKey: "started")
        restartCount = try container.decodeIfPresent(Int.self, forKey: "restartCount") ?? 0
        image = try container.decodeIfPresent(String.self, forKey: "image")
        imageID = try container.decodeIfPresent(String.self, forKey: "imageID")
        containerID = try container.decodeIfPresent(String.self, forKey: "containerID")
        state = try container.decodeIfPresent(JSONValue.self, forKey: "state")
        lastState = try container.decodeIfPresent(JSONValue.self, forKey: "lastState")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, forKey: "name")
        try container.encode(ready, forKey: "ready")
        try container.encodeIfPresent(started, forKey: "started")
        try container.encode(restartCount, forKey: "restartCount")
        try container.encodeIfPresent(image, forKey: "image")
        try container.encodeIfPresent(imageID, forKey: "imageID")
        try container.encodeIfPresent(containerID, forKey: "containerID")
        try container.encodeIfPresent(state, forKey: "state")
        try container.encodeIfPresent(lastState, forKey: "lastState")
        try container.encodeUnknown(unknownFields)
    }
}
