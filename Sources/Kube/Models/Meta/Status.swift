// Status (meta/v1): how the API server reports failures.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A Status object: the body of every API error response.
///
/// ```json
/// {"kind":"Status","status":"Failure","reason":"Conflict","code":409,"message":"..."}
/// ```
public struct Status: Codable, Sendable, Equatable {
    /// Always `Status`.
    public var kind: String
    /// Always `v1`.
    public var apiVersion: String
    /// List-style metadata; usually empty.
    public var metadata: ListMeta?
    /// `Success` or `Failure`.
    public var status: String?
    /// A human-readable description.
    public var message: String?
    /// A machine-readable reason, for example `NotFound`, `Conflict`, `Expired`.
    public var reason: String?
    /// More about the failure.
    public var details: StatusDetails?
    /// The HTTP status code.
    public var code: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        kind: String = "Status",
        apiVersion: String = "v1",
        metadata: ListMeta? = nil,
        status: String? = nil,
        message: String? = nil,
        reason: String? = nil,
        details: StatusDetails? = nil,
        code: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.metadata = metadata
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "kind", "apiVersion", "metadata", "status", "message", "reason", "details", "code",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Status"
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "v1"
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: "metadata")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        details = try container.decodeIfPresent(StatusDetails.self, forKey: "details")
        code = try container.decodeIfPresent(Int.self, forKey: "code")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(kind, forKey: "kind")
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encodeIfPresent(metadata, forKey: "metadata")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(details, forKey: "details")
        try container.encodeIfPresent(code, forKey: "code")
        try container.encodeUnknown(unknownFields)
    }
}

/// Details of a Status: which object, and which fields failed.
public struct StatusDetails: Codable, Sendable, Equatable {
    /// The object name.
    public var name: String?
    /// The API group.
    public var group: String?
    /// The resource (not kind) name.
    public var kind: String?
    /// The object UID.
    public var uid: String?
    /// Per-field causes.
    public var causes: [StatusCause]?
    /// When to retry, for 429 and some 5xx.
    public var retryAfterSeconds: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        name: String? = nil,
        group: String? = nil,
        kind: String? = nil,
        uid: String? = nil,
        causes: [StatusCause]? = nil,
        retryAfterSeconds: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["name", "group", "kind", "uid", "causes", "retryAfterSeconds"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        group = try container.decodeIfPresent(String.self, forKey: "group")
        kind = try container.decodeIfPresent(String.self, forKey: "kind")
        uid = try container.decodeIfPresent(String.self, forKey: "uid")
        causes = try container.decodeIfPresent([StatusCause].self, forKey: "causes")
        retryAfterSeconds = try container.decodeIfPresent(Int.self, forKey: "retryAfterSeconds")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(group, forKey: "group")
        try container.encodeIfPresent(kind, forKey: "kind")
        try container.encodeIfPresent(uid, forKey: "uid")
        try container.encodeIfPresent(causes, forKey: "causes")
        try container.encodeIfPresent(retryAfterSeconds, forKey: "retryAfterSeconds")
        try container.encodeUnknown(unknownFields)
    }
}

/// One cause of a failure.
public struct StatusCause: Codable, Sendable, Equatable {
    /// for example `FieldValueInvalid`, `FieldManagerConflict`.
    public var reason: String?
    /// A description.
    public var message: String?
    /// The field path, for example `spec.replicas`.
    public var field: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        reason: String? = nil,
        message: String? = nil,
        field: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.reason = reason
        self.message = message
        self.field = field
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["reason", "message", "field"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        field = try container.decodeIfPresent(String.self, forKey: "field")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(field, forKey: "field")
        try container.encodeUnknown(unknownFields)
    }
}
