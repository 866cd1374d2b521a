import Kube

/// A simulated node: its labels as GPU Feature Discovery and the GPU Operator set them, its taints
/// and what the NVIDIA device plugin advertises as allocatable.
///
/// Time-slicing without rename advertises `gpusPerNode × replicas` of `nvidia.com/gpu` and appends
/// `-SHARED` to the product label. MIG (mixed strategy) advertises `nvidia.com/mig-<profile>`
/// devices and no whole `nvidia.com/gpu`.
public struct SimulatedNode: Sendable, Equatable {
    /// Node name.
    public var name: String
    /// Node labels.
    public var labels: [String: String]
    /// Node taints.
    public var taints: [Taint]
    /// Allocatable resources as quantity strings (`cpu`, `memory`, `pods`, GPU resources).
    public var allocatable: [String: String]
    /// Whether the node is cordoned (`spec.unschedulable`).
    public var isUnschedulable = false

    /// Creates a node from parts.
    public init(name: String, labels: [String: String], taints: [Taint], allocatable: [String: String]) {
        self.name = name
        self.labels = labels
        self.taints = taints
        self.allocatable = allocatable
    }

    /// Builds the `index`-th node (1-based) of a pool description.
    public init(pool: NodePoolDescription.Pool, index: Int) {
        let name = "gpu-\(pool.name)-\(index)"
        let facts = GPUProduct.named(pool.product, memoryMiB: pool.memoryMiB)
        let replicas = max(1, pool.timeSlicingReplicas ?? 1)
        let isShared = replicas > 1
        var labels: [String: String] = [
            "kubernetes.io/hostname": name,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "poolpilot.dev/simulated": "true",
            "feature.node.kubernetes.io/pci-10de.present": "true",
            "nvidia.com/gpu.present": "true",
            "nvidia.com/gpu.deploy.device-plugin": "true",
            "nvidia.com/gpu.deploy.gpu-feature-discovery": "true",
            "nvidia.com/gpu.product": isShared ? pool.product + "-SHARED" : pool.product,
            "nvidia.com/gpu.memory": String(facts.memoryMiB),
            "nvidia.com/gpu.count": String(pool.gpusPerNode),
            "nvidia.com/gpu.replicas": String(replicas),
            "nvidia.com/gpu.sharing-strategy": isShared ? "time-slicing" : "none",
            "nvidia.com/gpu.family": facts.family,
            "nvidia.com/gpu.compute.major": String(facts.computeMajor),
            "nvidia.com/gpu.compute.minor": String(facts.computeMinor),
            "nvidia.com/gpu.mode": "compute",
            "nvidia.com/mig.capable": facts.family == "hopper" || facts.family == "ampere" ? "true" : "false",
        ]
        var allocatable: [String: String] = [
            "cpu": pool.cpu ?? "224",
            "memory": pool.memory ?? "2Ti",
            "pods": "110",
        ]

        // MIG mixed: one label set and one resource per profile; no whole GPUs remain.
        if let mig = pool.mig, !mig.isEmpty {
            labels["nvidia.com/mig.strategy"] = "mixed"
            for (profileName, perGPU) in mig.sorted(by: { $0.key < $1.key }) {
                guard let profile = MIGProfile(profileName) else { continue }
                let prefix = "nvidia.com/mig-\(profile.name)"
                labels["\(prefix).count"] = String(perGPU * pool.gpusPerNode)
                labels["\(prefix).memory"] = String(profile.gigabytes * 1024)
                labels["\(prefix).slices.gi"] = String(profile.slices)
                labels["\(prefix).product"] = "\(pool.product)-MIG-\(profile.name)"
                labels["\(prefix).replicas"] = "1"
                allocatable[profile.resourceName] = String(perGPU * pool.gpusPerNode)
            }
        } else {
            allocatable["nvidia.com/gpu"] = String(pool.gpusPerNode * replicas)
        }
        self.init(name: name, labels: labels, taints: pool.taints ?? [.gpu], allocatable: allocatable)
    }
}
