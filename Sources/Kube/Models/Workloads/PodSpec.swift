// PodTemplateSpec, PodSpec and containers (core/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// The pod a workload creates: metadata and spec.
public struct PodTemplateSpec: Codable, Sendable, Equatable {
    /// Labels and annotations for the pods.
    public var metadata: ObjectMeta?
    /// The pod specification.
    public var spec: PodSpec?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        metadata: ObjectMeta? = nil,
        spec: PodSpec? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.metadata = metadata
        self.spec = spec
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["metadata", "spec"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata")
        spec = try container.decodeIfPresent(PodSpec.self, forKey: "spec")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(metadata, forKey: "metadata")
        try container.encodeIfPresent(spec, forKey: "spec")
        try container.encodeUnknown(unknownFields)
    }
}

/// The parts of a pod specification PoolPilot reads or sets; the rest travels in `unknownFields`.
public struct PodSpec: Codable, Sendable, Equatable {
    /// The containers.
    public var containers: [Container]
    /// Containers run to completion before the others.
    public var initContainers: [Container]?
    /// The node the pod is bound to.
    public var nodeName: String?
    /// Node labels the pod requires.
    public var nodeSelector: [String: String]?
    /// Node and pod affinity, kept as JSON.
    public var affinity: JSONValue?
    /// The taints the pod tolerates.
    public var tolerations: [Toleration]?
    /// The scheduler that places the pod.
    public var schedulerName: String?
    /// The priority class.
    public var priorityClassName: String?
    /// The service account the pod runs as.
    public var serviceAccountName: String?
    /// Seconds between SIGTERM and SIGKILL.
    public var terminationGracePeriodSeconds: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        containers: [Container] = [],
        initContainers: [Container]? = nil,
        nodeName: String? = nil,
        nodeSelector: [String: String]? = nil,
        affinity: JSONValue? = nil,
        tolerations: [Toleration]? = nil,
        schedulerName: String? = nil,
        priorityClassName: String? = nil,
        serviceAccountName: String? = nil,
        terminationGracePeriodSeconds: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.containers = containers
        self.initContainers = initContainers
        self.nodeName = nodeName
        self.nodeSelector = nodeSelector
        self.affinity = affinity
        self.tolerations = tolerations
        self.schedulerName = schedulerName
        self.priorityClassName = priorityClassName
        self.serviceAccountName = serviceAccountName
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "containers", "initContainers", "nodeName", "nodeSelector", "affinity", "tolerations", "schedulerName",
        "priorityClassName", "serviceAccountName", "terminationGracePeriodSeconds",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        containers = try container.decodeIfPresent([Container].self, forKey: "containers") ?? []
        initContainers = try container.decodeIfPresent([Container].self, forKey: "initContainers")
        nodeName = try container.decodeIfPresent(String.self, forKey: "nodeName")
        nodeSelector = try container.decodeIfPresent([String: String].self, forKey: "nodeSelector")
        affinity = try container.decodeIfPresent(JSONValue.self, forKey: "affinity")
        tolerations = try container.decodeIfPresent([Toleration].self, forKey: "tolerations")
        schedulerName = try container.decodeIfPresent(String.self, forKey: "schedulerName")
        priorityClassName = try container.decodeIfPresent(String.self, forKey: "priorityClassName")
        serviceAccountName = try container.decodeIfPresent(String.self, forKey: "serviceAccountName")
        terminationGracePeriodSeconds = try container.decodeIfPresent(Int.self, forKey: "terminationGracePeriodSeconds")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(containers, forKey: "containers")
        try container.encodeIfPresent(initContainers, forKey: "initContainers")
        try container.encodeIfPresent(nodeName, forKey: "nodeName")
        try container.encodeIfPresent(nodeSelector, forKey: "nodeSelector")
        try container.encodeIfPresent(affinity, forKey: "affinity")
        try container.encodeIfPresent(tolerations, forKey: "tolerations")
        try container.encodeIfPresent(schedulerName, forKey: "schedulerName")
        try container.encodeIfPresent(priorityClassName, forKey: "priorityClassName")
        try container.encodeIfPresent(serviceAccountName, forKey: "serviceAccountName")
        try container.encodeIfPresent(terminationGracePeriodSeconds, forKey: "terminationGracePeriodSeconds")
        try container.encodeUnknown(unknownFields)
    }
}

