extension KubeClient {
    /// The resources a group version serves, or `nil` when the server does not serve it (404).
    ///
    /// Use it to tell whether a CRD is installed and established.
    /// - Throws: ``KubeClientError`` for failures other than 404.
    public func resources(group: String, version: String) async throws -> APIResourceList? {
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        do {
            return try await send(APIRequest(verb: "get", method: .get, path: path), as: APIResourceList.self)
        } catch let error as KubeClientError where error.isNotFound {
            return nil
        }
    }

    /// Whether the server serves this resource (its group version is discovered and lists the plural).
    public func isServed(_ resource: ResourceDescriptor) async throws -> Bool {
        guard let list = try await resources(group: resource.group, version: resource.version) else { return false }
        return list.resources.contains { $0.name == resource.plural }
    }

    /// The server's version (`GET /version`): `gitVersion` such as `v1.32.4`.
    public func serverVersion() async throws -> String {
        struct Version: Decodable, Sendable { var gitVersion: String }
        return try await send(APIRequest(verb: "get", method: .get, path: "/version"), as: Version.self).gitVersion
    }
}
