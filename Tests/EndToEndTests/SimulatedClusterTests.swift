import Foundation
import HTTP
import TestSupport
import Testing

/// The simulated GPU cluster without the operator: nodes, device plugin, Deployment controller,
/// scheduler, kubelet and the pods' metrics, seen through kubectl as a user sees them.
@Suite(.serialized, .enabled(if: SimulationHarness.isAvailable, "needs kubectl and the poolpilot binary"))
struct SimulatedClusterTests {
    typealias H = SimulationHarness

    @Test func `nodes carry gfd labels and every gpu node runs a ready device plugin pod`() async throws {
        let cluster = try await H.startCluster()
        defer { Task { await cluster.stop() } }
        let kubectl = Kubectl(cluster: cluster)

        let ready = try await H.eventually(30) {
            try await H.jsonPath(kubectl, "ds/nvidia-device-plugin-daemonset -n kube-system", ".status.numberReady")
                == "4"
        }
        #expect(ready)
        let products = try await H.kubectl(kubectl, ["get", "nodes", "-L", "nvidia.com/gpu.product", "--no-headers"])
        #expect(products.contains("NVIDIA-H100-80GB-HBM3"))
        #expect(products.contains("NVIDIA-L4-SHARED"))
        #expect(try await H.jsonPath(kubectl, "node/gpu-l4-1", ".status.allocatable.nvidia\\.com/gpu") == "32")
        await cluster.stop()
    }

    @Test func `pods serve vllm metrics on their own loopback ip and rollout status follows a template change`()
        async throws
    {
        let cluster = try await H.startCluster()
        defer { Task { await cluster.stop() } }
        let kubectl = Kubectl(cluster: cluster)
        try await H.kubectl(
            kubectl,
            ["apply", "-f", "-"],
            stdin: H.vllmDeployment(name: "chat", load: nil, replicas: 2)
        )
        try await H.kubectl(kubectl, ["rollout", "status", "deployment/chat", "--timeout=60s"])

        let ip = try await H.jsonPath(kubectl, "pods", ".items[0].status.podIP")
        #expect(ip.hasPrefix("127.0.1."))
        let client = HTTPClient()
        let response = try await client.execute(HTTPRequest(url: "http://\(ip):8000/metrics"))
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(body.contains("vllm:num_requests_waiting{engine=\"0\",model_name=\"chat\"} 0.0"))
        client.shutdown()

        try await H.kubectl(kubectl, ["set", "image", "deployment/chat", "vllm=vllm/vllm-openai:v0.11.1"])
        let rollout = try await H.kubectl(kubectl, ["rollout", "status", "deployment/chat", "--timeout=60s"])
        #expect(rollout.contains("successfully rolled out"))
        let images = try await H.jsonPath(kubectl, "pods", ".items[*].spec.containers[0].image")
        #expect(images.split(separator: " ").allSatisfy { $0 == "vllm/vllm-openai:v0.11.1" })
        let sets = try await H.kubectl(kubectl, ["get", "rs", "--no-headers"])
        #expect(sets.split(separator: "\n").count == 2)
        await cluster.stop()
    }

    @Test func `a pod that fits no node stays pending with the scheduler's message and an event`() async throws {
        let cluster = try await H.startCluster()
        defer { Task { await cluster.stop() } }
        let kubectl = Kubectl(cluster: cluster)
        let big = H.vllmDeployment(name: "big", load: nil).replacingOccurrences(
            of: #"nvidia.com/gpu: "1""#,
            with: #"nvidia.com/gpu: "64""#
        )
        try await H.kubectl(kubectl, ["apply", "-f", "-"], stdin: big)

        let message = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu."
        let pending = try await H.eventually(30) {
            try await H.jsonPath(kubectl, "pods", ".items[0].status.conditions[0].message") == message
        }
        #expect(pending)
        #expect(try await H.jsonPath(kubectl, "pods", ".items[0].status.phase") == "Pending")
        #expect(try await H.jsonPath(kubectl, "pods", ".items[0].status.conditions[0].reason") == "Unschedulable")
        // The event may be written just after the pod's status; wait for it rather than race it.
        let evented = try await H.eventually(15) {
            let events = try await H.kubectl(kubectl, ["get", "events", "--field-selector", "reason=FailedScheduling"])
            return events.contains(message)
        }
        #expect(evented)
        await cluster.stop()
    }
}
