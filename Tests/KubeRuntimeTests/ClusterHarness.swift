import Foundation
import HTTP
import Kube
import KubeRuntime
import Synchronization
import TestSupport

/// An embedded API server plus a client, and the admin calls the runtime tests need.
struct ClusterHarness: Sendable {
    let cluster: EmbeddedCluster
    let client: KubeClient
    let admin: HTTPClient

    static func start(_ options: EmbeddedCluster.Options = EmbeddedCluster.Options()) async throws -> ClusterHarness {
        let cluster = try await EmbeddedCluster.start(options)
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [cluster.kubeconfigPath.path])
        let client = KubeClient(configuration: configuration, options: KubeClientOptions(qps: 0, initialBackoff: 0.05))
        let tls = TLSConfiguration(certificateAuthority: cluster.certificateAuthorityPEM.map { .pem(Array($0.utf8)) })
        return ClusterHarness(
            cluster: cluster,
            client: client,
            admin: HTTPClient(configuration: HTTPClientConfiguration(tls: tls))
        )
    }

    func stop() async {
        await client.shutdown()
        admin.shutdown()
        await cluster.stop()
    }

    /// Calls `POST|PUT /poolpilot/admin/<path>` with a JSON body.
    @discardableResult
    func adminCall(_ path: String, method: HTTPMethod = .post, json: String = "{}") async throws -> String {
        let request = HTTPRequest(
            url: cluster.serverURL + "/poolpilot/admin/" + path,
            method: method,
            headers: ["Authorization": "Bearer \(cluster.token)", "Content-Type": "application/json"],
            body: Array(json.utf8)
        )
        // A fresh client per call: admin calls are rare, and a reused keep-alive connection the
        // server already closed would stall the test.
        let client = HTTPClient(configuration: admin.configuration)
        defer { client.shutdown() }
        let response = try await client.execute(request)
        guard response.status == 200 else {
            throw RuntimeError.unsupported("admin call \(path) answered \(response.status)")
        }
        return String(decoding: response.body, as: UTF8.self)
    }

    func setFaults(_ json: String) async throws {
        try await adminCall("faults", method: .put, json: json)
    }

    func makeLease(_ name: String, namespace: String = "default", holder: String = "") async throws -> Lease {
        try await client.create(
            Lease(metadata: ObjectMeta(name: name, namespace: namespace), spec: LeaseSpec(holderIdentity: holder))
        )
    }

    func setHolder(_ name: String, _ holder: String, namespace: String = "default") async throws {
        var lease = try await client.get(Lease.self, name: name, namespace: namespace)
        lease.spec?.holderIdentity = holder
        _ = try await client.update(lease)
    }

    func leaseHolders(namespace: String = "default") async throws -> [String: String] {
        let list = try await client.listAll(Lease.self, namespace: namespace)
        var result: [String: String] = [:]
        for lease in list.items { result[lease.metadata.name ?? ""] = lease.spec?.holderIdentity ?? "" }
        return result
    }
}

/// Runs `body` with a fresh cluster and stops it afterwards.
func withCluster<Result: Sendable>(
    _ options: EmbeddedCluster.Options = EmbeddedCluster.Options(),
    _ body: (ClusterHarness) async throws -> Result
) async throws -> Result {
    let harness = try await ClusterHarness.start(options)
    do {
        let result = try await body(harness)
        await harness.stop()
        return result
    } catch {
        await harness.stop()
        throw error
    }
}

/// Holds `watch` calls until opened, so a test can change the server while the informer is not watching.
final class GatedListWatcher: ListWatcher, Sendable {
    typealias Object = Lease

    let base: KubeListWatcher<Lease>
    let gate = Mutex(true)
    let waiting = Mutex(0)
    let lists = Mutex(0)

    init(base: KubeListWatcher<Lease>) {
        self.base = base
    }

    var resourceDescription: String { base.resourceDescription }

    func list() async throws -> (items: [Lease], resourceVersion: String) {
        lists.withLock { $0 += 1 }
        return try await base.list()
    }

    func watch(from resourceVersion: String, timeoutSeconds: Int, onEvent: (WatchEvent<Lease>) async throws -> Void)
        async throws
    {
        if !gate.withLock({ $0 }) {
            waiting.withLock { $0 += 1 }
            while !gate.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        try await base.watch(from: resourceVersion, timeoutSeconds: timeoutSeconds, onEvent: onEvent)
    }
}

/// A Lease lock that can be cut off, as when its process is killed.
final class KillableLeaseLock: LeaseLock, Sendable {
    let base: KubeLeaseLock
    let isKilled = Mutex(false)

    init(base: KubeLeaseLock) {
        self.base = base
    }

    var description: String { base.description }

    private func check() throws {
        if isKilled.withLock({ $0 }) { throw RuntimeError.unsupported("process killed") }
    }

    func fetch() async throws -> (record: LeaseRecord, resourceVersion: String?)? {
        try check()
        return try await base.fetch()
    }

    func create(_ record: LeaseRecord) async throws -> String? {
        try check()
        return try await base.create(record)
    }

    func update(_ record: LeaseRecord, resourceVersion: String?) async throws -> String? {
        try check()
        return try await base.update(record, resourceVersion: resourceVersion)
    }
}
