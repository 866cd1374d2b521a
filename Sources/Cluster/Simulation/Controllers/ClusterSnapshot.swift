import Kube

/// What the simulated controllers read from the API server at the start of a pass.
///
/// Controllers are level-triggered: each pass lists the objects and converges them; writes go back
/// through the client and are seen by the next pass.
struct ClusterSnapshot: Sendable {
    var nodes: [Node]
    var pods: [Pod]
    var replicaSets: [ReplicaSet]
    var deployments: [Deployment]
    var daemonSets: [DaemonSet]

    /// Lists everything the controllers need.
    static func read(_ client: KubeClient) async throws -> ClusterSnapshot {
        async let nodes = client.listAll(Node.self)
        async let pods = client.listAll(Pod.self)
        async let replicaSets = client.listAll(ReplicaSet.self)
        async let deployments = client.listAll(Deployment.self)
        async let daemonSets = client.listAll(DaemonSet.self)
        return try await ClusterSnapshot(
            nodes: nodes.items,
            pods: pods.items,
            replicaSets: replicaSets.items,
            deployments: deployments.items,
            daemonSets: daemonSets.items
        )
    }

    /// Pods whose controlling owner has this uid, not being deleted.
    func pods(ownedBy uid: String?) -> [Pod] {
        guard let uid else { return [] }
        return pods.filter { $0.metadata.controllerUID == uid && $0.metadata.deletionTimestamp == nil }
    }

    /// ReplicaSets whose controlling owner has this uid.
    func replicaSets(ownedBy uid: String?) -> [ReplicaSet] {
        guard let uid else { return [] }
        return replicaSets.filter { $0.metadata.controllerUID == uid }
    }

    /// The Deployment that owns a pod through its ReplicaSet, if any.
    func deployment(of pod: Pod) -> Deployment? {
        guard let replicaSetUID = pod.metadata.controllerUID,
            let replicaSet = replicaSets.first(where: { $0.metadata.uid == replicaSetUID }),
            let deploymentUID = replicaSet.metadata.controllerUID
        else { return nil }
        return deployments.first { $0.metadata.uid == deploymentUID }
    }
}

extension ObjectMeta {
    /// The uid of the controlling owner reference.
    var controllerUID: String? {
        ownerReferences?.first { $0.controller == true }?.uid
    }
}

extension Pod {
    /// Whether the pod's Ready condition is True.
    var isReady: Bool {
        status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } ?? false
    }

    /// Whether the pod is bound to a node.
    var isScheduled: Bool { !(spec?.nodeName ?? "").isEmpty }

    /// Whether the pod has finished for good.
    var isTerminal: Bool { status?.phase == "Succeeded" || status?.phase == "Failed" }
}
