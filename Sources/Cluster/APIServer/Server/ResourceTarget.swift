/// A parsed resource URL: `/api/v1/namespaces/ns/pods/name/status` and friends.
struct ResourceTarget: Sendable {
    var resource: ResourceDefinition
    /// The namespace from the URL; `nil` for cluster-wide collection requests and cluster-scoped resources.
    var namespace: String?
    var name: String?
    var subresource: String?

    /// Parses `segments` after `/api/v1` or `/apis/G/V`.
    static func parse(_ segments: [String], group: String, version: String, registry: ResourceRegistry)
        -> ResourceTarget?
    {
        var rest = segments
        var namespace: String?
        if rest.count >= 3, rest[0] == "namespaces",
            let candidate = registry.definition(group: group, version: version, plural: rest[2]), candidate.isNamespaced
        {
            namespace = rest[1]
            rest.removeFirst(2)
        }
        guard let plural = rest.first, rest.count <= 3,
            let resource = registry.definition(group: group, version: version, plural: plural)
        else { return nil }
        if !resource.isNamespaced, namespace != nil { return nil }
        let name = rest.count > 1 ? rest[1] : nil
        let subresource = rest.count > 2 ? rest[2] : nil
        if let subresource {
            let supported =
                (subresource == "status" && resource.hasStatus) || (subresource == "scale" && resource.scale != nil)
            if !supported { return nil }
        }
        return ResourceTarget(resource: resource, namespace: namespace, name: name, subresource: subresource)
    }
}
