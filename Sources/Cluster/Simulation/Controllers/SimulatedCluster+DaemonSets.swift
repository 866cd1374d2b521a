import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The DaemonSet controller: one pod per node the template fits (selector, affinity, taints),
    /// bound directly to that node, and the status `kubectl rollout status ds` reads.
    func reconcileDaemonSets(_ snapshot: ClusterSnapshot) async {
        for daemonSet in snapshot.daemonSets where daemonSet.metadata.deletionTimestamp == nil {
            do {
                try await reconcile(daemonSet, snapshot)
            } catch {
                logger.debug(
                    "daemonset reconcile failed",
                    ["object.name": .string(daemonSet.metadata.name ?? ""), "error": .string("\(error)")]
                )
            }
        }
    }

    private func reconcile(_ daemonSet: DaemonSet, _ snapshot: ClusterSnapshot) async throws {
        guard let name = daemonSet.metadata.name, let namespace = daemonSet.metadata.namespace else { return }
        let template = daemonSet.spec?.template
        let placement = PodSchedulingSpec(pod: Pod(spec: template?.spec))
        let placementOnly = PodSchedulingSpec(
            nodeSelector: placement.nodeSelector,
            requiredNodeAffinity: placement.requiredNodeAffinity,
            tolerations: placement.tolerations
        )
        let fit = SchedulerFit(nodes: snapshot.nodes.map(SimulatedNode.init(node:)))
        let eligible = Set(fit.nodes.filter { fit.reasons(placementOnly, on: $0).isEmpty }.map(\.name))
        let pods = snapshot.pods(ownedBy: daemonSet.metadata.uid)
        let podsByNode = Dictionary(grouping: pods) { $0.spec?.nodeName ?? "" }
        let owner = ObjectFactory.ownerReference(apiVersion: "apps/v1", kind: "DaemonSet", metadata: daemonSet.metadata)

        for node in eligible.sorted() where podsByNode[node] == nil {
            let pod = ObjectFactory.pod(
                template: template,
                name: ObjectFactory.generatedName(name),
                namespace: namespace,
                owner: owner,
                nodeName: node
            )
            _ = try await client.create(pod)
        }
        for pod in pods where !eligible.contains(pod.spec?.nodeName ?? "") {
            if let podName = pod.metadata.name {
                try await client.delete(Pod.self, name: podName, namespace: namespace)
            }
        }

        let scheduled = pods.filter { eligible.contains($0.spec?.nodeName ?? "") }
        let ready = scheduled.filter(\.isReady).count
        let status = DaemonSetStatus(
            currentNumberScheduled: scheduled.count,
            numberMisscheduled: pods.count - scheduled.count,
            desiredNumberScheduled: eligible.count,
            numberReady: ready,
            numberAvailable: ready,
            updatedNumberScheduled: scheduled.count,
            observedGeneration: daemonSet.metadata.generation
        )
        guard status != daemonSet.status else { return }
        var changed = daemonSet
        changed.status = status
        _ = try await client.updateStatus(changed)
    }
}