/// One container of a pod.
public struct Container: Codable, Sendable, Equatable {
    /// The container name, unique in the pod.
    public var name: String
    /// The image reference.
    public var image: String?
    /// The entrypoint, replacing the image's.
    public var command: [String]?
    /// Arguments to the entrypoint.
    public var args: [String]?
    /// Environment variables.
    public var env: [EnvVar]?
    /// Ports the container exposes.
    public var ports: [ContainerPort]?
    /// Resource requests and limits.
    public var resources: ResourceRequirements?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String = "",
        image: String? = nil,
        command: [String]? = nil,
        args: [String]? = nil,
        env: [EnvVar]? = nil,
        ports: [ContainerPort]? = nil,
        resources: ResourceRequirements? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.env = env
        self.ports = ports
        self.resources = resources
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["name", "image", "command", "args", "env", "ports", "resources"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name") ?? ""
        image = try container.decodeIfPresent(String.self, forKey: "image")
        command = try container.decodeIfPresent([String].self, forKey: "command")
        args = try container.decodeIfPresent([String].self, forKey: "args")
        env = try container.decodeIfPresent([EnvVar].self, forKey: "env")
        ports = try container.decodeIfPresent([ContainerPort].self, forKey: "ports")
        resources = try container.decodeIfPresent(ResourceRequirements.self, forKey: "resources")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, forKey: "name")
        try container.encodeIfPresent(image, forKey: "image")
        try container.encodeIfPresent(command, forKey: "command")
        try container.encodeIfPresent(args, forKey: "args")
        try container.encodeIfPresent(env, forKey: "env")
        try container.encodeIfPresent(ports, forKey: "ports")
        try container.encodeIfPresent(resources, forKey: "resources")
        try container.encodeUnknown(unknownFields)
    }
}

/// One environment variable; `valueFrom` sources travel in `unknownFields`.
public struct EnvVar: Codable, Sendable, Equatable {
    /// The variable name.
    public var name: String
    /// The literal value.
    public var value: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String = "",
        value: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.value = value
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["name", "value"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name") ?? ""
        value = try container.decodeIfPresent(String.self, forKey: "value")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(name, forKey: "name")
        try container.encodeIfPresent(value, forKey: "value")
        try container.encodeUnknown(unknownFields)
    }
}

/// A port a container listens on.
public struct ContainerPort: Codable, Sendable, Equatable {
    /// The port name, referenced by services.
    public var name: String?
    /// The port number.
    public var containerPort: Int
    /// `TCP`, `UDP` or `SCTP`.
    ///
    /// Default on the server: `TCP`.
    public var `protocol`: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String? = nil,
        containerPort: Int = 0,
        `protocol`: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.containerPort = containerPort
        self.`protocol` = `protocol`
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["name", "containerPort", "protocol"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        containerPort = try container.decodeIfPresent(Int.self, forKey: "containerPort") ?? 0
        `protocol` = try container.decodeIfPresent(String.self, forKey: "protocol")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encode(containerPort, forKey: "containerPort")
        try container.encodeIfPresent(`protocol`, forKey: "protocol")
        try container.encodeUnknown(unknownFields)
    }
}

/// Compute resources: requests reserve capacity, limits cap usage.
///
/// GPUs appear as extended resources such as `nvidia.com/gpu`.
public struct ResourceRequirements: Codable, Sendable, Equatable {
    /// The most the container may use.
    public var limits: [String: Quantity]?
    /// What the scheduler reserves.
    public var requests: [String: Quantity]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        limits: [String: Quantity]? = nil,
        requests: [String: Quantity]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.limits = limits
        self.requests = requests
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["limits", "requests"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        limits = try container.decodeIfPresent([String: Quantity].self, forKey: "limits")
        requests = try container.decodeIfPresent([String: Quantity].self, forKey: "requests")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(limits, forKey: "limits")
        try container.encodeIfPresent(requests, forKey: "requests")
        try container.encodeUnknown(unknownFields)
    }
}

/// Lets a pod schedule onto nodes with a matching taint.
public struct Toleration: Codable, Sendable, Equatable {
    /// The taint key; empty with `Exists` matches every taint.
    public var key: String?
    /// `Equal` (default) or `Exists`.
    public var `operator`: String?
    /// The taint value for `Equal`.
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`; empty matches all.
    public var effect: String?
    /// How long a `NoExecute` taint is tolerated.
    public var tolerationSeconds: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        key: String? = nil,
        `operator`: String? = nil,
        value: String? = nil,
        effect: String? = nil,
        tolerationSeconds: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.key = key
        self.`operator` = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["key", "operator", "value", "effect", "tolerationSeconds"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        key = try container.decodeIfPresent(String.self, forKey: "key")
        `operator` = try container.decodeIfPresent(String.self, forKey: "operator")
        value = try container.decodeIfPresent(String.self, forKey: "value")
        effect = try container.decodeIfPresent(String.self, forKey: "effect")
        tolerationSeconds = try container.decodeIfPresent(Int.self, forKey: "tolerationSeconds")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(key, forKey: "key")
        try container.encodeIfPresent(`operator`, forKey: "operator")
        try container.encodeIfPresent(value, forKey: "value")
        try container.encodeIfPresent(effect, forKey: "effect")
        try container.encodeIfPresent(tolerationSeconds, forKey: "tolerationSeconds")
        try container.encodeUnknown(unknownFields)
    }
}
