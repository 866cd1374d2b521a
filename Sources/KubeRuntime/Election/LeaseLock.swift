import Foundation
import Kube

/// Where the leader election record lives; ``KubeLeaseLock`` stores it in a coordination.k8s.io/v1 Lease.
public protocol LeaseLock: Sendable {
    /// A description for logs, such as `kube-system/poolpilot`.
    var description: String { get }
    /// Reads the record and its resourceVersion; `nil` when the Lease does not exist.
    func fetch() async throws -> (record: LeaseRecord, resourceVersion: String?)?
    /// Creates the Lease; returns the new resourceVersion.
    func create(_ record: LeaseRecord) async throws -> String?
    /// Replaces the record, failing with a conflict when the resourceVersion no longer matches.
    func update(_ record: LeaseRecord, resourceVersion: String?) async throws -> String?
}

/// A ``LeaseLock`` on a real Lease through ``KubeClient``.
public struct KubeLeaseLock: LeaseLock {
    /// The client.
    public let client: KubeClient
    /// The Lease's namespace.
    public let namespace: String
    /// The Lease's name.
    public let name: String
    let counting: APIRequestCounting

    /// Creates a lock on `namespace/name`.
    public init(client: KubeClient, namespace: String, name: String, metrics: RuntimeMetrics? = nil) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.counting = APIRequestCounting(metrics: metrics)
    }

    /// `namespace/name`.
    public var description: String { "\(namespace)/\(name)" }

    /// Reads the Lease; 404 gives `nil`.
    public func fetch() async throws -> (record: LeaseRecord, resourceVersion: String?)? {
        do {
            let lease = try await counting.call("get") {
                try await client.get(Lease.self, name: name, namespace: namespace)
            }
            return (Self.record(of: lease), lease.metadata.resourceVersion)
        } catch let error as KubeClientError where error.isNotFound {
            return nil
        }
    }

    /// Creates the Lease.
    public func create(_ record: LeaseRecord) async throws -> String? {
        let lease = try await counting.call("create") {
            try await client.create(makeLease(record, resourceVersion: nil))
        }
        return lease.metadata.resourceVersion
    }

    /// Replaces the Lease, conditioned on `resourceVersion`.
    public func update(_ record: LeaseRecord, resourceVersion: String?) async throws -> String? {
        let lease = try await counting.call("update") {
            try await client.update(makeLease(record, resourceVersion: resourceVersion))
        }
        return lease.metadata.resourceVersion
    }

    func makeLease(_ record: LeaseRecord, resourceVersion: String?) -> Lease {
        Lease(
            metadata: ObjectMeta(name: name, namespace: namespace, resourceVersion: resourceVersion),
            spec: LeaseSpec(
                holderIdentity: record.holderIdentity,
                leaseDurationSeconds: record.leaseDurationSeconds,
                acquireTime: record.acquireTime.map(KubeTime.formatMicro),
                renewTime: record.renewTime.map(KubeTime.formatMicro),
                leaseTransitions: record.leaseTransitions
            )
        )
    }

    static func record(of lease: Lease) -> LeaseRecord {
        let spec = lease.spec ?? LeaseSpec()
        return LeaseRecord(
            holderIdentity: spec.holderIdentity ?? "",
            leaseDurationSeconds: spec.leaseDurationSeconds ?? 15,
            acquireTime: spec.acquireTime.flatMap(KubeTime.parse),
            renewTime: spec.renewTime.flatMap(KubeTime.parse),
            leaseTransitions: spec.leaseTransitions ?? 0
        )
    }
}
