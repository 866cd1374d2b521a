import Cluster
import Kube
import Testing
import YAML

@Suite struct SimulatedNodeTests {
    @Test func `an exclusive h100 node carries gfd labels, the gpu taint and whole gpus`() throws {
        let node = try #require(NodePoolDescription.standard.nodes().first)
        #expect(node.name == "gpu-h100-1")
        #expect(node.labels["nvidia.com/gpu.present"] == "true")
        #expect(node.labels["nvidia.com/gpu.product"] == "NVIDIA-H100-80GB-HBM3")
        #expect(node.labels["nvidia.com/gpu.memory"] == "81559")
        #expect(node.labels["nvidia.com/gpu.count"] == "8")
        #expect(node.labels["nvidia.com/gpu.replicas"] == "1")
        #expect(node.labels["nvidia.com/gpu.family"] == "hopper")
        #expect(node.allocatable["nvidia.com/gpu"] == "8")
        #expect(node.taints == [.gpu])
    }

    @Test func `a time-sliced node advertises replicas times gpus and a shared product`() throws {
        let node = try #require(NodePoolDescription.standard.nodes().first { $0.name == "gpu-l4-1" })
        #expect(node.labels["nvidia.com/gpu.product"] == "NVIDIA-L4-SHARED")
        #expect(node.labels["nvidia.com/gpu.replicas"] == "4")
        #expect(node.labels["nvidia.com/gpu.sharing-strategy"] == "time-slicing")
        #expect(node.labels["nvidia.com/gpu.count"] == "8")
        #expect(node.allocatable["nvidia.com/gpu"] == "32")
    }

    @Test func `a mig node advertises profiles instead of whole gpus`() throws {
        let pool = NodePoolDescription.Pool(
            name: "a100mig",
            count: 1,
            product: "NVIDIA-A100-SXM4-80GB",
            gpusPerNode: 4,
            mig: ["3g.40gb": 2]
        )
        let node = SimulatedNode(pool: pool, index: 1)
        #expect(node.allocatable["nvidia.com/mig-3g.40gb"] == "8")
        #expect(node.allocatable["nvidia.com/gpu"] == nil)
        #expect(node.labels["nvidia.com/mig.strategy"] == "mixed")
        #expect(node.labels["nvidia.com/mig-3g.40gb.count"] == "8")
        #expect(node.labels["nvidia.com/mig-3g.40gb.product"] == "NVIDIA-A100-SXM4-80GB-MIG-3g.40gb")
    }

    @Test func `the standard cluster has four nodes of eight gpus`() {
        let nodes = NodePoolDescription.standard.nodes()
        #expect(nodes.map(\.name) == ["gpu-h100-1", "gpu-h100-2", "gpu-a100-1", "gpu-l4-1"])
        #expect(nodes.allSatisfy { $0.labels["nvidia.com/gpu.count"] == "8" })
    }

    @Test func `decodes a description and rejects bad values`() throws {
        let value: JSONValue = [
            "pools": [["name": "t4", "count": 3, "product": "Tesla-T4", "gpusPerNode": 1, "taints": []]]
        ]
        let description = try NodePoolDescription.decode(from: value)
        let nodes = description.nodes()
        #expect(nodes.map(\.name) == ["gpu-t4-1", "gpu-t4-2", "gpu-t4-3"])
        #expect(nodes[0].taints.isEmpty)
        #expect(nodes[0].labels["nvidia.com/gpu.memory"] == "15360")

        let bad: JSONValue = [
            "pools": [["name": "x", "count": 1, "product": "p", "gpusPerNode": 1, "mig": ["big": 1]]]
        ]
        #expect(throws: SimulationError.self) { try NodePoolDescription.decode(from: bad) }
    }

    @Test func `parses the yaml nodes file`() throws {
        let text = """
            pools:
            - name: h100
              count: 2
              product: NVIDIA-H100-80GB-HBM3
              gpusPerNode: 8
            - name: l4
              count: 1
              product: NVIDIA-L4
              gpusPerNode: 4
              timeSlicingReplicas: 2
              taints: [{key: dedicated, value: inference, effect: NoSchedule}]
            """
        let nodes = try NodePoolDescription.parse(yaml: text).nodes()
        #expect(nodes.map(\.name) == ["gpu-h100-1", "gpu-h100-2", "gpu-l4-1"])
        #expect(nodes[2].allocatable["nvidia.com/gpu"] == "8")
        #expect(nodes[2].taints == [Taint(key: "dedicated", value: "inference", effect: "NoSchedule")])
        #expect(throws: SimulationError.self) { try NodePoolDescription.parse(yaml: "pools: [") }
    }
}
