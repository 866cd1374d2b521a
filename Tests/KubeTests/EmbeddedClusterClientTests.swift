import Foundation
import TestSupport
import Testing
import YAML

@testable import Kube

/// The client against the embedded API server (`poolpilot cluster serve`, a child process over HTTPS).
@Suite(.serialized, .timeLimit(.minutes(2))) struct EmbeddedClusterClientTests {
    private func deployment(_ name: String, replicas: Int) -> Deployment {
        let labels = ["app": name]
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: "default", labels: labels),
            spec: DeploymentSpec(
                replicas: replicas,
                selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(containers: [Container(name: "server", image: "vllm/vllm-openai:v0.6.3")])
                )
            )
        )
    }

    @Test func `reads, writes, pages, watches and scales through the embedded API server`() async throws {
        try await EmbeddedCluster.with { cluster in
            let configuration = try ClientConfiguration.fromKubeconfig(paths: [cluster.kubeconfigPath.path])
            let client = KubeClient(configuration: configuration)

            // Create three Deployments, then page through them one at a time.
            var created: [Deployment] = []
            for index in 0..<3 {
                created.append(try await client.create(deployment("web-\(index)", replicas: 1)))
            }
            #expect(created[0].metadata.uid?.isEmpty == false)
            let all = try await client.listAll(Deployment.self, namespace: "default", pageSize: 1)
            #expect(all.items.compactMap(\.metadata.name).sorted() == ["web-0", "web-1", "web-2"])
            let startVersion = try #require(all.metadata.resourceVersion)

            // Update with the read version succeeds; the stale copy then conflicts.
            var fresh = try await client.get(Deployment.self, name: "web-0", namespace: "default")
            fresh.spec?.replicas = 2
            _ = try await client.update(fresh)
            let stale = try await #require(throws: KubeClientError.self) { try await client.update(fresh) }
            guard case .conflict = stale else {
                Issue.record("expected a conflict, got \(stale)")
                return
            }

            // The watch from the list version sees the update and the scale change in order.
            let events = try await client.watch(
                Deployment.self,
                namespace: "default",
                options: WatchOptions(resourceVersion: startVersion, fieldSelector: "metadata.name=web-0")
            )
            let scale = try await client.scale(Deployment.resource, name: "web-0", namespace: "default", replicas: 5)
            #expect(scale.spec?.replicas == 5)
            var replicasSeen: [Int] = []
            for try await event in events {
                guard case .modified(let object) = event else { continue }
                replicasSeen.append(object.spec?.replicas ?? -1)
                if replicasSeen.last == 5 { break }
            }
            #expect(replicasSeen == [2, 5])

            // Server-side apply, discovery and delete.
            let applied = try await client.apply(
                deployment("web-1", replicas: 3),
                fieldManager: "poolpilot",
                force: true
            )
            #expect(applied.spec?.replicas == 3)
            #expect(try await client.isServed(Deployment.resource))
            #expect(try await client.isServed(Lease.resource))
            try await client.delete(
                Deployment.self,
                name: "web-2",
                namespace: "default",
                options: DeleteOptions(propagationPolicy: .background)
            )
            let missing = try await #require(throws: KubeClientError.self) {
                try await client.get(Deployment.self, name: "web-2", namespace: "default")
            }
            #expect(missing.isNotFound)
            await client.shutdown()
        }
    }
}
