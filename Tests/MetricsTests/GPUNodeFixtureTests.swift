import Foundation
import Testing
import YAML

/// `Fixtures/gpu_node.yaml` against its README rows: the GPU node facts the operator's placement
/// relies on, read through the YAML module the way the operator reads Nodes.
@Suite struct GPUNodeFixtureTests {
    static func nodes() throws -> [JSONValue] {
        let text = String(decoding: try Fixture.bytes("gpu_node.yaml"), as: UTF8.self)
        return try #require(try YAML.decode(text)["items"]?.arrayValue)
    }

    static func label(_ node: JSONValue, _ name: String) -> String? {
        node.value(at: ["metadata", "labels", name])?.stringValue
    }

    @Test func `the H100 node is a tainted 8-GPU hopper node`() throws {
        let node = try #require(try Self.nodes().first { $0.value(at: ["metadata", "name"]) == "gpu-node-h100-1" })
        #expect(Self.label(node, "nvidia.com/gpu.present") == "true")
        #expect(Self.label(node, "nvidia.com/gpu.product") == "NVIDIA-H100-80GB-HBM3")
        #expect(Self.label(node, "nvidia.com/gpu.memory") == "81559")
        #expect(Self.label(node, "nvidia.com/gpu.count") == "8")
        #expect(Self.label(node, "nvidia.com/gpu.family") == "hopper")
        #expect(Self.label(node, "nvidia.com/gpu.replicas") == "1")
        #expect(Self.label(node, "nvidia.com/gpu.deploy.device-plugin") == "true")
        #expect(node.value(at: ["status", "allocatable", "nvidia.com/gpu"])?.stringValue == "8")
        let taint = try #require(node.value(at: ["spec", "taints"])?.arrayValue?.first)
        #expect(taint["key"] == "nvidia.com/gpu")
        #expect(taint["value"] == "present")
        #expect(taint["effect"] == "NoSchedule")
    }

    @Test func `the L4 node shares 4 GPUs four ways`() throws {
        let node = try #require(try Self.nodes().first { $0.value(at: ["metadata", "name"]) == "gpu-node-l4-3" })
        #expect(Self.label(node, "nvidia.com/gpu.sharing-strategy") == "time-slicing")
        #expect(Self.label(node, "nvidia.com/gpu.replicas") == "4")
        #expect(Self.label(node, "nvidia.com/gpu.count") == "4")
        #expect(Self.label(node, "nvidia.com/gpu.product") == "NVIDIA-L4-SHARED")
        #expect(node.value(at: ["status", "allocatable", "nvidia.com/gpu"])?.stringValue == "16")
    }
}
