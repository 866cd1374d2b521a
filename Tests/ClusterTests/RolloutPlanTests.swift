import Cluster
import Testing
import YAML

@Suite struct RolloutPlanTests {
    typealias State = RolloutPlan.ReplicaSetState

    @Test func `resolves surge up and unavailable down like kubernetes`() {
        #expect(RolloutPlan.resolveBounds(replicas: 10, maxSurge: nil, maxUnavailable: nil) == (3, 2))
        #expect(RolloutPlan.resolveBounds(replicas: 4, maxSurge: "1", maxUnavailable: "0") == (1, 0))
        #expect(RolloutPlan.resolveBounds(replicas: 4, maxSurge: "0", maxUnavailable: "0%") == (0, 1))
    }

    @Test func `surges one new pod and keeps every old one until it is ready`() {
        let first = RolloutPlan.targets(
            desired: 4,
            surge: 1,
            unavailable: 0,
            new: State(name: "new", replicas: 0, readyReplicas: 0),
            old: [State(name: "old", replicas: 4, readyReplicas: 4)]
        )
        #expect(first.new == 1)
        #expect(first.old == ["old": 4])

        let second = RolloutPlan.targets(
            desired: 4,
            surge: 1,
            unavailable: 0,
            new: State(name: "new", replicas: 1, readyReplicas: 1),
            old: [State(name: "old", replicas: 4, readyReplicas: 4)]
        )
        #expect(second.new == 1)
        #expect(second.old == ["old": 3])
    }

    @Test func `drops not-ready old pods first and never below availability`() {
        let plan = RolloutPlan.targets(
            desired: 4,
            surge: 0,
            unavailable: 1,
            new: State(name: "new", replicas: 0, readyReplicas: 0),
            old: [State(name: "old", replicas: 4, readyReplicas: 2)]
        )
        #expect(plan.old == ["old": 2])
        #expect(plan.new == 0)
    }

    @Test func `without old replica sets the new one takes the desired count`() {
        let plan = RolloutPlan.targets(
            desired: 6,
            surge: 1,
            unavailable: 0,
            new: State(name: "new", replicas: 2, readyReplicas: 2),
            old: [State(name: "old", replicas: 0, readyReplicas: 0)]
        )
        #expect(plan.new == 6)
        #expect(plan.old == ["old": 0])
    }

    @Test func `template hashes are stable and change with the template`() {
        let template: JSONValue = ["spec": ["containers": [["name": "vllm", "image": "vllm/vllm-openai:v0.11.0"]]]]
        let changed: JSONValue = ["spec": ["containers": [["name": "vllm", "image": "vllm/vllm-openai:v0.11.1"]]]]
        let hash = PodTemplateHash.hash(template)
        #expect(hash == PodTemplateHash.hash(template))
        #expect(hash != PodTemplateHash.hash(changed))
        #expect(hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }
}
