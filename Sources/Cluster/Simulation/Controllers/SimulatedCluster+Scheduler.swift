import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The scheduler: binds each unscheduled pod (oldest first) to a node that fits, counting what
    /// already-bound pods request; a pod that fits nowhere stays Pending with `PodScheduled=False`,
    /// reason `Unschedulable`, and gets a `FailedScheduling` event whenever the message changes.
    func schedulePods(_ snapshot: ClusterSnapshot) async {
        var fit = SchedulerFit(nodes: snapshot.nodes.map(SimulatedNode.init(node:)))
        for pod in snapshot.pods where pod.isScheduled && !pod.isTerminal {
            let node = pod.spec?.nodeName ?? ""
            fit.podCounts[node, default: 0] += 1
            for (resource, amount) in PodSchedulingSpec(pod: pod).requests {
                fit.used[node, default: [:]][resource, default: 0] += amount
            }
        }
        let pending = snapshot.pods.filter { pod in
            !pod.isScheduled && pod.metadata.deletionTimestamp == nil && !pod.isTerminal
                && (pod.spec?.schedulerName ?? "default-scheduler") == "default-scheduler"
        }
        let ordered = pending.sorted {
            ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") < (
                $1.metadata.creationTimestamp ?? "", $1.metadata.name ?? ""
            )
        }
        // Decide every placement first (each one counts against the next), then write them.
        var bindings: [(Pod, String)] = []
        var failures: [(Pod, String)] = []
        for pod in ordered {
            let spec = PodSchedulingSpec(pod: pod)
            switch fit.place(spec) {
            case .node(let node):
                bindings.append((pod, node))
                fit.podCounts[node, default: 0] += 1
                for (resource, amount) in spec.requests { fit.used[node, default: [:]][resource, default: 0] += amount }
                schedulingMessages[pod.metadata.uid ?? ""] = nil
            case .unschedulable(let message):
                let uid = pod.metadata.uid ?? ""
                guard schedulingMessages[uid] != message else { continue }
                schedulingMessages[uid] = message
                failures.append((pod, message))
            }
        }
        await forEachConcurrently(bindings) { pod, node in try await self.bind(pod, to: node) }
        await forEachConcurrently(failures) { pod, message in try await self.markUnschedulable(pod, message: message) }
    }

    private nonisolated func bind(_ pod: Pod, to node: String) async throws {
        guard let name = pod.metadata.name else { return }
        _ = try await client.patch(
            Pod.self,
            name: name,
            namespace: pod.metadata.namespace,
            patch: .merge(["spec": ["nodeName": .string(node)]])
        )
        let message = "Successfully assigned \(pod.metadata.namespace ?? "default")/\(name) to \(node)"
        await record(
            ObjectFactory.event(
                about: ObjectFactory.reference(to: pod),
                type: "Normal",
                reason: "Scheduled",
                message: message,
                component: "default-scheduler",
                now: Date()
            )
        )
    }

    private nonisolated func markUnschedulable(_ pod: Pod, message: String) async throws {
        guard let name = pod.metadata.name else { return }
        let now = Kube.KubeTime.format(Date())
        let condition = ObjectFactory.condition(
            "PodScheduled",
            false,
            reason: "Unschedulable",
            message: message,
            now: now
        )
        _ = try await client.patch(
            Pod.self,
            name: name,
            namespace: pod.metadata.namespace,
            subresource: "status",
            patch: .merge(["status": ["phase": "Pending", "conditions": [try JSONValue(encoding: condition)]]])
        )
        await record(
            ObjectFactory.event(
                about: ObjectFactory.reference(to: pod),
                type: "Warning",
                reason: "FailedScheduling",
                message: message,
                component: "default-scheduler",
                now: Date()
            )
        )
    }
}
