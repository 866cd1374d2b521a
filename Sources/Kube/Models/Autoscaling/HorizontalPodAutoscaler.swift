// HorizontalPodAutoscaler (autoscaling/v2), read to avoid fighting an HPA.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A HorizontalPodAutoscaler (autoscaling/v2); PoolPilot reads it to detect an HPA on its target.
public struct HorizontalPodAutoscaler: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `autoscaling/v2`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `HorizontalPodAutoscaler`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: HorizontalPodAutoscalerSpec?
    /// The observed state, written by controllers.
    public var status: JSONValue?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "autoscaling/v2",
        kind: String = "HorizontalPodAutoscaler",
        metadata: ObjectMeta = ObjectMeta(),
        spec: HorizontalPodAutoscalerSpec? = nil,
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
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "autoscaling/v2"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "HorizontalPodAutoscaler"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(HorizontalPodAutoscalerSpec.self, forKey: "spec")
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

extension HorizontalPodAutoscaler: KubeResource {
    /// `autoscaling/v2` `horizontalpodautoscalers`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "autoscaling",
        version: "v2",
        plural: "horizontalpodautoscalers",
        kind: "HorizontalPodAutoscaler",
        namespaced: true
    )
}

/// The desired behaviour of an HPA; metrics and behaviour are kept as JSON.
public struct HorizontalPodAutoscalerSpec: Codable, Sendable, Equatable {
    /// The workload the HPA scales.
    public var scaleTargetRef: CrossVersionObjectReference
    /// The lower bound.
    ///
    /// Default on the server: 1.
    public var minReplicas: Int?
    /// The upper bound.
    public var maxReplicas: Int
    /// The metric specifications.
    public var metrics: JSONValue?
    /// Scaling behaviour (stabilization, policies).
    public var behavior: JSONValue?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        scaleTargetRef: CrossVersionObjectReference = CrossVersionObjectReference(),
        minReplicas: Int? = nil,
        maxReplicas: Int = 0,
        metrics: JSONValue? = nil,
        behavior: JSONValue? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.scaleTargetRef = scaleTargetRef
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.metrics = metrics
        self.behavior = behavior
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        scaleTargetRef =
            try container.decodeIfPresent(CrossVersionObjectReference.self, forKey: "scaleTargetRef")
            ?? CrossVersionObjectReference()
        minReplicas = try container.decodeIfPresent(Int.self, forKey: "minReplicas")
        maxReplicas = try container.decodeIfPresent(Int.self, forKey: "maxReplicas") ?? 0
        metrics = try container.decodeIfPresent(JSONValue.self, forKey: "metrics")
        behavior = try container.decodeIfPresent(JSONValue.self, forKey: "behavior")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(scaleTargetRef, forKey: "scaleTargetRef")
        try container.encodeIfPresent(minReplicas, forKey: "minReplicas")
        try container.encode(maxReplicas, forKey: "maxReplicas")
        try container.encodeIfPresent(metrics, forKey: "metrics")
        try container.encodeIfPresent(behavior, forKey: "behavior")
        try container.encodeUnknown(unknownFields)
    }
}

/// A reference to an object in the same namespace, by kind and name.
public struct CrossVersionObjectReference: Codable, Sendable, Equatable {
    /// The API version of the target.
    public var apiVersion: String?
    /// The kind of the target.
    public var kind: String
    /// The name of the target.
    public var name: String
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String? = nil,
        kind: String = "",
        name: String = "",
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["apiVersion", "kind", "name"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion")
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? ""
        name = try container.decodeIfPresent(String.self, forKey: "name") ?? ""
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(name, forKey: "name")
        try container.encodeUnknown(unknownFields)
    }
}
