import Operator
import Testing

@Suite struct GPUCapacityTests {
    static let h100 = NodeInfo(
        name: "h100-a",
        labels: ["nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3", "nvidia.com/gpu.memory": "81559"],
        allocatable: ["nvidia.com/gpu": 8],
        taints: [NodeInfo.Taint(key: "nvidia.com/gpu", value: "present", effect: "NoSchedule")]
    )
    static let l4Shared = NodeInfo(
        name: "l4-shared",
        labels: [
            "nvidia.com/gpu.product": "NVIDIA-L4-SHARED", "nvidia.com/gpu.memory": "23034",
            "nvidia.com/gpu.replicas": "4", "nvidia.com/gpu.sharing-strategy": "time-slicing",
        ],
        allocatable: ["nvidia.com/gpu": 4]
    )
    static let cpuOnly = NodeInfo(name: "cpu", allocatable: ["cpu": 16])

    @Test func `counts allocatable minus what scheduled pods request`() {
        let pods = [
            PodInfo(name: "other", nodeName: "h100-a", requests: ["nvidia.com/gpu": 3]),
            PodInfo(name: "done", nodeName: "h100-a", phase: "Succeeded", requests: ["nvidia.com/gpu": 4]),
            PodInfo(name: "llama-1", nodeName: "h100-a", requests: ["nvidia.com/gpu": 2]),
        ]
        let capacity = GPUCapacity.compute(
            gpu: GPUSpec(count: 2, products: ["NVIDIA-H100-80GB-HBM3"]),
            nodes: [Self.h100, Self.cpuOnly],
            pods: pods,
            poolPods: [pods[2]]
        )
        #expect(capacity.matchingNodes == ["h100-a"])
        #expect(capacity.freeUnits == 3)
        #expect(capacity.additionalReplicas == 1)
        #expect(capacity.schedulableReplicas == 2)
    }

    @Test func `counts time-sliced GPUs as fractions and matches the SHARED product`() {
        let capacity = GPUCapacity.compute(
            gpu: GPUSpec(products: ["NVIDIA-L4"]),
            nodes: [Self.l4Shared],
            pods: [PodInfo(name: "a", nodeName: "l4-shared", requests: ["nvidia.com/gpu": 1])],
            poolPods: []
        )
        #expect(capacity.matchingNodes == ["l4-shared"])
        #expect(capacity.freeUnits == 3)
        #expect(capacity.freeGPUs == 0.75)
        #expect(capacity.additionalReplicas == 3)
    }

    @Test func `pending pool pods use up the headroom first`() {
        let pending = PodInfo(
            name: "llama-2",
            phase: "Pending",
            isReady: false,
            unschedulableMessage: "0/3 nodes are available: 3 Insufficient nvidia.com/gpu."
        )
        let capacity = GPUCapacity.compute(gpu: GPUSpec(count: 8), nodes: [Self.h100], pods: [], poolPods: [pending])
        #expect(capacity.additionalReplicas == 0)
        #expect(capacity.pendingReplicas == 1)
        #expect(capacity.pendingMessage == "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
    }

    @Test func `skips nodes with too little memory, untolerated taints, cordons or another product`() {
        var cordoned = Self.h100
        cordoned.name = "cordoned"
        cordoned.isUnschedulable = true
        var tainted = Self.h100
        tainted.name = "tainted"
        tainted.taints.append(NodeInfo.Taint(key: "dedicated", value: "training", effect: "NoSchedule"))
        let gpu = GPUSpec(products: ["NVIDIA-H100-80GB-HBM3", "NVIDIA-L4"], minMemoryMiB: 40000)
        let capacity = GPUCapacity.compute(
            gpu: gpu,
            nodes: [Self.h100, Self.l4Shared, cordoned, tainted],
            pods: [],
            poolPods: []
        )
        #expect(capacity.matchingNodes == ["h100-a"])
        var tolerant = gpu
        tolerant.tolerations = [
            Toleration(key: "dedicated", operator: "Equal", value: "training", effect: "NoSchedule")
        ]
        let more = GPUCapacity.compute(gpu: tolerant, nodes: [Self.h100, tainted], pods: [], poolPods: [])
        #expect(more.matchingNodes == ["h100-a", "tainted"])
    }

    @Test func `matches MIG profiles on their own resource and memory label`() {
        let mig = NodeInfo(
            name: "a100-mig",
            labels: [
                "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB", "nvidia.com/mig-3g.40gb.memory": "40192",
                "nvidia.com/gpu.memory": "81920",
            ],
            allocatable: ["nvidia.com/mig-3g.40gb": 2, "nvidia.com/mig-1g.10gb": 1]
        )
        let fits = GPUCapacity.compute(
            gpu: GPUSpec(resourceName: "nvidia.com/mig-3g.40gb", minMemoryMiB: 40000),
            nodes: [mig],
            pods: [],
            poolPods: []
        )
        #expect(fits.additionalReplicas == 2)
        let tooSmall = GPUCapacity.compute(
            gpu: GPUSpec(resourceName: "nvidia.com/mig-3g.40gb", minMemoryMiB: 60000),
            nodes: [mig],
            pods: [],
            poolPods: []
        )
        #expect(tooSmall.matchingNodes.isEmpty)
    }
}
