import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// The kubelet of every simulated node: starts bound pods (Running, a loopback pod IP, an HTTP
    /// server per container port for inference pods), marks them Ready once their model has loaded,
    /// and tears down pods that were deleted.
    func runKubelet(_ snapshot: ClusterSnapshot) async {
        // Only the simulated nodes have this kubelet; other Node objects belong to someone else.
        let simulatedNodes = snapshot.nodes.filter { $0.metadata.labels?["poolpilot.dev/simulated"] == "true" }
        let nodeAddresses = Dictionary(
            simulatedNodes.map {
                ($0.metadata.name ?? "", $0.status?.addresses?.first { $0.type == "InternalIP" }?.address ?? "")
            },
            uniquingKeysWith: { first, _ in first }
        )
        var seen: Set<String> = []
        var deletions: [Pod] = []
        var statusWrites: [(Pod, String, String, Bool)] = []
        for pod in snapshot.pods where pod.isScheduled && !pod.isTerminal {
            guard let uid = pod.metadata.uid, let node = pod.spec?.nodeName, let hostIP = nodeAddresses[node] else {
                continue
            }
            seen.insert(uid)
            if pod.metadata.deletionTimestamp != nil {
                await stopPod(uid)
                deletions.append(pod)
            } else if kubeletPods[uid] == nil {
                do {
                    let ip = try await startPod(pod, snapshot: snapshot)
                    statusWrites.append((pod, ip, hostIP, false))
                } catch {
                    logger.debug(
                        "pod start failed",
                        ["object.name": .string(pod.metadata.name ?? ""), "error": .string("\(error)")]
                    )
                }
            } else if let started = kubeletPods[uid], !started.isReady, ContinuousClock.now >= started.readyAt {
                statusWrites.append((pod, started.ip, hostIP, true))
            }
        }
        for uid in kubeletPods.keys where !seen.contains(uid) {
            await stopPod(uid)
        }

        await forEachConcurrently(deletions) { pod in try await self.finishDeletion(pod) }
        await forEachConcurrently(statusWrites) { pod, ip, hostIP, isReady in
            try await self.writeStatus(pod, ip: ip, hostIP: hostIP, isReady: isReady)
            if isReady, let uid = pod.metadata.uid { await self.readinessWritten(uid) }
        }
    }

    // Once the API shows the pod Ready, its replica takes traffic.
    private func readinessWritten(_ uid: String) async {
        guard var started = kubeletPods[uid], !started.isReady else { return }
        started.isReady = true
        kubeletPods[uid] = started
        if started.servesInference { await fleet.setReady(true, pod: started.name) }
    }

    /// Gives a pod its IP, joins it to its pool and starts its servers; returns the IP.
    private func startPod(_ pod: Pod, snapshot: ClusterSnapshot) async throws -> String {
        guard let uid = pod.metadata.uid, let name = pod.metadata.name, let namespace = pod.metadata.namespace else {
            throw SimulationError.unsupported("pod without uid, name or namespace")
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
                // The address stays taken (another process, e.g. a second simulated cluster, may
                // hold it), so the next pass tries the next one.
                await fleet.removeReplica(name)
                logger.info(
                    "pod ip unavailable, trying another",
                    ["pod.ip": .string(ip), "error": .string("\(error)")]
                )
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
        return ip
    }

    private func stopPod(_ uid: String) async {
        guard let started = kubeletPods.removeValue(forKey: uid) else { return }
        if started.servesInference {
            await endpoints.stop(pod: started.name)
            await fleet.removeReplica(started.name)
        }
        addresses.release(started.ip)
    }

    private nonisolated func finishDeletion(_ pod: Pod) async throws {
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
    private nonisolated func writeStatus(_ pod: Pod, ip: String, hostIP: String, isReady: Bool) async throws {
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
