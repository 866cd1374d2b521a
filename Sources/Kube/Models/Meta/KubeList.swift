import YAML

/// A list response: `items` of one type plus list metadata (`resourceVersion`, `continue`).
///
/// Items in list responses often leave out `apiVersion` and `kind`; typed models fill them with their
/// defaults when decoding.
public struct KubeList<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The list's API version, such as `apps/v1`.
    public var apiVersion: String?
    /// The list kind, such as `DeploymentList`.
    public var kind: String?
    /// The snapshot version and pagination token.
    public var metadata: ListMeta
    /// The objects.
    public var items: [Item]

    /// Creates a list.
    public init(apiVersion: String? = nil, kind: String? = nil, metadata: ListMeta = ListMeta(), items: [Item] = []) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.items = items
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, items
    }

    /// Decodes a list; a `null` or missing `items` is an empty list, as the API server sends it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }
}
