import Cluster
import Foundation
import Kube
import Testing
import YAML

@Suite struct KubeObjectConversionTests {
    @Test func `a simulated node round-trips through a Node object`() throws {
        let simulated = try #require(NodePoolDescription.standard.nodes().last)
        let node = simulated.kubeNode(index: 4, now: "2026-01-01T00:00:00Z")
        #expect(node.status?.allocatable?["nvidia.com/gpu"]?.integerValue == 32)
        #expect(node.status?.conditions?.first?.type == "Ready")
        #expect(node.status?.addresses?.first?.address == "127.0.3.5")

        let data = try JSONEncoder().encode(node)
        let decoded = try JSONDecoder().decode(Node.self, from: data)
        #expect(SimulatedNode(node: decoded) == simulated)
    }

    @Test func `reads a pod's placement and summed requests`() throws {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: default}
            spec:
              nodeSelector: {nvidia.com/gpu.present: "true"}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - {key: nvidia.com/gpu.product, operator: In, values: [NVIDIA-H100-80GB-HBM3]}
              tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
              containers:
              - name: a
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                  limits: {nvidia.com/gpu: "2"}
              - name: b
                resources:
                  requests: {cpu: "1"}
            """
        let pod = try YAML.decode(yaml).decode(Pod.self)
        let spec = PodSchedulingSpec(pod: pod)
        #expect(spec.requests["cpu"] == 1.5)
        #expect(spec.requests["nvidia.com/gpu"] == 2)
        #expect(spec.requests["memory"] == 1_073_741_824)
        #expect(spec.nodeSelector == ["nvidia.com/gpu.present": "true"])
        #expect(spec.requiredNodeAffinity.first?.first?.values == ["NVIDIA-H100-80GB-HBM3"])
        #expect(spec.tolerations.first?.operator == "Exists")
    }
}
