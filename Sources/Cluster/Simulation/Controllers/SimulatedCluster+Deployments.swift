import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The Deployment controller: one ReplicaSet per pod template (named by its hash), rolling
    /// updates within maxSurge/maxUnavailable (or Recreate), and the status `kubectl rollout status`
    /// reads.
    func reconcileDeployments(_ snapshot: ClusterSnapshot) async {
        for deployment in snapshot.deployments where deployment.metadata.deletionTimestamp == nil {
            do {
                try await reconcile(deployment, snapshot)
            } catch {
                logger.debug(
                    "deployment reconcile failed",
                    ["object.name": .string(deployment.metadata.name ?? ""), "error": .string("\(error)")]
                )
            }
        }
    }

    private func reconcile(_ deployment: Deployment, _ snapshot: ClusterSnapshot) async throws {
        guard let name = deployment.metadata.name, let namespace = deployment.metadata.namespace,
            let spec = deployment.spec
        else { return }
        let desired = spec.replicas ?? 1
        let hash = PodTemplateHash.hash(try JSONValue(encoding: spec.template ?? PodTemplateSpec()))
        let owned = snapshot.replicaSets(ownedBy: deployment.metadata.uid)
        let newSet = owned.first { $0.metadata.labels?["pod-template-hash"] == hash }
        let oldSets = owned.filter { $0.metadata.uid != newSet?.metadata.uid }

        func state(_ set: ReplicaSet?) -> RolloutPlan.ReplicaSetState {
            let pods = snapshot.pods(ownedBy: set?.metadata.uid)
            return .init(
                name: set?.metadata.name ?? "",
                replicas: set?.spec?.replicas ?? 0,
                readyReplicas: pods.filter(\.isReady).count
            )
        }
        let plan = rolloutTargets(
            spec: spec,
            desired: desired,
            new: state(newSet),
            old: oldSets.map { state($0) },
            snapshot: snapshot,
            oldSets: oldSets
        )

        if spec.paused != true {
            if let newSet {
                try await scale(newSet, to: plan.new)
            } else {
                let revision =
                    (owned.compactMap { Int($0.metadata.annotations?["deployment.kubernetes.io/revision"] ?? "") }.max()
                        ?? 0) + 1
                try await createReplicaSet(for: deployment, hash: hash, replicas: plan.new, revision: revision)
            }
            for set in oldSets {
                try await scale(set, to: plan.old[set.metadata.name ?? ""] ?? 0)
            }
        }
        try await updateStatus(
            of: deployment,
            name: name,
            namespace: namespace,
            desired: desired,
            newSet: newSet,
            owned: owned,
            snapshot: snapshot
        )
    }

    private func rolloutTargets(
        spec: DeploymentSpec,
        desired: Int,
        new: RolloutPlan.ReplicaSetState,
        old: [RolloutPlan.ReplicaSetState],
        snapshot: ClusterSnapshot,
        oldSets: [ReplicaSet]
    ) -> (new: Int, old: [String: Int]) {
        // Recreate: every old pod goes first, then the new ReplicaSet scales up.
        if spec.strategy?["type"]?.stringValue == "Recreate" {
            let oldPods = oldSets.reduce(0) { $0 + snapshot.pods(ownedBy: $1.metadata.uid).count }
            let zeros = Dictionary(uniqueKeysWithValues: old.map { ($0.name, 0) })
            return (oldPods == 0 ? desired : 0, zeros)
        }
        let rolling = spec.strategy?["rollingUpdate"]
        let bounds = RolloutPlan.resolveBounds(
            replicas: desired,
            maxSurge: rolling?["maxSurge"].flatMap(Self.intOrString),
            maxUnavailable: rolling?["maxUnavailable"].flatMap(Self.intOrString)
        )
        return RolloutPlan.targets(
            desired: desired,
            surge: bounds.surge,
            unavailable: bounds.unavailable,
            new: new,
            old: old
        )
    }

    static func intOrString(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        return value.integerValue.map { String($0) }
    }

    private func scale(_ set: ReplicaSet, to replicas: Int) async throws {
        guard set.spec?.replicas != replicas, let name = set.metadata.name else { return }
        _ = try await client.patch(
            ReplicaSet.self,
            name: name,
            namespace: set.metadata.namespace,
            patch: .merge(["spec": ["replicas": .integer(Int64(replicas))]])
        )
    }

    private func createReplicaSet(for deployment: Deployment, hash: String, replicas: Int, revision: Int) async throws {
        guard let name = deployment.metadata.name, let spec = deployment.spec else { return }
        var template = spec.template ?? PodTemplateSpec()
        var metadata = template.metadata ?? ObjectMeta()
        metadata.labels = (metadata.labels ?? [:]).merging(["pod-template-hash": hash]) { _, new in new }
        template.metadata = metadata
        var selector = spec.selector ?? Kube.LabelSelector()
        selector.matchLabels = (selector.matchLabels ?? [:]).merging(["pod-template-hash": hash]) { _, new in new }
        let owner = ObjectFactory.ownerReference(
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: deployment.metadata
        )
        let set = ReplicaSet(
            metadata: ObjectMeta(
                name: "\(name)-\(hash)",
                namespace: deployment.metadata.namespace,
                labels: metadata.labels,
                annotations: [
                    "deployment.kubernetes.io/revision": String(revision),
                    "deployment.kubernetes.io/desired-replicas": String(spec.replicas ?? 1),
                ],
                ownerReferences: [owner]
            ),
            spec: ReplicaSetSpec(
                replicas: replicas,
                selector: selector,
                template: template,
                minReadySeconds: spec.minReadySeconds
            )
        )
        _ = try await client.create(set)
    }

    // The fields `kubectl rollout status` reads, written only when they change.
    private func updateStatus(
        of deployment: Deployment,
        name: String,
        namespace: String,
        desired: Int,
        newSet: ReplicaSet?,
        owned: [ReplicaSet],
        snapshot: ClusterSnapshot
    ) async throws {
        let pods = owned.flatMap { snapshot.pods(ownedBy: $0.metadata.uid) }
        let updated = snapshot.pods(ownedBy: newSet?.metadata.uid).count
        let ready = pods.filter(\.isReady).count
        let newSetName = newSet?.metadata.name ?? "\(name)-new"
        let isComplete = newSet != nil && updated == desired && pods.count == desired && ready == desired
        let bounds = RolloutPlan.resolveBounds(
            replicas: desired,
            maxSurge: nil,
            maxUnavailable: deployment.spec?.strategy?["rollingUpdate"]?["maxUnavailable"].flatMap(Self.intOrString)
        )
        let isAvailable = ready >= desired - bounds.unavailable
        let now = Kube.KubeTime.format(Date())
        let previous = deployment.status?.conditions ?? []

        func condition(_ type: String, _ isTrue: Bool, _ reason: String, _ message: String) -> Condition {
            let old = previous.first { $0.type == type }
            let unchanged = old?.status == (isTrue ? "True" : "False") && old?.reason == reason
            return Condition(
                type: type,
                status: isTrue ? "True" : "False",
                reason: reason,
                message: message,
                lastTransitionTime: unchanged ? old?.lastTransitionTime : now,
                lastUpdateTime: unchanged ? old?.lastUpdateTime : now
            )
        }
        let conditions = [
            isAvailable
                ? condition("Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability.")
                : condition(
                    "Available",
                    false,
                    "MinimumReplicasUnavailable",
                    "Deployment does not have minimum availability."
                ),
            isComplete
                ? condition(
                    "Progressing",
                    true,
                    "NewReplicaSetAvailable",
                    "ReplicaSet \"\(newSetName)\" has successfully progressed."
                )
                : condition("Progressing", true, "ReplicaSetUpdated", "ReplicaSet \"\(newSetName)\" is progressing."),
        ]
        let status = DeploymentStatus(
            observedGeneration: deployment.metadata.generation,
            replicas: pods.count,
            updatedReplicas: updated,
            readyReplicas: ready,
            availableReplicas: ready,
            unavailableReplicas: max(0, desired - ready),
            conditions: conditions
        )
        guard status != deployment.status else { return }
        var changed = deployment
        changed.status = status
        _ = try await client.updateStatus(changed)
    }
}
