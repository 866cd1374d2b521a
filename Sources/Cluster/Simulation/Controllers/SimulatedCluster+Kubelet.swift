import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The kubelet of every simulated node: starts bound pods (Running, a loopback pod IP, an HTTP
    /// server per container port for inference pods), marks them Ready once their model has loaded,
    /// and tears down pods that were deleted.
    func runKubelet(_ snapshot: ClusterSnapshot) async {
        let nodeAddresses = Dictionary(
            snapshot.nodes.map {
                ($0.metadata.name ?? "", $0.status?.addresses?.first { $0.type == "InternalIP" }?.address ?? "")
            },
            uniquingKeysWith: { first, _ in first }
        )
        var seen: Set<String> = []
        for pod in snapshot.pods where pod.isScheduled && !pod.isTerminal {
            guard let uid = pod.metadata.uid, let node = pod.spec?.nodeName, nodeAddresses[node] != nil else {
                continue
            }
            seen.insert(uid)
            do {
                if pod.metadata.deletionTimestamp != nil {
                    await stopPod(uid)
                    try await finishDeletion(pod)
                } else if kubeletPods[uid] == nil {
                    try await startPod(pod, hostIP: nodeAddresses[node] ?? "", snapshot: snapshot)
                } else if let started = kubeletPods[uid], !started.isReady, ContinuousClock.now >= started.readyAt {
                    try await markReady(pod)
                }
            } catch {
                logger.debug(
                    "kubelet sync failed",
                    ["object.name": .string(pod.metadata.name ?? ""), "error": .string("\(error)")]
                )
            }
        }
        for uid in kubeletPods.keys where !seen.contains(uid) {
            await stopPod(uid)
        }
    }

    private func startPod(_ pod: Pod, hostIP: String, snapshot: ClusterSnapshot) async throws {
        guard let uid = pod.metadata.uid, let name = pod.metadata.name, let namespace = pod.metadata.namespace else {
            return
        }
        guard let ip = addresses.allocate() else { throw SimulationError.unsupported("no free loopback pod IP") }

        // Inference pods join their Deployment's pool and serve HTTP on their pod IP.
        var loadSeconds = 0.0
        var servesInference = false
        if let deployment = snapshot.deployment(of: pod), let deploymentName = deployment.metadata.name,
            let settings = try? SimulationAnnotations.settings(
                of: deployment,
                defaultLoadSeconds: options.defaultModelLoadSeconds
            )
        {
            let key = InferenceFleet.PoolKey(namespace: namespace, name: deploymentName)
            await fleet.configurePool(key, settings: settings)
            await fleet.addReplica(name, to: key)
            let ports = (pod.spec?.containers ?? []).flatMap { $0.ports ?? [] }.map(\.containerPort)
            do {
                try await endpoints.start(pod: name, ip: ip, ports: ports)
            } catch {
                await fleet.removeReplica(name)
                addresses.release(ip)
                throw error
            }
            loadSeconds = settings.modelLoadSeconds
            servesInference = true
        }
        kubeletPods[uid] = KubeletPod(
            namespace: namespace,
            name: name,
            ip: ip,
            readyAt: ContinuousClock.now + .milliseconds(Int(loadSeconds * 1000)),
            isReady: false,
            servesInference: servesInference
        )
        try await writeStatus(pod, ip: ip, hostIP: hostIP, isReady: false)
    }

    private func markReady(_ pod: Pod) async throws {
        guard let uid = pod.metadata.uid, var started = kubeletPods[uid] else { return }
        try await writeStatus(pod, ip: started.ip, hostIP: pod.status?.hostIP ?? "", isReady: true)
        if started.servesInference { await fleet.setReady(true, pod: started.name) }
        started.isReady = true
        kubeletPods[uid] = started
    }

    private func stopPod(_ uid: String) async {
        guard let started = kubeletPods.removeValue(forKey: uid) else { return }
        if started.servesInference {
            await endpoints.stop(pod: started.name)
            await fleet.removeReplica(started.name)
        }
        addresses.release(started.ip)
    }

    private func finishDeletion(_ pod: Pod) async throws {
        guard let name = pod.metadata.name else { return }
        do {
            try await client.delete(
                Pod.self,
                name: name,
                namespace: pod.metadata.namespace,
                options: DeleteOptions(gracePeriodSeconds: 0)
            )
        } catch let error as KubeClientError where error.code == 404 {
            return
        }
    }

    // The status a kubelet posts: phase, IPs, conditions and one running container status each.
    private func writeStatus(_ pod: Pod, ip: String, hostIP: String, isReady: Bool) async throws {
        guard let name = pod.metadata.name else { return }
        let now = Kube.KubeTime.format(Date())
        let started = pod.status?.startTime ?? now
        let conditions: [Condition] = [
            ObjectFactory.condition("PodReadyToStartContainers", true, now: now),
            ObjectFactory.condition("Initialized", true, now: now),
            ObjectFactory.condition("Ready", isReady, reason: isReady ? nil : "ContainersNotReady", now: now),
            ObjectFactory.condition("ContainersReady", isReady, reason: isReady ? nil : "ContainersNotReady", now: now),
            ObjectFactory.condition("PodScheduled", true, now: now),
        ]
        let containers: [JSONValue] = (pod.spec?.containers ?? []).map { container in
            [
                "name": .string(container.name),
                "image": .string(container.image ?? ""),
                "imageID": .string(container.image ?? ""),
                "containerID": .string("simulated://\(pod.metadata.uid ?? "")/\(container.name)"),
                "ready": .bool(isReady),
                "started": true,
                "restartCount": 0,
                "state": ["running": ["startedAt": .string(started)]],
            ]
        }
        let status: JSONValue = [
            "phase": "Running",
            "hostIP": .string(hostIP),
            "hostIPs": [["ip": .string(hostIP)]],
            "podIP": .string(ip),
            "podIPs": [["ip": .string(ip)]],
            "startTime": .string(started),
            "qosClass": "Burstable",
            "conditions": .array(try conditions.map { try JSONValue(encoding: $0) }),
            "containerStatuses": .array(containers),
        ]
        _ = try await client.patch(
            Pod.self,
            name: name,
            namespace: pod.metadata.namespace,
            subresource: "status",
            patch: .merge(["status": status])
        )
    }
}
