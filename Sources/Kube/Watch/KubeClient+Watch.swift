import HTTP

extension KubeClient {
    /// Opens a watch on a collection and returns its events as they arrive.
    ///
    /// Establishing the watch is retried like a GET. A resourceVersion the server no longer has
    /// throws ``KubeClientError/gone(verb:path:status:)`` (here or from the stream): list again and
    /// watch from the list's resourceVersion.
    /// ```swift
    /// let events = try await client.watch(Pod.self, namespace: "ml", options: WatchOptions(resourceVersion: rv))
    /// for try await event in events { ... }
    /// ```
    public func watch<T: Decodable & Sendable>(
        _ type: T.Type,
        _ resource: ResourceDescriptor,
        namespace: String? = nil,
        options: WatchOptions = WatchOptions()
    ) async throws -> WatchStream<T> {
        let path = resource.collectionPath(namespace: namespace)
        let request = APIRequest(verb: "watch", method: .get, path: path, query: options.queryItems)
        let body: AsyncThrowingStream<[UInt8], any Error> = try await run(request) {
            transport,
            httpRequest -> AttemptResult<AsyncThrowingStream<[UInt8], any Error>> in
            let response = try await transport.stream(httpRequest)
            guard (200..<300).contains(response.status) else {
                var collected: [UInt8] = []
                for try await chunk in response.body where collected.count < 65_536 {
                    collected.append(contentsOf: chunk)
                }
                return .failure(status: response.status, headers: response.headers, body: collected)
            }
            return .success(response.body)
        }
        return WatchStream(bytes: body, path: path)
    }

    /// Opens a watch on a typed kind.
    public func watch<T: KubeResource>(
        _ type: T.Type,
        namespace: String? = nil,
        options: WatchOptions = WatchOptions()
    ) async throws -> WatchStream<T> {
        try await watch(T.self, T.resource, namespace: namespace, options: options)
    }
}
