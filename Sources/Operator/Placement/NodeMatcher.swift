/// Decides which nodes can run a pool's pods, from the pool's GPU section and GFD labels.
public struct NodeMatcher: Sendable, Equatable {
    /// GFD's product label.
    public static let productLabel = "nvidia.com/gpu.product"
    /// GFD's per-GPU memory label, in MiB.
    public static let memoryLabel = "nvidia.com/gpu.memory"
    /// GFD's sharing replicas label (time-slicing or MPS).
    public static let replicasLabel = "nvidia.com/gpu.replicas"
    /// The suffix GFD appends to the product under time-slicing or MPS.
    public static let sharedSuffix = "-SHARED"

    /// The pool's GPU section.
    public var gpu: GPUSpec

    /// Creates a matcher for `gpu`.
    public init(gpu: GPUSpec) {
        self.gpu = gpu
    }

    /// The tolerations the pool's pods carry: the `nvidia.com/gpu` one plus the pool's extras.
    public var tolerations: [Toleration] {
        [Toleration.nvidiaGPU] + gpu.tolerations.filter { $0 != Toleration.nvidiaGPU }
    }

    /// Product label values accepted on nodes: each product, its `-SHARED` form, and MIG-single forms.
    public var acceptedProductLabels: [String] {
        gpu.products.flatMap { [$0, $0 + Self.sharedSuffix] }
    }

    /// Whether `node` can run one of the pool's pods, ignoring how much is free.
    public func matches(_ node: NodeInfo) -> Bool {
        guard node.isReady, !node.isUnschedulable, (node.allocatable[gpu.resourceName] ?? 0) > 0 else { return false }
        return matchesProduct(node) && matchesMemory(node) && matchesSelector(node) && toleratesTaints(node)
    }

    /// Whether the node's GPU product is accepted; an empty product list accepts any.
    func matchesProduct(_ node: NodeInfo) -> Bool {
        guard !gpu.products.isEmpty else { return true }
        guard let product = node.labels[Self.productLabel] else { return false }
        let base = product.hasSuffix(Self.sharedSuffix) ? String(product.dropLast(Self.sharedSuffix.count)) : product
        return gpu.products.contains { accepted in
            base == accepted || product == accepted || base.hasPrefix(accepted + "-MIG-")
        }
    }

    /// Whether the node's GPUs (or MIG slices) have at least `minMemoryMiB`.
    func matchesMemory(_ node: NodeInfo) -> Bool {
        guard let minimum = gpu.minMemoryMiB else { return true }
        let migLabel = gpu.resourceName + ".memory"
        let text =
            gpu.isMIGProfile ? (node.labels[migLabel] ?? node.labels[Self.memoryLabel]) : node.labels[Self.memoryLabel]
        guard let text, let memory = Int(text) else { return false }
        return memory >= minimum
    }

    /// Whether the node carries every label of the pool's extra node selector.
    func matchesSelector(_ node: NodeInfo) -> Bool {
        gpu.nodeSelector.allSatisfy { node.labels[$0.key] == $0.value }
    }

    /// Whether every NoSchedule and NoExecute taint of the node is tolerated.
    func toleratesTaints(_ node: NodeInfo) -> Bool {
        let tolerations = tolerations
        return node.taints.filter { $0.effect != "PreferNoSchedule" }.allSatisfy { taint in
            tolerations.contains { $0.tolerates(key: taint.key, value: taint.value, effect: taint.effect) }
        }
    }

    /// How many physical GPUs one unit of the resource is on `node`: 1, or 1/replicas when shared.
    public func gpuFractionPerUnit(on node: NodeInfo) -> Double {
        let isShared = node.labels[Self.productLabel]?.hasSuffix(Self.sharedSuffix) ?? false
        guard let replicas = node.labels[Self.replicasLabel].flatMap(Int.init), replicas > 1 else { return 1 }
        return isShared || node.labels["nvidia.com/gpu.sharing-strategy"].map({ $0 != "none" }) ?? false
            ? 1 / Double(replicas) : 1
    }
}
