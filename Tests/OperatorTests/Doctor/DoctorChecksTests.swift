import Operator
import Testing
import YAML

@Suite struct DoctorChecksTests {
    static let gpuNode = NodeInfo(
        name: "gpu-0",
        labels: ["nvidia.com/gpu.product": "NVIDIA-L4", "nvidia.com/gpu.memory": "23034"],
        allocatable: ["nvidia.com/gpu": 4]
    )
    static let crd: JSONValue = ["status": ["conditions": [["type": "Established", "status": "True"]]]]
    static let plugin: JSONValue = [
        "metadata": ["name": "nvidia-device-plugin-daemonset", "namespace": "kube-system"],
        "status": ["desiredNumberScheduled": 2, "numberReady": 1],
    ]

    @Test func `a healthy cluster has only ok findings`() {
        var ready = Self.plugin
        ready["status"] = ["desiredNumberScheduled": 1, "numberReady": 1]
        let facts = DoctorChecks.Facts(
            crd: Self.crd,
            access: [(APICall("list", .pods), true)],
            nodes: [Self.gpuNode],
            daemonSets: [ready]
        )
        #expect(DoctorChecks.findings(facts).allSatisfy { $0.level == .ok })
    }

    @Test func `says what to fix`() {
        var bare = Self.gpuNode
        bare.name = "gpu-1"
        bare.labels = [:]
        let hpa = AutoscalerReference(
            kind: "HorizontalPodAutoscaler",
            name: "llama",
            targetKind: "Deployment",
            targetName: "llama"
        )
        let facts = DoctorChecks.Facts(
            crd: nil,
            access: [(APICall("update", .deployments, subresource: "scale"), false)],
            nodes: [Self.gpuNode, bare],
            daemonSets: [Self.plugin],
            pools: [("default", "llama", ReconcilePlannerTests.spec())],
            autoscalers: [("default", hpa)]
        )
        let findings = DoctorChecks.findings(facts)
        let byCheck = Dictionary(findings.map { ($0.check, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byCheck["crd"]?.level == .failure)
        #expect(byCheck["crd"]?.fix?.contains("kubectl apply") == true)
        #expect(byCheck["rbac"]?.message.contains("update apps/deployments/scale") == true)
        #expect(byCheck["gpu-labels"]?.message.contains("gpu-1") == true)
        #expect(byCheck["device-plugin"]?.message.contains("1 of 2 pods ready") == true)
        #expect(byCheck["autoscalers"]?.level == .failure)
    }

    @Test func `no GPU nodes is a failure`() {
        let findings = DoctorChecks.findings(
            DoctorChecks.Facts(crd: Self.crd, nodes: [NodeInfo(name: "cpu", allocatable: ["cpu": 8])])
        )
        #expect(findings.contains { $0.check == "gpu-nodes" && $0.level == .failure })
    }
}
