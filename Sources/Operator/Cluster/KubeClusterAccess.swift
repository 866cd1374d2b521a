import Kube
import YAML

/// ``ClusterAccess`` over the Kube client: every call goes to the API server.
///
/// A 409 becomes ``OperatorError/conflict(_:)`` so the reconciler retries from a fresh read; a
/// 404 on `list` becomes ``OperatorError/notServed(_:)`` (the resource's CRD is not installed);
/// other failures pass through as `KubeClientError`, whose `isRetryable` the runtime consults.
public struct KubeClusterAccess: ClusterAccess {
    /// The client used.
    public let client: KubeClient

    /// Creates access through `client`.
    public init(client: KubeClient) {
        self.client = client
    }

    /// The client's descriptor of `resource`.
    public static func descriptor(_ resource: OperatorResource) -> ResourceDescriptor {
        ResourceDescriptor(
            group: resource.group,
            version: resource.version,
            plural: resource.plural,
            kind: resource.kind,
            namespaced: resource.isNamespaced
        )
    }

    /// Runs `body`, turning a 409 into a conflict the reconciler understands.
    private func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as KubeClientError where error.code == 409 {
            throw OperatorError.conflict(error.description)
        }
    }

    public func get(_ resource: OperatorResource, namespace: String?, name: String) async throws -> JSONValue? {
        do {
            return try await client.get(JSONValue.self, Self.descriptor(resource), name: name, namespace: namespace)
        } catch let error as KubeClientError where error.isNotFound {
            return nil
        }
    }

    public func list(_ resource: OperatorResource, namespace: String?, labelSelector: String?) async throws -> [JSONValue] {
        do {
            let options = ListOptions(labelSelector: labelSelector.flatMap { $0.isEmpty ? nil : $0 })
            return try await client.listAll(JSONValue.self, Self.descriptor(resource), namespace: namespace, options: options).items
        } catch let error as KubeClientError where error.isNotFound {
            throw OperatorError.notServed(Self.descriptor(resource).description)
        }
    }

    public func update(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        try await mappingConflicts {
            try await client.update(
                object,
                Self.descriptor(resource),
                name: object.value(at: ["metadata", "name"])?.stringValue ?? "",
                namespace: object.value(at: ["metadata", "namespace"])?.stringValue
            )
        }
    }

    public func updateStatus(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        try await mappingConflicts {
            try await client.update(
                object,
                Self.descriptor(resource),
                name: object.value(at: ["metadata", "name"])?.stringValue ?? "",
                namespace: object.value(at: ["metadata", "namespace"])?.stringValue,
                subresource: "status"
            )
        }
    }

    public func updateScale(
        _ resource: OperatorResource,
        namespace: String,
        name: String,
        replicas: Int,
        resourceVersion: String?
    ) async throws {
        let descriptor = Self.descriptor(resource)
        try await mappingConflicts {
            guard let resourceVersion else {
                _ = try await client.scale(descriptor, name: name, namespace: namespace, replicas: replicas)
                return
            }
            let scale = Scale(
                metadata: ObjectMeta(name: name, namespace: namespace, resourceVersion: resourceVersion),
                spec: ScaleSpec(replicas: replicas)
            )
            _ = try await client.updateScale(scale, descriptor, name: name, namespace: namespace)
        }
    }

    public func mergePatch(_ resource: OperatorResource, namespace: String?, name: String, _ patch: JSONValue) async throws -> JSONValue {
        try await mappingConflicts {
            try await client.patch(JSONValue.self, Self.descriptor(resource), name: name, namespace: namespace, patch: .merge(patch))
        }
    }

    public func create(_ resource: OperatorResource, namespace: String?, _ object: JSONValue) async throws -> JSONValue {
        try await client.create(object, Self.descriptor(resource), namespace: namespace)
    }
}
