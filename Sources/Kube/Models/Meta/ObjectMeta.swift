// ObjectMeta and the references it carries (meta/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// Metadata every persisted object has (meta/v1 ObjectMeta).
///
/// Timestamps are RFC 3339 strings as the server sends them; ``KubeTime`` converts them.
public struct ObjectMeta: Codable, Sendable, Equatable {
    /// The name, unique within the namespace and resource.
    public var name: String?
    /// A prefix the server completes with random characters when `name` is empty.
    public var generateName: String?
    /// The namespace; empty for cluster-scoped objects.
    public var namespace: String?
    /// The server-assigned unique identifier.
    public var uid: String?
    /// The opaque version used for optimistic concurrency and watches; compare only for equality.
    public var resourceVersion: String?
    /// Bumped by the server on each change of the desired state.
    public var generation: Int?
    /// When the object was created (RFC 3339).
    public var creationTimestamp: String?
    /// When deletion was requested; set while finalizers run.
    public var deletionTimestamp: String?
    /// Grace period in seconds granted to the deletion.
    public var deletionGracePeriodSeconds: Int?
    /// Labels for selection.
    public var labels: [String: String]?
    /// Non-identifying metadata.
    public var annotations: [String: String]?
    /// The objects this one depends on, for garbage collection.
    public var ownerReferences: [OwnerReference]?
    /// Finalizers that must be removed before the object is deleted.
    public var finalizers: [String]?
    /// Which manager owns which fields (server-side apply).
    public var managedFields: [ManagedFieldsEntry]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String? = nil,
        generateName: String? = nil,
        namespace: String? = nil,
        uid: String? = nil,
        resourceVersion: String? = nil,
        generation: Int? = nil,
        creationTimestamp: String? = nil,
        deletionTimestamp: String? = nil,
        deletionGracePeriodSeconds: Int? = nil,
        labels: [String: String]? = nil,
        annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil,
        finalizers: [String]? = nil,
        managedFields: [ManagedFieldsEntry]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
        self.managedFields = managedFields
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        generateName = try container.decodeIfPresent(String.self, forKey: "generateName")
        namespace = try container.decodeIfPresent(String.self, forKey: "namespace")
        uid = try container.decodeIfPresent(String.self, forKey: "uid")
        resourceVersion = try container.decodeIfPresent(String.self, forKey: "resourceVersion")
        generation = try container.decodeIfPresent(Int.self, forKey: "generation")
        creationTimestamp = try container.decodeIfPresent(String.self, forKey: "creationTimestamp")
        deletionTimestamp = try container.decodeIfPresent(String.self, forKey: "deletionTimestamp")
        deletionGracePeriodSeconds = try container.decodeIfPresent(Int.self, forKey: "deletionGracePeriodSeconds")
        labels = try container.decodeIfPresent([String: String].self, forKey: "labels")
        annotations = try container.decodeIfPresent([String: String].self, forKey: "annotations")
        ownerReferences = try container.decodeIfPresent([OwnerReference].self, forKey: "ownerReferences")
        finalizers = try container.decodeIfPresent([String].self, forKey: "finalizers")
        managedFields = try container.decodeIfPresent([ManagedFieldsEntry].self, forKey: "managedFields")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(generateName, forKey: "generateName")
        try container.encodeIfPresent(namespace, forKey: "namespace")
        try container.encodeIfPresent(uid, forKey: "uid")
        try container.encodeIfPresent(resourceVersion, forKey: "resourceVersion")
        try container.encodeIfPresent(generation, forKey: "generation")
        try container.encodeIfPresent(creationTimestamp, forKey: "creationTimestamp")
        try container.encodeIfPresent(deletionTimestamp, forKey: "deletionTimestamp")
        try container.encodeIfPresent(deletionGracePeriodSeconds, forKey: "deletionGracePeriodSeconds")
        try container.encodeIfPresent(labels, forKey: "labels")
        try container.encodeIfPresent(annotations, forKey: "annotations")
        try container.encodeIfPresent(ownerReferences, forKey: "ownerReferences")
        try container.encodeIfPresent(finalizers, forKey: "finalizers")
        try container.encodeIfPresent(managedFields, forKey: "managedFields")
        try container.encodeUnknown(unknownFields)
    }
}

/// A reference to an owner in the same namespace (or cluster-scoped).
public struct OwnerReference: Codable, Sendable, Equatable {
    /// The owner's API version.
    public var apiVersion: String
    /// The owner's kind.
    public var kind: String
    /// The owner's name.
    public var name: String
    /// The owner's UID.
    public var uid: String
    /// Whether this owner is the managing controller; at most one reference sets it.
    public var controller: Bool?
    /// Whether foreground deletion of the owner waits for this object.
    public var blockOwnerDeletion: Bool?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "",
        kind: String = "",
        name: String = "",
        uid: String = "",
        controller: Bool? = nil,
        blockOwnerDeletion: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? ""
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? ""
        name = try container.decodeIfPresent(String.self, forKey: "name") ?? ""
        uid = try container.decodeIfPresent(String.self, forKey: "uid") ?? ""
        controller = try container.decodeIfPresent(Bool.self, forKey: "controller")
        blockOwnerDeletion = try container.decodeIfPresent(Bool.self, forKey: "blockOwnerDeletion")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(name, forKey: "name")
        try container.encode(uid, forKey: "uid")
        try container.encodeIfPresent(controller, forKey: "controller")
        try container.encodeIfPresent(blockOwnerDeletion, forKey: "blockOwnerDeletion")
        try container.encodeUnknown(unknownFields)
    }
}

/// One manager's claim on a set of fields.
public struct ManagedFieldsEntry: Codable, Sendable, Equatable {
    /// The field manager name.
    public var manager: String?
    /// `Apply` or `Update`.
    public var operation: String?
    /// The version the fields are expressed in.
    public var apiVersion: String?
    /// When the entry last changed (RFC 3339).
    public var time: String?
    /// The format of `fieldsV1`; always `FieldsV1`.
    public var fieldsType: String?
    /// The set of owned fields.
    public var fieldsV1: JSONValue?
    /// The subresource the fields were written through, if any.
    public var subresource: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        manager: String? = nil,
        operation: String? = nil,
        apiVersion: String? = nil,
        time: String? = nil,
        fieldsType: String? = nil,
        fieldsV1: JSONValue? = nil,
        subresource: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fieldsType = fieldsType
        self.fieldsV1 = fieldsV1
        self.subresource = subresource
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        manager = try container.decodeIfPresent(String.self, forKey: "manager")
        operation = try container.decodeIfPresent(String.self, forKey: "operation")
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion")
        time = try container.decodeIfPresent(String.self, forKey: "time")
        fieldsType = try container.decodeIfPresent(String.self, forKey: "fieldsType")
        fieldsV1 = try container.decodeIfPresent(JSONValue.self, forKey: "fieldsV1")
        subresource = try container.decodeIfPresent(String.self, forKey: "subresource")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(manager, forKey: "manager")
        try container.encodeIfPresent(operation, forKey: "operation")
        try container.encodeIfPresent(apiVersion, forKey: "apiVersion")
        try container.encodeIfPresent(time, forKey: "time")
        try container.encodeIfPresent(fieldsType, forKey: "fieldsType")
        try container.encodeIfPresent(fieldsV1, forKey: "fieldsV1")
        try container.encodeIfPresent(subresource, forKey: "subresource")
        try container.encodeUnknown(unknownFields)
    }
}
