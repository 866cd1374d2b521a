// ListMeta: metadata of list responses (meta/v1).
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// Metadata of a list response: its resource version and the pagination token.
public struct ListMeta: Codable, Sendable, Equatable {
    /// The version of the snapshot the list came from; start a watch here.
    public var resourceVersion: String?
    /// The token for the next page; empty or absent on the last page.
    public var `continue`: String?
    /// How many items the following pages hold, when the server knows.
    public var remainingItemCount: Int?
    /// Deprecated link to this list.
    public var selfLink: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        resourceVersion: String? = nil,
        `continue`: String? = nil,
        remainingItemCount: Int? = nil,
        selfLink: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.resourceVersion = resourceVersion
        self.`continue` = `continue`
        self.remainingItemCount = remainingItemCount
        self.selfLink = selfLink
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["resourceVersion", "continue", "remainingItemCount", "selfLink"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        resourceVersion = try container.decodeIfPresent(String.self, forKey: "resourceVersion")
        `continue` = try container.decodeIfPresent(String.self, forKey: "continue")
        remainingItemCount = try container.decodeIfPresent(Int.self, forKey: "remainingItemCount")
        selfLink = try container.decodeIfPresent(String.self, forKey: "selfLink")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(resourceVersion, forKey: "resourceVersion")
        try container.encodeIfPresent(`continue`, forKey: "continue")
        try container.encodeIfPresent(remainingItemCount, forKey: "remainingItemCount")
        try container.encodeIfPresent(selfLink, forKey: "selfLink")
        try container.encodeUnknown(unknownFields)
    }
}
