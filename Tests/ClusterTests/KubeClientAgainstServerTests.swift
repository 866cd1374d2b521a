import Foundation
import Kube
import TestSupport
import Testing
import YAML

/// PoolPilot's own Kubernetes client against the embedded server over HTTPS with the admin certificate.
@Suite(.serialized) struct KubeClientAgainstServerTests {
    static let shared = SharedCluster.Holder {
        var options = EmbeddedCluster.Options()
        options.bookmarkIntervalSeconds = 0.2
        return options
    }

    let configMaps = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "configmaps",
        kind: "ConfigMap",
        namespaced: true
    )

    /// Runs `body` with a client for the shared cluster and shuts the client down afterwards.
    func withClient(_ body: (EmbeddedCluster, KubeClient) async throws -> Void) async throws {
        let cluster = try await Self.shared.get()
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [cluster.kubeconfigPath.path])
        let client = KubeClient(configuration: configuration)
        do {
            try await body(cluster, client)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
    }

    func configMap(_ name: String) -> UnstructuredObject {
        UnstructuredObject([
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["k": "v"],
        ])
    }

    @Test func `a stale update throws conflict and pages share one snapshot`() async throws {
        try await withClient { _, client in
            let created = try await client.create(configMap("client-a"), configMaps, namespace: "default")
            var changed = created
            changed.object.setValueForTest("2", at: ["data", "k"])
            _ = try await client.update(changed, configMaps, name: "client-a", namespace: "default")
            do {
                _ = try await client.update(changed, configMaps, name: "client-a", namespace: "default")
                Issue.record("a stale update must fail")
            } catch let error as KubeClientError {
                #expect(error.code == 409)
            }

            for index in 0..<4 {
                _ = try await client.create(configMap("page-\(index)"), configMaps, namespace: "default")
            }
            let all = try await client.listAll(UnstructuredObject.self, configMaps, namespace: "default", pageSize: 2)
            let names = all.items.compactMap(\.name)
            #expect(names.filter { $0.hasPrefix("page-") } == ["page-0", "page-1", "page-2", "page-3"])
        }
    }

    @Test func `watch delivers changes and bookmarks, then 410 once the history is compacted`() async throws {
        try await withClient { cluster, client in
            let list = try await client.list(UnstructuredObject.self, configMaps, namespace: "default")
            let revision = try #require(list.metadata.resourceVersion)
            let stream = try await client.watch(
                UnstructuredObject.self,
                configMaps,
                namespace: "default",
                options: WatchOptions(resourceVersion: revision, timeoutSeconds: 10)
            )
            _ = try await client.create(configMap("watched"), configMaps, namespace: "default")
            var sawAdded = false
            var sawBookmark = false
            for try await event in stream {
                if case .added(let object) = event, object.name == "watched" { sawAdded = true }
                if case .bookmark = event { sawBookmark = true }
                if sawAdded && sawBookmark { break }
            }
            #expect(sawAdded)
            #expect(sawBookmark)

            try await cluster.compactHistory()
            let stale = try await client.watch(
                UnstructuredObject.self,
                configMaps,
                namespace: "default",
                options: WatchOptions(resourceVersion: revision)
            )
            do {
                for try await _ in stale {}
                Issue.record("resuming a compacted revision must fail")
            } catch let error as KubeClientError {
                #expect(error.code == 410)
            }
        }
    }
}

extension JSONValue {
    /// Sets a value at a path of keys (tests only).
    mutating func setValueForTest(_ value: JSONValue, at path: [String]) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = value
        } else {
            var child = members[first] ?? .object([:])
            child.setValueForTest(value, at: Array(path.dropFirst()))
            members[first] = child
        }
        self = .object(members)
    }
}
