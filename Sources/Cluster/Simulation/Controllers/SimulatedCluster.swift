import Foundation
import Kube
import Telemetry
import YAML

/// The simulated GPU cluster's controllers: nodes, the NVIDIA device plugin DaemonSet, Deployments,
/// ReplicaSets, the scheduler and the kubelet with its inference servers.
///
/// Every controller talks to the API server through ``KubeClient``, like a real one, so the same
/// objects are seen by `kubectl`, Prometheus and the operator. Each pass lists the objects and
/// converges them (level-triggered; a failed write is retried by the next pass).
///
/// ```swift
/// let cluster = SimulatedCluster(client: client, options: SimulationOptions())
/// try await cluster.run()      // until the task is cancelled
/// ```
/// Known limitation: controllers poll with lists every ``SimulationOptions/passInterval`` instead of
/// watching; fine for the few hundred objects of a development cluster.
public actor SimulatedCluster {
    /// What the kubelet tracks for a started pod.
    struct KubeletPod: Sendable {
        var namespace: String
        var name: String
        var ip: String
        var readyAt: ContinuousClock.Instant
        var isReady: Bool
        var servesInference: Bool
    }

    let client: KubeClient
    let options: SimulationOptions
    let logger: Logger
    /// The inference servers behind the pods.
    public let fleet: InferenceFleet
    let endpoints: PodEndpoints

    var addresses = PodIPAllocator()
    var kubeletPods: [String: KubeletPod] = [:]
    var schedulingMessages: [String: String] = [:]
    var loadErrors: [String: String] = [:]
    var lastStatsPublish: ContinuousClock.Instant?

    /// Creates the controllers; nothing runs before ``run()``.
    public init(client: KubeClient, options: SimulationOptions, logger: Logger = .disabled) {
        self.client = client
        self.options = options
        self.logger = logger.named("simulation")
        let fleet = InferenceFleet()
        self.fleet = fleet
        self.endpoints = PodEndpoints(fleet: fleet)
    }

    /// Registers the nodes and the device plugin, then runs controller passes until cancelled.
    ///
    /// Pod servers are stopped on the way out.
    ///
    /// - Throws: only when the nodes cannot be registered at start; later failures are retried.
    public func run() async throws {
        try await registerNodes()
        try await ensureDevicePlugin()
        logger.info("simulated cluster started", ["nodes": .integer(options.nodes.nodes().count)])
        while !Task.isCancelled {
            do {
                try await reconcileOnce()
            } catch is CancellationError {
                break
            } catch {
                logger.debug("controller pass failed", ["error": .string("\(error)")])
            }
            try? await Task.sleep(for: .seconds(options.passInterval))
        }
        await endpoints.stopAll()
    }

    /// One pass of every controller over a fresh listing.
    public func reconcileOnce() async throws {
        let snapshot = try await ClusterSnapshot.read(client)
        await reconcileDeployments(snapshot)
        await reconcileReplicaSets(snapshot)
        await reconcileDaemonSets(snapshot)
        await schedulePods(snapshot)
        await configureFleet(snapshot)
        await runKubelet(snapshot)
        await fleet.tick()
        await publishStats(snapshot)
    }

    // MARK: - Nodes

    /// Creates the described nodes (or refreshes their labels, taints and status).
    func registerNodes() async throws {
        let now = Kube.KubeTime.format(Date())
        for (index, simulated) in options.nodes.nodes().enumerated() {
            let desired = simulated.kubeNode(index: index, now: now)
            do {
                _ = try await client.create(desired)
            } catch let error as KubeClientError where error.code == 409 {
                var existing = try await client.get(Node.self, name: simulated.name)
                existing.metadata.labels = desired.metadata.labels
                existing.spec = desired.spec
                existing = try await client.update(existing)
            }
            var current = try await client.get(Node.self, name: simulated.name)
            current.status = desired.status
            _ = try await client.updateStatus(current)
        }
    }

    /// Creates the NVIDIA device plugin DaemonSet in `kube-system` (one pod per GPU node).
    func ensureDevicePlugin() async throws {
        try await ensureNamespace("kube-system")
        let labels = ["name": "nvidia-device-plugin-ds"]
        let template = PodTemplateSpec(
            metadata: ObjectMeta(labels: labels),
            spec: PodSpec(
                containers: [
                    Container(name: "nvidia-device-plugin-ctr", image: "nvcr.io/nvidia/k8s-device-plugin:v0.17.0")
                ],
                nodeSelector: ["nvidia.com/gpu.present": "true"],
                tolerations: [
                    Toleration(key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule"),
                    Toleration(key: "CriticalAddonsOnly", operator: "Exists"),
                ],
                priorityClassName: "system-node-critical"
            )
        )
        let daemonSet = DaemonSet(
            metadata: ObjectMeta(name: "nvidia-device-plugin-daemonset", namespace: "kube-system", labels: labels),
            spec: DaemonSetSpec(selector: Kube.LabelSelector(matchLabels: labels), template: template)
        )
        do {
            _ = try await client.create(daemonSet)
        } catch let error as KubeClientError where error.code == 409 {
            return
        }
    }

    func ensureNamespace(_ name: String) async throws {
        do {
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: name)))
        } catch let error as KubeClientError where error.code == 409 {
            return
        }
    }

    /// Writes an event, ignoring failures (events are best effort, as in Kubernetes).
    nonisolated func record(_ event: Event) async {
        _ = try? await client.create(event)
    }
}
