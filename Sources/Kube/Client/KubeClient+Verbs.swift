import Foundation
import HTTP
import YAML

extension KubeClient {
    /// Reads one object (or one of its subresources).
    ///
    /// - Throws: ``KubeClientError`` (`isNotFound` for 404). Retried on 429/5xx/connection errors.
    public func get<T: Decodable & Sendable>(
        _ type: T.Type,
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String? = nil,
        subresource: String? = nil
    ) async throws -> T {
        let path = resource.objectPath(name: name, namespace: namespace, subresource: subresource)
        return try await send(APIRequest(verb: "get", method: .get, path: path), as: T.self)
    }

    /// Reads one page of a collection; follow `metadata.continue` with ``ListOptions/continueToken``.
    ///
    /// - Throws: ``KubeClientError``; `.gone` when a continue token expired (restart without it).
    public func list<T: Codable & Sendable & Equatable>(
        _ type: T.Type,
        _ resource: ResourceDescriptor,
        namespace: String? = nil,
        options: ListOptions = ListOptions()
    ) async throws -> KubeList<T> {
        let request = APIRequest(
            verb: "list",
            method: .get,
            path: resource.collectionPath(namespace: namespace),
            query: options.queryItems
        )
        return try await send(request, as: KubeList<T>.self)
    }

    /// Reads every page of a collection, `pageSize` items at a time.
    ///
    /// The returned list carries the first page's resourceVersion (all pages share one snapshot).
    public func listAll<T: Codable & Sendable & Equatable>(
        _ type: T.Type,
        _ resource: ResourceDescriptor,
        namespace: String? = nil,
        options: ListOptions = ListOptions(),
        pageSize: Int = 500
    ) async throws -> KubeList<T> {
        var pageOptions = options
        pageOptions.limit = pageSize
        var result = try await list(T.self, resource, namespace: namespace, options: pageOptions)
        var token = result.metadata.continue
        while let next = token, !next.isEmpty {
            pageOptions.continueToken = next
            let page = try await list(T.self, resource, namespace: namespace, options: pageOptions)
            result.items.append(contentsOf: page.items)
            token = page.metadata.continue
        }
        result.metadata.continue = nil
        result.metadata.remainingItemCount = nil
        return result
    }

    /// Creates an object in `namespace` and returns it as the server stored it.
    ///
    /// - Throws: ``KubeClientError/conflict(verb:path:status:)`` with reason `AlreadyExists` when the
    ///   name is taken. Not retried after a timeout (POST is not idempotent), only on 429 and refused
    ///   connections.
    public func create<T: Codable & Sendable>(
        _ object: T,
        _ resource: ResourceDescriptor,
        namespace: String? = nil,
        options: WriteOptions = WriteOptions()
    ) async throws -> T {
        let request = APIRequest(
            verb: "create",
            method: .post,
            path: resource.collectionPath(namespace: namespace),
            query: options.queryItems,
            body: try encodeBody(object, verb: "create", path: resource.collectionPath(namespace: namespace)),
            contentType: "application/json"
        )
        return try await send(request, as: T.self)
    }

    /// Replaces an object (or its `status`/`scale` subresource) with optimistic concurrency.
    ///
    /// Send the `metadata.resourceVersion` you read: if the object changed since, the server answers
    /// 409 and this throws ``KubeClientError/conflict(verb:path:status:)``: re-read and try again.
    public func update<T: Codable & Sendable>(
        _ object: T,
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String? = nil,
        subresource: String? = nil,
        options: WriteOptions = WriteOptions()
    ) async throws -> T {
        let path = resource.objectPath(name: name, namespace: namespace, subresource: subresource)
        let request = APIRequest(
            verb: "update",
            method: .put,
            path: path,
            query: options.queryItems,
            body: try encodeBody(object, verb: "update", path: path),
            contentType: "application/json"
        )
        return try await send(request, as: T.self)
    }

