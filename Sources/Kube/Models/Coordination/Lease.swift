// Lease (coordination.k8s.io/v1), used for leader election.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Lease (coordination.k8s.io/v1): who leads, and until when.
public struct Lease: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `coordination.k8s.io/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Lease`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: LeaseSpec?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "coordination.k8s.io/v1",
        kind: String = "Lease",
        metadata: ObjectMeta = ObjectMeta(),
        spec: LeaseSpec? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["apiVersion", "kind", "metadata", "spec"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "coordination.k8s.io/v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Lease"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        spec = try container.decodeIfPresent(LeaseSpec.self, forKey: "spec")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(metadata, forKey: "metadata")
        try container.encodeIfPresent(spec, forKey: "spec")
        try container.encodeUnknown(unknownFields)
    }
}

extension Lease: KubeResource {
    /// `coordination.k8s.io/v1` `leases`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "coordination.k8s.io",
        version: "v1",
        plural: "leases",
        kind: "Lease",
        namespaced: true
    )
}

/// The leader election record.
///
/// Times are MicroTime strings (RFC 3339 with microseconds); ``KubeTime`` formats them.
public struct LeaseSpec: Codable, Sendable, Equatable {
    /// The current holder; empty when released.
    public var holderIdentity: String?
    /// How long a candidate waits after the last renewal before taking over.
    public var leaseDurationSeconds: Int?
    /// When the current holder acquired the lease.
    public var acquireTime: String?
    /// When the holder last renewed.
    public var renewTime: String?
    /// How often the holder changed.
    public var leaseTransitions: Int?
    /// The coordinated election strategy (alpha).
    public var strategy: String?
    /// The holder the coordinated election prefers (alpha).
    public var preferredHolder: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        holderIdentity: String? = nil,
        leaseDurationSeconds: Int? = nil,
        acquireTime: String? = nil,
        renewTime: String? = nil,
        leaseTransitions: Int? = nil,
        strategy: String? = nil,
        preferredHolder: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
        self.strategy = strategy
        self.preferredHolder = preferredHolder
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "holderIdentity", "leaseDurationSeconds", "acquireTime", "renewTime", "leaseTransitions", "strategy",
        "preferredHolder",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        holderIdentity = try container.decodeIfPresent(String.self, forKey: "holderIdentity")
        leaseDurationSeconds = try container.decodeIfPresent(Int.self, forKey: "leaseDurationSeconds")
        acquireTime = try container.decodeIfPresent(String.self, forKey: "acquireTime")
        renewTime = try container.decodeIfPresent(String.self, forKey: "renewTime")
        leaseTransitions = try container.decodeIfPresent(Int.self, forKey: "leaseTransitions")
        strategy = try container.decodeIfPresent(String.self, forKey: "strategy")
        preferredHolder = try container.decodeIfPresent(String.self, forKey: "preferredHolder")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(holderIdentity, forKey: "holderIdentity")
        try container.encodeIfPresent(leaseDurationSeconds, forKey: "leaseDurationSeconds")
        try container.encodeIfPresent(acquireTime, forKey: "acquireTime")
        try container.encodeIfPresent(renewTime, forKey: "renewTime")
        try container.encodeIfPresent(leaseTransitions, forKey: "leaseTransitions")
        try container.encodeIfPresent(strategy, forKey: "strategy")
        try container.encodeIfPresent(preferredHolder, forKey: "preferredHolder")
        try container.encodeUnknown(unknownFields)
    }
}
