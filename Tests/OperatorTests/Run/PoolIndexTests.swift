import Operator
import Testing
import YAML

@Suite struct PoolIndexTests {
    static var index: PoolIndex {
        var index = PoolIndex()
        index.update(pool: [
            "metadata": ["namespace": "ml", "name": "llama"],
            "spec": ["targetRef": ["name": "llama-dep"]],
            "status": ["selector": "app=llama,tier=gpu"],
        ])
        index.update(pool: ["metadata": ["namespace": "ml", "name": "fresh"], "spec": ["targetRef": ["name": "fresh-dep"]]])
        return index
    }

    @Test func `maps each watched change to the pools it concerns`() {
        let index = Self.index
        #expect(index.keys(for: .inferencePools, object: ["metadata": ["namespace": "x", "name": "y"]]) == ["x/y"])
        #expect(index.keys(for: .deployments, object: ["metadata": ["namespace": "ml", "name": "llama-dep"]]) == ["ml/llama"])
        #expect(index.keys(for: .deployments, object: ["metadata": ["namespace": "other", "name": "llama-dep"]]) == [])
        let pod: JSONValue = ["metadata": ["namespace": "ml", "name": "p", "labels": ["app": "llama", "tier": "gpu", "x": "y"]]]
        #expect(index.keys(for: .pods, object: pod) == ["ml/llama"])
        #expect(index.keys(for: .nodes, object: ["metadata": ["name": "n"]]) == ["ml/fresh", "ml/llama"])
        let hpa: JSONValue = ["metadata": ["namespace": "ml", "name": "h"], "spec": ["scaleTargetRef": ["name": "fresh-dep"]]]
        #expect(index.keys(for: .horizontalPodAutoscalers, object: hpa) == ["ml/fresh"])
    }

    @Test func `a removed pool is no longer a target`() {
        var index = Self.index
        index.remove(namespace: "ml", name: "llama")
        #expect(index.keys(for: .deployments, object: ["metadata": ["namespace": "ml", "name": "llama-dep"]]) == [])
    }
}
