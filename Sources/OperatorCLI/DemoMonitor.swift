import Cluster
import Foundation
import Kube
import YAML

/// Reads the demo's state through the Kubernetes API: each pool's simulation stats ConfigMap, its
/// pods and its InferencePool's desired replicas; also keeps Prometheus's target file current.
struct DemoMonitor {
    let client: KubeClient
    let namespace: String

    static let poolResource = ResourceDescriptor(
        group: "poolpilot.dev",
        version: "v1alpha1",
        plural: "inferencepools",
        kind: "InferencePool",
        namespaced: true
    )

    /// One pool's sample, and how many replicas held a GPU (ready or loading).
    func sample(pool: String, since start: ContinuousClock.Instant) async throws -> (DemoSample, Int) {
        let pods = try await client.list(
            Pod.self,
            namespace: namespace,
            options: ListOptions(labelSelector: "app=\(pool)")
        )
        let pending = pods.items.filter { $0.status?.phase == "Pending" }.count
        let running = pods.items.filter { $0.status?.phase == "Running" }.count
        let ready = pods.items.filter { pod in
            pod.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } ?? false
        }.count
        let stats = try? await poolStats(pool)
        let desired = try? await desiredReplicas(pool)
        let elapsed = ContinuousClock.now - start
        let sample = DemoSample(
            time: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            arrivalRate: stats?.arrivalRate ?? 0,
            waiting: stats?.waiting ?? 0,
            desiredReplicas: desired,
            readyReplicas: ready,
            pendingReplicas: pending,
            gpuMemoryUsedBytes: stats?.gpuMemoryUsedBytes ?? 0,
            gpuMemoryTotalBytes: stats?.gpuMemoryTotalBytes ?? 0,
            attainment: stats?.attainment
        )
        return (sample, running)
    }

    /// The pool's statistics from its `poolpilot-sim-<name>` ConfigMap.
    func poolStats(_ pool: String) async throws -> PoolStats? {
        let configMap = try await client.get(
            SimulationStatsConfigMap.self,
            name: SimulationStatsConfigMap.name(forDeployment: pool),
            namespace: namespace
        )
        guard let json = configMap.data?["stats.json"] else { return nil }
        return try JSONDecoder().decode(PoolStats.self, from: Data(json.utf8))
    }

    /// `status.desiredReplicas` of the InferencePool.
    func desiredReplicas(_ pool: String) async throws -> Int? {
        let object = try await client.get(UnstructuredObject.self, Self.poolResource, name: pool, namespace: namespace)
        return object.object.value(at: ["status", "desiredReplicas"])?.integerValue.map { Int($0) }
    }

    /// Rewrites Prometheus's `file_sd` targets: every pod of the pools with an IP, on its metrics port.
    func writeTargets(to file: URL, ports: [String: Int]) async throws {
        let pods = try await client.list(Pod.self, namespace: namespace)
        var targets: [PrometheusDemoConfig.Target] = []
        for pod in pods.items {
            guard let ip = pod.status?.podIP, let app = pod.metadata.labels?["app"], let port = ports[app] else {
                continue
            }
            targets.append(.init(address: "\(ip):\(port)", namespace: namespace, pod: pod.metadata.name ?? ""))
        }
        let text = PrometheusDemoConfig.targets(targets.sorted { $0.pod < $1.pod })
        if (try? String(contentsOf: file, encoding: .utf8)) != text {
            try Data(text.utf8).write(to: file, options: .atomic)
        }
    }
}
