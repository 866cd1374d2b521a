import Foundation
import Scaling
import Testing

/// Scenario files decode into the engine's value types, with HPA's defaults for what they omit.
@Suite struct ScenarioDecodingTests {
    static func decode(_ json: String) throws -> Scenario {
        try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
    }

    @Test func `a minimal scenario takes every default`() throws {
        let scenario = try Self.decode(
            #"{"now": 5, "policy": {"maxReplicas": 4, "signals": [{"kind": "kvCacheUtilization", "target": 0.8}]},"#
                + #" "state": {"replicas": 2}}"#
        )
        #expect(scenario.policy.minReplicas == 1)
        #expect(scenario.policy.signals == [SignalTarget(kind: .kvCacheUtilization, target: 0.8)])
        #expect(scenario.policy.signals[0].name == "kvCacheUtilization")
        #expect(scenario.policy.tolerance == Tolerance(scaleUp: 0.1, scaleDown: 0.1))
        #expect(scenario.policy.behavior == nil)
        #expect(scenario.policy.missingSignals.staleAfterSeconds == 60)
        #expect(scenario.policy.capacity == .hold)
        #expect(scenario.history == ScalingHistory())
        #expect(scenario.state.pods.isEmpty)
        #expect(scenario.state.gpuHeadroom == nil)
    }

    @Test func `a partial behavior fills the rest from HPA's defaults`() throws {
        let scenario = try Self.decode(
            #"{"now": 0, "state": {"replicas": 1}, "policy": {"maxReplicas": 4, "#
                + #""signals": [{"kind": "waitingRequests", "target": 5}], "#
                + #""behavior": {"scaleDown": {"stabilizationWindowSeconds": 60, "selectPolicy": "Min"}}}}"#
        )
        let behavior = try #require(scenario.policy.behavior)
        #expect(behavior.scaleUp == .defaultScaleUp)
        #expect(behavior.scaleDown.stabilizationWindowSeconds == 60)
        #expect(behavior.scaleDown.selectPolicy == .min)
        #expect(behavior.scaleDown.policies == ScalingRules.defaultScaleDown.policies)
    }

    @Test func `pods default to Running and Ready, and samples are numbers or objects`() throws {
        let scenario = try Self.decode(
            #"{"now": 100, "policy": {"maxReplicas": 4, "signals": [{"kind": "waitingRequests", "target": 5}]}, "#
                + #""state": {"replicas": 3, "pods": ["#
                + #"{"name": "a", "signals": {"waitingRequests": 3, "kvCacheUtilization": null}}, "#
                + #"{"name": "b", "signals": {"waitingRequests": {"value": 4, "observedAt": 90}}}, "#
                + #"{"name": "c", "phase": "Pending", "pendingReason": "InsufficientGPU"}]}}"#
        )
        let pods = scenario.state.pods
        #expect(pods[0].phase == .running && pods[0].isReady)
        #expect(pods[0].signals == ["waitingRequests": SignalSample(3)])
        #expect(pods[1].signals["waitingRequests"] == SignalSample(4, observedAt: 90))
        #expect(pods[2].phase == .pending && !pods[2].isReady && pods[2].isPendingForCapacity)
    }

    @Test func `a decision round-trips through JSON`() throws {
        let policy = Build.policy()
        let state = PoolState(replicas: 2, pods: Build.readyPods([30, 30]))
        let decision = DecisionEngine.decide(policy: policy, state: state, history: ScalingHistory(), now: 0)
        let data = try JSONEncoder().encode(decision)
        #expect(try JSONDecoder().decode(Decision.self, from: data) == decision)
    }

    @Test func `an unknown signal kind is rejected`() {
        #expect(throws: DecodingError.self) {
            try Self.decode(
                #"{"now": 0, "state": {"replicas": 1}, "#
                    + #""policy": {"maxReplicas": 4, "signals": [{"kind": "gpuCacheUsage", "target": 5}]}}"#
            )
        }
    }
}
