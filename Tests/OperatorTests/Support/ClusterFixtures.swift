import Foundation
import Operator
import TestSupport
import YAML

/// Objects for reconciler tests, starting from the vLLM sample.
enum ClusterFixtures {
    static func sample(_ kind: String) throws -> JSONValue {
        let url = TestPaths.repositoryRoot.appendingPathComponent("manifests/samples/vllm-llama.yaml")
        let documents = try YAML.decodeDocuments(String(contentsOf: url, encoding: .utf8))
        guard let document = documents.first(where: { $0["kind"]?.stringValue == kind }) else {
            throw OperatorError.invalidObject("no \(kind) in the sample")
        }
        return document
    }

    static func node(_ name: String, gpus: Int = 8) -> JSONValue {
        [
            "metadata": [
                "name": .string(name),
                "labels": ["nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3", "nvidia.com/gpu.memory": "81559"],
            ],
            "spec": ["taints": [["key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"]]],
            "status": [
                "allocatable": ["nvidia.com/gpu": .string(String(gpus)), "cpu": "96"],
                "conditions": [["type": "Ready", "status": "True"]],
            ],
        ]
    }

    static func pod(_ name: String, node: String?, ready: Bool = true) -> JSONValue {
        var pod: JSONValue = [
            "metadata": [
                "name": .string(name), "namespace": "default",
                "labels": ["app.kubernetes.io/name": "llama-8b", "app.kubernetes.io/component": "inference"],
            ],
            "spec": ["containers": [["name": "vllm", "resources": ["limits": ["nvidia.com/gpu": "1"]]]]],
            "status": [
                "phase": ready ? "Running" : "Pending", "podIP": "127.0.0.1",
                "conditions": [
                    ["type": "Ready", "status": ready ? "True" : "False", "lastTransitionTime": "2026-12-04T15:00:00Z"]
                ],
            ],
        ]
        if let node { pod.setPath(["spec", "nodeName"], .string(node)) }
        return pod
    }

    /// A cluster with the sample pool, its Deployment at `replicas`, that many ready pods and two GPU nodes.
    static func cluster(replicas: Int = 2) async throws -> FakeCluster {
        let cluster = FakeCluster()
        var pool = try sample("InferencePool")
        pool.setPath(["metadata", "generation"], 1)
        pool.setPath(["metadata", "uid"], "pool-uid")
        await cluster.put(.inferencePools, pool)
        var deployment = try sample("Deployment")
        deployment.setPath(["spec", "replicas"], .integer(Int64(replicas)))
        deployment.setPath(
            ["status"],
            ["replicas": .integer(Int64(replicas)), "readyReplicas": .integer(Int64(replicas))]
        )
        await cluster.put(.deployments, deployment)
        for index in 0..<replicas { await cluster.put(.pods, pod("llama-8b-\(index)", node: "gpu-\(index % 2)")) }
        await cluster.put(.nodes, node("gpu-0"))
        await cluster.put(.nodes, node("gpu-1"))
        return cluster
    }

    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_400_000) }
}
