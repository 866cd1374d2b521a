/// GPU capacity for one pool: what the matching nodes have free and how many more replicas fit.
public struct GPUCapacity: Sendable, Equatable {
    /// Names of the nodes that match the pool's placement.
    public var matchingNodes: [String]
    /// Free units of the pool's GPU resource on those nodes.
    public var freeUnits: Double
    /// Free physical GPUs: units times each node's fraction per unit (time-sliced GPUs count partly).
    public var freeGPUs: Double
    /// Pool pods bound to a node and not finished.
    public var scheduledReplicas: Int
    /// Pool pods the scheduler could not place (`PodScheduled=False`, reason `Unschedulable`).
    ///
    /// A pod that was just created and has not been looked at by the scheduler yet is not counted:
    /// pending for a moment during a scale-up or rollout is no capacity shortage.
    public var pendingReplicas: Int
    /// More replicas the matching nodes can take now, after the pool's pending pods are placed.
    public var additionalReplicas: Int
    /// The scheduler's message for a pending pool pod, if any.
    public var pendingMessage: String?
    /// Replicas the free GPUs fit in all, before the pool's waiting pods take their share.
    public var fittingReplicas: Int

    /// Creates a capacity reading.
    public init(
        matchingNodes: [String],
        freeUnits: Double,
        freeGPUs: Double,
        scheduledReplicas: Int,
        pendingReplicas: Int,
        additionalReplicas: Int,
        pendingMessage: String? = nil,
        fittingReplicas: Int? = nil
    ) {
        self.fittingReplicas = fittingReplicas ?? additionalReplicas + pendingReplicas
        self.matchingNodes = matchingNodes
        self.freeUnits = freeUnits
        self.freeGPUs = freeGPUs
        self.scheduledReplicas = scheduledReplicas
        self.pendingReplicas = pendingReplicas
        self.additionalReplicas = additionalReplicas
        self.pendingMessage = pendingMessage
    }

    /// Replicas the matching nodes can run in all: those bound to a node plus what the free GPUs fit.
    public var schedulableReplicas: Int {
        scheduledReplicas + fittingReplicas
    }

    /// One sentence on the nodes, their free GPUs and the replicas they can run, used by both the
    /// `CapacityAvailable` condition and the `CapacityExhausted` Event so their numbers agree.
    public var summary: String {
        "\(matchingNodes.count) matching GPU nodes have \(NumberText.short(freeGPUs)) GPUs free and can run "
            + "\(schedulableReplicas) replicas"
    }

    /// The status block for this capacity.
    public var status: GPUCapacityStatus {
        GPUCapacityStatus(
            matchingNodes: matchingNodes.count,
            free: (freeGPUs * 1000).rounded() / 1000,
            schedulableReplicas: schedulableReplicas,
            pendingReplicas: pendingReplicas
        )
    }

    /// Computes capacity from every pod in the cluster (what holds GPUs) and the pool's own pods.
    ///
    /// A node's free units are its allocatable amount of the resource minus what its bound,
    /// unfinished pods request; each node fits `floor(free / count)` more replicas.
    public static func compute(gpu: GPUSpec, nodes: [NodeInfo], pods: [PodInfo], poolPods: [PodInfo]) -> GPUCapacity {
        let matcher = NodeMatcher(gpu: gpu)
        let matching = nodes.filter(matcher.matches).sorted { $0.name < $1.name }
        var used: [String: Double] = [:]
        for pod in pods where pod.holdsResources {
            if let node = pod.nodeName { used[node, default: 0] += pod.requests[gpu.resourceName] ?? 0 }
        }

        var freeUnits = 0.0
        var freeGPUs = 0.0
        var fits = 0
        for node in matching {
            let free = max(0, (node.allocatable[gpu.resourceName] ?? 0) - (used[node.name] ?? 0))
            freeUnits += free
            freeGPUs += free * matcher.gpuFractionPerUnit(on: node)
            fits += Int((free / Double(max(1, gpu.count))).rounded(.down))
        }

        let live = poolPods.filter { !$0.isTerminating }
        let waiting = live.filter(\.isPendingUnscheduled)
        let unschedulable = waiting.filter { $0.unschedulableMessage != nil }
        return GPUCapacity(
            matchingNodes: matching.map(\.name),
            freeUnits: freeUnits,
            freeGPUs: freeGPUs,
            scheduledReplicas: live.filter(\.holdsResources).count,
            pendingReplicas: unschedulable.count,
            additionalReplicas: max(0, fits - waiting.count),
            pendingMessage: unschedulable.compactMap(\.unschedulableMessage).first { !$0.isEmpty },
            fittingReplicas: fits
        )
    }
}
