import Cluster
import Kube
import Testing

@Suite struct SchedulerFitTests {
    let nodes = NodePoolDescription.standard.nodes()
    let gpuToleration = PodSchedulingSpec.Toleration(key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule")

    func pod(gpus: Double, selector: [String: String] = [:], affinity: [[PodSchedulingSpec.Requirement]] = [])
        -> PodSchedulingSpec
    {
        PodSchedulingSpec(
            nodeSelector: selector,
            requiredNodeAffinity: affinity,
            tolerations: [gpuToleration],
            requests: ["nvidia.com/gpu": gpus, "cpu": 4]
        )
    }

    @Test func `reports insufficient gpus on every node like kube-scheduler`() {
        let fit = SchedulerFit(nodes: nodes)
        #expect(
            fit.place(pod(gpus: 64))
                == .unschedulable(message: "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.")
        )
    }

    @Test func `counts what bound pods already use`() {
        let used = Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, ["nvidia.com/gpu": 8.0]) })
        var fit = SchedulerFit(nodes: nodes, used: used)
        #expect(fit.place(pod(gpus: 1)) == .node("gpu-l4-1"))
        fit.used["gpu-l4-1"] = ["nvidia.com/gpu": 32]
        #expect(
            fit.place(pod(gpus: 1))
                == .unschedulable(message: "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.")
        )
    }

    @Test func `an untolerated taint names the taint`() {
        let fit = SchedulerFit(nodes: nodes)
        let plain = PodSchedulingSpec(requests: ["nvidia.com/gpu": 1])
        #expect(
            fit.place(plain)
                == .unschedulable(
                    message: "0/4 nodes are available: 4 node(s) had untolerated taint {nvidia.com/gpu: present}."
                )
        )
    }

    @Test func `required affinity In keeps a pool on h100 nodes`() throws {
        let term = [
            PodSchedulingSpec.Requirement(
                key: "nvidia.com/gpu.product",
                operator: "In",
                values: ["NVIDIA-H100-80GB-HBM3"]
            )
        ]
        let fit = SchedulerFit(nodes: nodes)
        guard case .node(let name) = fit.place(pod(gpus: 2, affinity: [term])) else {
            Issue.record("expected a node")
            return
        }
        #expect(name.hasPrefix("gpu-h100-"))

        let crowded = SchedulerFit(
            nodes: nodes,
            used: ["gpu-h100-1": ["nvidia.com/gpu": 8], "gpu-h100-2": ["nvidia.com/gpu": 8]]
        )
        #expect(
            crowded.place(pod(gpus: 1, affinity: [term]))
                == .unschedulable(
                    message:
                        "0/4 nodes are available: 2 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector."
                )
        )
    }

    struct AffinityCase: Sendable, CustomTestStringConvertible {
        var name: String
        var requirement: PodSchedulingSpec.Requirement
        var expectedNodes: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        AffinityCase(
            name: "NotIn excludes shared GPUs",
            requirement: .init(key: "nvidia.com/gpu.sharing-strategy", operator: "NotIn", values: ["time-slicing"]),
            expectedNodes: ["gpu-a100-1", "gpu-h100-1", "gpu-h100-2"]
        ),
        AffinityCase(
            name: "Exists on a label only MIG nodes carry",
            requirement: .init(key: "nvidia.com/mig.strategy", operator: "Exists"),
            expectedNodes: []
        ),
        AffinityCase(
            name: "Gt on GPU memory",
            requirement: .init(key: "nvidia.com/gpu.memory", operator: "Gt", values: ["81600"]),
            expectedNodes: ["gpu-a100-1"]
        ),
    ])
    func `node affinity operators select the right nodes`(_ item: AffinityCase) {
        let fit = SchedulerFit(nodes: nodes)
        let matching = nodes.filter { fit.reasons(pod(gpus: 1, affinity: [[item.requirement]]), on: $0).isEmpty }
        #expect(matching.map(\.name).sorted() == item.expectedNodes)
    }

    @Test func `node selector and mig resources fit only matching nodes`() {
        let migPool = NodePoolDescription.Pool(
            name: "mig",
            count: 1,
            product: "NVIDIA-A100-SXM4-80GB",
            gpusPerNode: 2,
            mig: ["3g.40gb": 2]
        )
        let fit = SchedulerFit(nodes: nodes + [SimulatedNode(pool: migPool, index: 1)])
        var migPod = PodSchedulingSpec(tolerations: [gpuToleration], requests: ["nvidia.com/mig-3g.40gb": 1])
        #expect(fit.place(migPod) == .node("gpu-mig-1"))
        migPod.requests["nvidia.com/mig-3g.40gb"] = 5
        #expect(
            fit.place(migPod)
                == .unschedulable(message: "0/5 nodes are available: 5 Insufficient nvidia.com/mig-3g.40gb.")
        )

        let selected = fit.place(pod(gpus: 1, selector: ["nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB"]))
        #expect(selected == .node("gpu-a100-1"))
    }

    @Test func `parses quantities`() {
        #expect(ResourceQuantity.value("500m") == 0.5)
        #expect(ResourceQuantity.value("2Gi") == 2_147_483_648)
        #expect(ResourceQuantity.value("1k") == 1000)
        #expect(ResourceQuantity.value("8") == 8)
        #expect(ResourceQuantity.value("x") == nil)
    }
}
