import Foundation
import Operator
import YAML

/// Benchmarks of the operator's pure reconcile core (capacity and planning), no I/O.
enum OperatorBenchmarks {
    static let plan = Benchmark(
        name: "operator.plan",
        summary: "Times GPU capacity over 100/1000 nodes (10 pods each) and one ReconcilePlanner.plan. Args: [ROUNDS]"
    ) { arguments in
        let rounds = arguments.first.flatMap(Int.init) ?? 200
        let gpu = GPUSpec(products: ["NVIDIA-H100-80GB-HBM3"], minMemoryMiB: 40000)
        for nodeCount in [100, 1000] {
            let (nodes, pods) = cluster(nodes: nodeCount)
            var checksum = 0
            let capacityTime = ContinuousClock().measure {
                for _ in 0..<rounds {
                    checksum &+=
                        GPUCapacity.compute(gpu: gpu, nodes: nodes, pods: pods, poolPods: []).additionalReplicas
                }
            }
            print(
                "operator.capacity.nodes\(nodeCount): \(format(capacityTime, rounds)) us/compute (checksum \(checksum))"
            )
        }

        let inputs = planInputs(gpu: gpu)
        let planRounds = rounds * 100
        var writes = 0
        let planTime = ContinuousClock().measure {
            for _ in 0..<planRounds where ReconcilePlanner.plan(inputs).replicaWrite != nil { writes += 1 }
        }
        print("operator.plan: \(format(planTime, planRounds)) us/plan (writes \(writes))")
    }

    static func format(_ duration: Duration, _ count: Int) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f", seconds / Double(count) * 1e6)
    }

    static func cluster(nodes count: Int) -> ([NodeInfo], [PodInfo]) {
        let products = ["NVIDIA-H100-80GB-HBM3", "NVIDIA-A100-SXM4-80GB", "NVIDIA-L4-SHARED"]
        var nodes: [NodeInfo] = []
        var pods: [PodInfo] = []
        for index in 0..<count {
            let name = "gpu-\(index)"
            nodes.append(
                NodeInfo(
                    name: name,
                    labels: ["nvidia.com/gpu.product": products[index % 3], "nvidia.com/gpu.memory": "81559"],
                    allocatable: ["nvidia.com/gpu": 8],
                    taints: [NodeInfo.Taint(key: "nvidia.com/gpu", value: "present", effect: "NoSchedule")]
                )
            )
            for slot in 0..<10 {
                pods.append(
                    PodInfo(name: "\(name)-\(slot)", nodeName: slot < 6 ? name : nil, requests: ["nvidia.com/gpu": 1])
                )
            }
        }
        return (nodes, pods)
    }

    static func planInputs(gpu: GPUSpec) -> ReconcileInputs {
        let spec = InferencePoolSpec(
            targetRef: TargetReference(name: "llama"),
            server: .vllm,
            maxReplicas: 16,
            targets: ScalingTargets(waitingRequestsPerReplica: 4),
            gpu: gpu
        )
        let deployment: JSONValue = [
            "metadata": ["name": "llama", "resourceVersion": "1"],
            "spec": [
                "replicas": 2, "selector": ["matchLabels": ["app": "llama"]],
                "template": [
                    "spec": ["containers": [["name": "vllm", "resources": ["limits": ["nvidia.com/gpu": "1"]]]]]
                ],
            ],
            "status": ["replicas": 2, "readyReplicas": 2],
        ]
        return ReconcileInputs(
            pool: PoolSnapshot(
                namespace: "default",
                name: "llama",
                generation: 1,
                spec: spec,
                status: InferencePoolStatus()
            ),
            deployment: DeploymentSnapshot(object: deployment),
            capacity: GPUCapacity(
                matchingNodes: ["a", "b"],
                freeUnits: 8,
                freeGPUs: 8,
                scheduledReplicas: 2,
                pendingReplicas: 0,
                additionalReplicas: 8
            ),
            verdict: EngineVerdict(desiredReplicas: 4, explanation: "Waiting requests are 8 per replica against 4."),
            now: "2026-12-04T16:00:00Z"
        )
    }
}
