/// The resources one group version serves (`GET /apis/<group>/<version>`), legacy discovery form.
public struct APIResourceList: Codable, Sendable, Equatable {
    /// `group/version`, or `v1` for the core group.
    public var groupVersion: String
    /// The resources, including subresources named `plural/subresource`.
    public var resources: [APIResource]

    /// Creates a list.
    public init(groupVersion: String, resources: [APIResource]) {
        self.groupVersion = groupVersion
        self.resources = resources
    }
}

/// One resource in discovery.
public struct APIResource: Codable, Sendable, Equatable {
    /// The plural name, or `plural/subresource`.
    public var name: String
    /// The singular name.
    public var singularName: String?
    /// Whether objects live in namespaces.
    public var namespaced: Bool
    /// The kind.
    public var kind: String
    /// The verbs the resource supports.
    public var verbs: [String]
    /// Short names such as `ipool`.
    public var shortNames: [String]?
    /// Categories such as `all`.
    public var categories: [String]?

    /// Creates a resource entry.
    public init(
        name: String,
        singularName: String? = nil,
        namespaced: Bool,
        kind: String,
        verbs: [String],
        shortNames: [String]? = nil,
        categories: [String]? = nil
    ) {
        self.name = name
        self.singularName = singularName
        self.namespaced = namespaced
        self.kind = kind
        self.verbs = verbs
        self.shortNames = shortNames
        self.categories = categories
    }
}
