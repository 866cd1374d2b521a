// LabelSelector: the structured selector of workloads (meta/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// A label query: every `matchLabels` pair and every expression must hold.
public struct LabelSelector: Codable, Sendable, Equatable {
    /// Labels that must be present with these values.
    public var matchLabels: [String: String]?
    /// Set-based requirements.
    public var matchExpressions: [LabelSelectorRequirement]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        matchLabels: [String: String]? = nil,
        matchExpressions: [LabelSelectorRequirement]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["matchLabels", "matchExpressions"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        matchLabels = try container.decodeIfPresent([String: String].self, forKey: "matchLabels")
        matchExpressions = try container.decodeIfPresent([LabelSelectorRequirement].self, forKey: "matchExpressions")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(matchLabels, forKey: "matchLabels")
        try container.encodeIfPresent(matchExpressions, forKey: "matchExpressions")
        try container.encodeUnknown(unknownFields)
    }
}

/// A set-based requirement: `key In (values)`, `NotIn`, `Exists`, `DoesNotExist`.
public struct LabelSelectorRequirement: Codable, Sendable, Equatable {
    /// The label key.
    public var key: String
    /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
    public var `operator`: String
    /// The values for `In` and `NotIn`.
    public var values: [String]?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        key: String = "",
        `operator`: String = "",
        values: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.key = key
        self.`operator` = `operator`
        self.values = values
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["key", "operator", "values"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        key = try container.decodeIfPresent(String.self, forKey: "key") ?? ""
        `operator` = try container.decodeIfPresent(String.self, forKey: "operator") ?? ""
        values = try container.decodeIfPresent([String].self, forKey: "values")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(key, forKey: "key")
        try container.encode(`operator`, forKey: "operator")
        try container.encodeIfPresent(values, forKey: "values")
        try container.encodeUnknown(unknownFields)
    }
}
