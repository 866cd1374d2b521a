import YAML

/// How the reconciler reads and writes the cluster: the I/O edge of gather and act.
///
/// ``KubeClusterAccess`` implements it with the Kube client; tests use an in-memory fake that
/// records every ``APICall``, which is how the RBAC manifest is checked against what the code does.
/// Objects travel as JSON values so fields PoolPilot does not model survive a read-modify-write.
public protocol ClusterAccess: Sendable {
    /// The object, or `nil` when it does not exist (404).
    func get(_ resource: OperatorResource, namespace: String?, name: String) async throws -> JSONValue?
    /// The objects in `namespace` (all namespaces when `nil`) matching `labelSelector`.
    ///
    /// Throws ``OperatorError/notServed(_:)`` when the API server does not serve the resource
    /// (for example KEDA's CRD is not installed).
    func list(_ resource: OperatorResource, namespace: String?, labelSelector: String?) async throws -> [JSONValue]
    /// Replaces the object (PUT) carrying its `metadata.resourceVersion`; a stale one throws
    /// ``OperatorError/conflict(_:)``.
    func update(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue
    /// Replaces the object's status through the status subresource; stale throws `conflict`.
    func updateStatus(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue
    /// Sets replicas through the scale subresource, carrying `resourceVersion` when given.
    func updateScale(
        _ resource: OperatorResource,
        namespace: String,
        name: String,
        replicas: Int,
        resourceVersion: String?
    ) async throws
    /// Creates an object.
    func create(_ resource: OperatorResource, namespace: String?, _ object: JSONValue) async throws -> JSONValue
}

/// Errors of the operator's own logic and of its cluster access.
public enum OperatorError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A write carried a stale resourceVersion (409); the reconcile is retried from a fresh read.
    case conflict(String)
    /// The API server does not serve a resource (its CRD is not installed).
    case notServed(String)
    /// The API server refused or failed a request.
    case api(String)
    /// Something PoolPilot does not support, with what.
    case unsupported(String)
    /// A pool that cannot be read as an InferencePool.
    case invalidObject(String)
    /// This replica lost its leader Lease (named) and stopped; the process should exit.
    case leadershipLost(String)

    /// Whether the error is a stale write.
    public var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }

    /// Whether the error is about the pool or this replica, not the API server (invalid object, lost lease).
    public var isTerminal: Bool {
        switch self {
        case .invalidObject, .leadershipLost: return true
        default: return false
        }
    }

    /// A lowercase description with its cause.
    public var description: String {
        switch self {
        case .conflict(let what): return "conflict: \(what)"
        case .notServed(let what): return "not served: \(what)"
        case .api(let what): return "api: \(what)"
        case .unsupported(let what): return "unsupported: \(what)"
        case .invalidObject(let what): return "invalid object: \(what)"
        case .leadershipLost(let lease): return "leadership lost: lease \(lease)"
        }
    }
}