    /// Patches an object (or a subresource) and returns the result decoded as `T`.
    ///
    /// - Throws: ``KubeClientError``; a server-side apply conflict is `.conflict` whose Status lists
    ///   the fields in `details.causes`; a failed JSON-patch `test` is a 422 `.api` error.
    public func patch<T: Decodable & Sendable>(
        _ type: T.Type,
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String? = nil,
        subresource: String? = nil,
        patch: Patch,
        options: PatchOptions = PatchOptions()
    ) async throws -> T {
        let path = resource.objectPath(name: name, namespace: namespace, subresource: subresource)
        if case .apply = patch, options.fieldManager == nil {
            throw KubeClientError.unsupported("server-side apply needs a fieldManager")
        }
        let body: [UInt8]
        do {
            body = try patch.body()
        } catch {
            throw KubeClientError.decoding(verb: "patch", path: path, reason: "cannot encode patch: \(error)")
        }
        let request = APIRequest(
            verb: "patch",
            method: .patch,
            path: path,
            query: options.queryItems(for: patch),
            body: body,
            contentType: patch.contentType
        )
        return try await send(request, as: T.self)
    }

    /// Deletes an object; with finalizers the object lingers with `deletionTimestamp` set.
    ///
    /// - Returns: The server's answer: the deleted (or terminating) object, or a `Status`.
    /// - Throws: ``KubeClientError``; a failed precondition is `.conflict`; a missing object `isNotFound`.
    @discardableResult
    public func delete(
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String? = nil,
        options: DeleteOptions = DeleteOptions()
    ) async throws -> JSONValue {
        let path = resource.objectPath(name: name, namespace: namespace)
        let request = APIRequest(
            verb: "delete",
            method: .delete,
            path: path,
            body: try encodeBody(options.body, verb: "delete", path: path),
            contentType: "application/json"
        )
        return try await send(request, as: JSONValue.self)
    }

    // MARK: - Scale subresource

    /// Reads the `scale` subresource of a Deployment, ReplicaSet or scalable custom resource.
    public func getScale(_ resource: ResourceDescriptor, name: String, namespace: String?) async throws -> Scale {
        try await get(Scale.self, resource, name: name, namespace: namespace, subresource: "scale")
    }

    /// Sets the replica count through the `scale` subresource with a merge patch (what `kubectl scale` does).
    public func scale(
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String?,
        replicas: Int,
        options: PatchOptions = PatchOptions()
    ) async throws -> Scale {
        try await patch(
            Scale.self,
            resource,
            name: name,
            namespace: namespace,
            subresource: "scale",
            patch: .merge(["spec": ["replicas": .integer(Int64(replicas))]]),
            options: options
        )
    }

    /// Replaces the `scale` subresource; the Scale's resourceVersion makes it conditional (409 if stale).
    public func updateScale(
        _ scale: Scale,
        _ resource: ResourceDescriptor,
        name: String,
        namespace: String?
    ) async throws -> Scale {
        try await update(scale, resource, name: name, namespace: namespace, subresource: "scale")
    }

    // MARK: - Plumbing

    /// Sends a request whose whole body is read, and decodes a 2xx body as `T`.
    func send<T: Decodable & Sendable>(_ request: APIRequest, as type: T.Type) async throws -> T {
        let response: [UInt8] = try await run(request) { transport, httpRequest -> AttemptResult<[UInt8]> in
            let response = try await transport.execute(httpRequest)
            guard (200..<300).contains(response.status) else {
                return .failure(status: response.status, headers: response.headers, body: response.body)
            }
            return .success(response.body)
        }
        do {
            return try JSONValue(jsonBytes: response).decode(T.self)
        } catch {
            throw KubeClientError.decoding(verb: request.verb, path: request.path, reason: "\(error)")
        }
    }

    private func encodeBody(_ value: some Encodable, verb: String, path: String) throws -> [UInt8] {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return Array(try encoder.encode(value))
        } catch {
            throw KubeClientError.decoding(verb: verb, path: path, reason: "cannot encode body: \(error)")
        }
    }
}
