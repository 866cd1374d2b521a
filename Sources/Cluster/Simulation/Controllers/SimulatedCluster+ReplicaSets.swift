import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The ReplicaSet controller: creates pods up to `spec.replicas`, deletes the surplus
    /// (unscheduled, then pending, then not ready, then newest first), and writes its status.
    func reconcileReplicaSets(_ snapshot: ClusterSnapshot) async {
        for set in snapshot.replicaSets where set.metadata.deletionTimestamp == nil {
            do {
                try await reconcile(set, snapshot)
            } catch {
                logger.debug(
                    "replicaset reconcile failed",
                    ["object.name": .string(set.metadata.name ?? ""), "error": .string("\(error)")]
                )
            }
        }
    }

    private func reconcile(_ set: ReplicaSet, _ snapshot: ClusterSnapshot) async throws {
        guard let name = set.metadata.name, let namespace = set.metadata.namespace else { return }
        let pods = snapshot.pods(ownedBy: set.metadata.uid).filter { !$0.isTerminal }
        let desired = set.spec?.replicas ?? 1
        let owner = ObjectFactory.ownerReference(apiVersion: "apps/v1", kind: "ReplicaSet", metadata: set.metadata)

        if pods.count < desired {
            let template = set.spec?.template
            let newPods = (pods.count..<desired).map { _ in
                ObjectFactory.pod(
                    template: template,
                    name: ObjectFactory.generatedName(name),
                    namespace: namespace,
                    owner: owner
                )
            }
            await forEachConcurrently(newPods) { pod in _ = try await self.client.create(pod) }
        } else if pods.count > desired {
            let surplus = pods.sorted(by: Self.deletesFirst).prefix(pods.count - desired).compactMap(\.metadata.name)
            await forEachConcurrently(Array(surplus)) { podName in
                try await self.client.delete(Pod.self, name: podName, namespace: namespace)
            }
        }

        let ready = pods.filter(\.isReady).count
        let status = ReplicaSetStatus(
            replicas: pods.count,
            fullyLabeledReplicas: pods.count,
            readyReplicas: ready,
            availableReplicas: ready,
            observedGeneration: set.metadata.generation
        )
        guard status != set.status else { return }
        var changed = set
        changed.status = status
        _ = try await client.updateStatus(changed)
    }

    /// The order Kubernetes deletes surplus pods in: unscheduled before scheduled, pending before
    /// running, not ready before ready, then the newest first.
    static func deletesFirst(_ left: Pod, _ right: Pod) -> Bool {
        if left.isScheduled != right.isScheduled { return !left.isScheduled }
        let leftPending = left.status?.phase != "Running"
        let rightPending = right.status?.phase != "Running"
        if leftPending != rightPending { return leftPending }
        if left.isReady != right.isReady { return !left.isReady }
        let leftCreated = left.metadata.creationTimestamp ?? ""
        let rightCreated = right.metadata.creationTimestamp ?? ""
        if leftCreated != rightCreated { return leftCreated > rightCreated }
        return (left.metadata.name ?? "") > (right.metadata.name ?? "")
    }
}
