import Operator
import Testing
import YAML

@Suite struct TemplatePlacementTests {
    static let bareDeployment: JSONValue = [
        "metadata": ["name": "llama", "resourceVersion": "7"],
        "spec": [
            "replicas": 2,
            "template": [
                "metadata": ["labels": ["app": "llama"]],
                "spec": [
                    "containers": [
                        ["name": "vllm", "image": "vllm/vllm-openai:v0.11.0", "resources": ["requests": ["cpu": "4"]]]
                    ],
                    "affinity": [
                        "nodeAffinity": [
                            "requiredDuringSchedulingIgnoredDuringExecution": [
                                "nodeSelectorTerms": [
                                    ["matchExpressions": [["key": "zone", "operator": "In", "values": ["a"]]]]
                                ]
                            ]
                        ]
                    ],
                ],
            ],
        ],
    ]

    static let gpu = GPUSpec(products: ["NVIDIA-H100-80GB-HBM3"], minMemoryMiB: 40000, nodeSelector: ["pool": "llm"])

    @Test func `writes limits, affinity on GFD labels, the selector and the GPU toleration`() throws {
        let (placed, changes) = TemplatePlacement(gpu: Self.gpu).placed(Self.bareDeployment)
        #expect(!changes.isEmpty)
        let pod = try #require(placed.value(at: ["spec", "template", "spec"]))
        #expect(pod["containers"]?[0]?.value(at: ["resources", "limits", "nvidia.com/gpu"]) == "1")
        #expect(pod["containers"]?[0]?.value(at: ["resources", "requests", "cpu"]) == "4")
        #expect(pod["nodeSelector"] == ["pool": "llm"])
        #expect(pod["tolerations"] == [["key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"]])
        let terms = pod.value(at: [
            "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms",
        ])
        let expressions = try #require(terms?[0]?["matchExpressions"]?.arrayValue)
        #expect(expressions.count == 3)
        #expect(expressions[0]["key"] == "zone")
        #expect(expressions[1]["values"] == ["NVIDIA-H100-80GB-HBM3", "NVIDIA-H100-80GB-HBM3-SHARED"])
        #expect(expressions[2] == ["key": "nvidia.com/gpu.memory", "operator": "Gt", "values": ["39999"]])
        #expect(placed["metadata"] == Self.bareDeployment["metadata"])
    }

    @Test func `a placed template is left alone`() {
        let placement = TemplatePlacement(gpu: Self.gpu)
        let once = placement.placed(Self.bareDeployment).deployment
        let twice = placement.placed(once)
        #expect(twice.changes == [])
        #expect(twice.deployment == once)
    }

    @Test func `an integer limit equal to the count is not rewritten`() {
        var deployment = Self.bareDeployment
        deployment.setPath(
            ["spec", "template", "spec", "containers"],
            [["name": "vllm", "resources": ["limits": ["nvidia.com/gpu": 1]]]]
        )
        deployment.setPath(["spec", "template", "spec", "tolerations"], [["operator": "Exists"]])
        deployment.setPath(["spec", "template", "spec", "affinity"], nil)
        let changes = TemplatePlacement(gpu: GPUSpec()).placed(deployment).changes
        #expect(changes == [])
    }

    @Test func `switching to a MIG profile replaces the whole-GPU resource`() throws {
        var deployment = Self.bareDeployment
        deployment.setPath(
            ["spec", "template", "spec", "containers"],
            [
                [
                    "name": "triton",
                    "resources": ["limits": ["nvidia.com/gpu": "1"], "requests": ["nvidia.com/gpu": "1"]],
                ]
            ]
        )
        let (placed, changes) = TemplatePlacement(gpu: GPUSpec(resourceName: "nvidia.com/mig-3g.40gb")).placed(
            deployment
        )
        let resources = try #require(placed.value(at: ["spec", "template", "spec", "containers"])?[0]?["resources"])
        #expect(resources["limits"] == ["nvidia.com/mig-3g.40gb": "1"])
        #expect(resources["requests"] == ["nvidia.com/mig-3g.40gb": "1"])
        #expect(changes.contains("removed limits nvidia.com/gpu"))
    }
}

extension JSONValue {
    /// Test helper: sets a value at a path of object keys (`nil` removes it).
    mutating func setPath(_ path: [String], _ value: JSONValue?) {
        guard let first = path.first else { return }
        if path.count == 1 {
            self[first] = value
            return
        }
        var child = self[first] ?? .object([:])
        child.setPath(Array(path.dropFirst()), value)
        self[first] = child
    }
}
