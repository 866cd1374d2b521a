import Kube
import Testing
import YAML

@testable import Cluster

@Suite struct ControllerLogicTests {
    @Test func `pod ips are loopback, unique and reused lowest first`() {
        var allocator = PodIPAllocator()
        #expect(allocator.allocate() == "127.0.1.1")
        #expect(allocator.allocate() == "127.0.1.2")
        allocator.release("127.0.1.1")
        #expect(allocator.allocate() == "127.0.1.1")
        allocator.reserve("127.0.1.3")
        #expect(allocator.allocate() == "127.0.1.4")
        var full = PodIPAllocator()
        var all: Set<String> = []
        while let address = full.allocate() { all.insert(address) }
        #expect(all.count == 8 * 254)
        #expect(all.allSatisfy { $0.hasPrefix("127.0.") && !$0.hasPrefix("127.0.3.") })
    }

    func pod(_ name: String, node: String?, phase: String, ready: Bool, created: String) -> Pod {
        Pod(
            metadata: ObjectMeta(name: name, creationTimestamp: created),
            spec: PodSpec(nodeName: node),
            status: PodStatus(phase: phase, conditions: [Condition(type: "Ready", status: ready ? "True" : "False")])
        )
    }

    @Test func `scale-down removes unscheduled, then pending, then not ready, then newest pods`() {
        let pods = [
            pod("ready-old", node: "n", phase: "Running", ready: true, created: "2026-01-01T00:00:00Z"),
            pod("ready-new", node: "n", phase: "Running", ready: true, created: "2026-01-01T00:05:00Z"),
            pod("loading", node: "n", phase: "Running", ready: false, created: "2026-01-01T00:00:00Z"),
            pod("pending", node: "n", phase: "Pending", ready: false, created: "2026-01-01T00:00:00Z"),
            pod("unscheduled", node: nil, phase: "Pending", ready: false, created: "2026-01-01T00:00:00Z"),
        ]
        let order = pods.sorted(by: SimulatedCluster.deletesFirst).compactMap(\.metadata.name)
        #expect(order == ["unscheduled", "pending", "loading", "ready-new", "ready-old"])
    }

    @Test func `reads the simulated server settings from a deployment`() throws {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llama
              namespace: ml
              annotations:
                sim.poolpilot.dev/model-load-seconds: "3"
                sim.poolpilot.dev/server-parameters: '{"maxConcurrency": 8}'
            spec:
              template:
                spec:
                  containers:
                  - name: vllm
                    image: vllm/vllm-openai:v0.11.0
                    args: ["--model=meta-llama/Llama-3.1-8B-Instruct", "--served-model-name", "llama-8b"]
            """
        let deployment = try YAML.decode(yaml).decode(Deployment.self)
        let settings = try #require(try SimulationAnnotations.settings(of: deployment, defaultLoadSeconds: 10))
        #expect(settings.kind == .vllm)
        #expect(settings.modelName == "llama-8b")
        #expect(settings.modelLoadSeconds == 3)
        #expect(settings.parameters.maxConcurrency == 8)
        #expect(settings.parameters.decodeSecondsPerToken == ServerParameters().decodeSecondsPerToken)

        var plain = deployment
        plain.spec?.template?.spec?.containers[0].image = "nginx:1.27"
        #expect(try SimulationAnnotations.settings(of: plain, defaultLoadSeconds: 10) == nil)
    }
}
