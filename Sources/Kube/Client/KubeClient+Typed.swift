import YAML

/// Typed conveniences: the resource comes from the model, name and namespace from its metadata.
extension KubeClient {
    /// Reads one object of a typed kind.
    public func get<T: KubeResource>(_ type: T.Type, name: String, namespace: String? = nil) async throws -> T {
        try await get(T.self, T.resource, name: name, namespace: namespace)
    }

    /// Reads one page of a typed kind.
    public func list<T: KubeResource>(
        _ type: T.Type,
        namespace: String? = nil,
        options: ListOptions = ListOptions()
    ) async throws -> KubeList<T> {
        try await list(T.self, T.resource, namespace: namespace, options: options)
    }

    /// Reads every page of a typed kind.
    public func listAll<T: KubeResource>(
        _ type: T.Type,
        namespace: String? = nil,
        options: ListOptions = ListOptions(),
        pageSize: Int = 500
    ) async throws -> KubeList<T> {
        try await listAll(T.self, T.resource, namespace: namespace, options: options, pageSize: pageSize)
    }

    /// Creates a typed object in its `metadata.namespace`.
    public func create<T: KubeResource>(_ object: T, options: WriteOptions = WriteOptions()) async throws -> T {
        try await create(object, T.resource, namespace: object.metadata.namespace, options: options)
    }

    /// Replaces a typed object, conditional on its `metadata.resourceVersion`.
    ///
    /// - Throws: ``KubeClientError/conflict(verb:path:status:)`` when the object changed since it was read.
    public func update<T: KubeResource>(_ object: T, options: WriteOptions = WriteOptions()) async throws -> T {
        try await update(
            object,
            T.resource,
            name: try Self.name(of: object),
            namespace: object.metadata.namespace,
            options: options
        )
    }

    /// Replaces a typed object's `status` through the status subresource.
    public func updateStatus<T: KubeResource>(_ object: T, options: WriteOptions = WriteOptions()) async throws -> T {
        try await update(
            object,
            T.resource,
            name: try Self.name(of: object),
            namespace: object.metadata.namespace,
            subresource: "status",
            options: options
        )
    }

    /// Patches a typed object by name.
    public func patch<T: KubeResource>(
        _ type: T.Type,
        name: String,
        namespace: String? = nil,
        subresource: String? = nil,
        patch: Patch,
        options: PatchOptions = PatchOptions()
    ) async throws -> T {
        try await self.patch(
            T.self,
            T.resource,
            name: name,
            namespace: namespace,
            subresource: subresource,
            patch: patch,
            options: options
        )
    }

    /// Server-side applies a typed object as `fieldManager`; `force` takes over conflicting fields.
    public func apply<T: KubeResource>(
        _ object: T,
        fieldManager: String,
        force: Bool = false,
        dryRun: Bool = false
    ) async throws -> T {
        let body: JSONValue
        do {
            body = try JSONValue(encoding: object)
        } catch {
            throw KubeClientError.unsupported("cannot encode \(T.resource.kind) for apply: \(error)")
        }
        return try await patch(
            T.self,
            name: try Self.name(of: object),
            namespace: object.metadata.namespace,
            patch: .apply(body),
            options: PatchOptions(fieldManager: fieldManager, force: force, dryRun: dryRun)
        )
    }

    /// Deletes a typed object by name.
    @discardableResult
    public func delete<T: KubeResource>(
        _ type: T.Type,
        name: String,
        namespace: String? = nil,
        options: DeleteOptions = DeleteOptions()
    ) async throws -> JSONValue {
        try await delete(T.resource, name: name, namespace: namespace, options: options)
    }

    private static func name(of object: some KubeResource) throws -> String {
        guard let name = object.metadata.name, !name.isEmpty else {
            throw KubeClientError.unsupported("\(type(of: object).resource.kind) without metadata.name")
        }
        return name
    }
}
