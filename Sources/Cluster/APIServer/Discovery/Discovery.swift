import YAML

/// The discovery documents: aggregated (`apidiscovery.k8s.io/v2`) and the legacy per-group form.
enum Discovery {
    /// The media type kubectl 1.32 asks for first.
    static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
    /// The media type of the beta form.
    static let aggregatedBetaContentType = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"

    static let verbs: JSONValue = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    private static let subresourceVerbs: JSONValue = ["get", "patch", "update"]

    /// The aggregated list for `/api` (core only) or `/apis` (every other group).
    static func aggregated(_ registry: ResourceRegistry, core: Bool, beta: Bool) -> JSONValue {
        let definitions = registry.all
        let items: [JSONValue] = registry.groups.filter { $0.group.isEmpty == core }.map { entry in
            let versions: [JSONValue] = entry.versions.map { version in
                let resources = definitions.filter { $0.group == entry.group && $0.version == version }
                return [
                    "version": .string(version), "freshness": "Current",
                    "resources": .array(resources.map(aggregatedResource)),
                ]
            }
            return ["metadata": ["name": .string(entry.group)], "versions": .array(versions)]
        }
        return [
            "kind": "APIGroupDiscoveryList",
            "apiVersion": .string(beta ? "apidiscovery.k8s.io/v2beta1" : "apidiscovery.k8s.io/v2"),
            "metadata": [:], "items": .array(items),
        ]
    }

    private static func aggregatedResource(_ resource: ResourceDefinition) -> JSONValue {
        let kind: JSONValue = [
            "group": .string(resource.group), "version": .string(resource.version), "kind": .string(resource.kind),
        ]
        var subresources: [JSONValue] = []
        if resource.hasStatus {
            subresources.append(["subresource": "status", "responseKind": kind, "verbs": subresourceVerbs])
        }
        if resource.scale != nil {
            subresources.append([
                "subresource": "scale", "responseKind": ["group": "autoscaling", "version": "v1", "kind": "Scale"],
                "verbs": subresourceVerbs,
            ])
        }
        var entry: [String: JSONValue] = [
            "resource": .string(resource.plural), "singularResource": .string(resource.singular),
            "scope": resource.isNamespaced ? "Namespaced" : "Cluster", "responseKind": kind, "verbs": verbs,
        ]
        if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
        if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map(JSONValue.string)) }
        if !subresources.isEmpty { entry["subresources"] = .array(subresources) }
        return .object(entry)
    }

    /// `/api` in the legacy form.
    static func coreVersions(serverAddress: String) -> JSONValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
        ]
    }

    /// One group in the legacy form.
    static func group(_ name: String, versions: [String]) -> JSONValue {
        let list: [JSONValue] = versions.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        return [
            "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": .array(list),
            "preferredVersion": list.first ?? .null,
        ]
    }

    /// `/apis` in the legacy form.
    static func groupList(_ registry: ResourceRegistry) -> JSONValue {
        let groups = registry.groups.filter { !$0.group.isEmpty }.map { group($0.group, versions: $0.versions) }
            .map { $0.removing(["kind", "apiVersion"]) }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    /// `/api/v1` or `/apis/G/V` in the legacy form.
    static func resourceList(_ registry: ResourceRegistry, group: String, version: String) -> JSONValue {
        var resources: [JSONValue] = []
        for resource in registry.all where resource.group == group && resource.version == version {
            var entry: [String: JSONValue] = [
                "name": .string(resource.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.isNamespaced), "kind": .string(resource.kind), "verbs": verbs,
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
            if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map(JSONValue.string)) }
            resources.append(.object(entry))
            if resource.hasStatus {
                resources.append([
                    "name": .string("\(resource.plural)/status"), "singularName": "",
                    "namespaced": .bool(resource.isNamespaced), "kind": .string(resource.kind),
                    "verbs": subresourceVerbs,
                ])
            }
            if resource.scale != nil {
                resources.append([
                    "name": .string("\(resource.plural)/scale"), "singularName": "",
                    "namespaced": .bool(resource.isNamespaced), "group": "autoscaling", "version": "v1",
                    "kind": "Scale",
                    "verbs": subresourceVerbs,
                ])
            }
        }
        let groupVersion = group.isEmpty ? version : "\(group)/\(version)"
        return [
            "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(groupVersion),
            "resources": .array(resources),
        ]
    }
}
