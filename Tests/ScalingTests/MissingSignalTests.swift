import Scaling
import Testing

/// Missing, stale, partial and failed signals: never a scale-down, scale-up on what is present.
@Suite struct MissingSignalTests {
    static let fastDown = TimelineTests.fastDown

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var state: PoolState
        var expected: Int
        var status: SignalStatus
        var condition: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a ready pod without a value blocks a scale-down",
            state: PoolState(replicas: 4, pods: Build.readyPods([1, 1, 1]) + Build.silentPods(1, from: 3)),
            expected: 4,
            status: .partial,
            condition: "SignalsPartial"
        ),
        Case(
            name: "a stale sample counts as missing",
            state: PoolState(
                replicas: 3,
                pods: Build.readyPods([1, 1])
                    + [PodState(name: "old", signals: ["waitingRequests": SignalSample(1, observedAt: 100)])]
            ),
            expected: 3,
            status: .partial,
            condition: "SignalsPartial"
        ),
        Case(
            name: "a NaN, infinite or negative value counts as missing",
            state: PoolState(
                replicas: 6,
                pods: Build.readyPods([1, 1, 1]) + Build.readyPods([.nan, .infinity, -1], from: 3)
            ),
            expected: 6,
            status: .partial,
            condition: "SignalsPartial"
        ),
        Case(
            name: "a huge value scales to the maximum without overflow",
            state: PoolState(replicas: 2, pods: Build.readyPods([1e300, 1e300])),
            expected: 6,
            status: .ok,
            condition: "AllSignalsPresent"
        ),
        Case(
            name: "a signal whose source failed holds the count",
            state: PoolState(replicas: 5, pods: Build.readyPods([0, 0, 0, 0, 0]), failedSignals: ["waitingRequests"]),
            expected: 5,
            status: .failed,
            condition: "SignalsMissing"
        ),
        Case(
            name: "no values at all hold the count",
            state: PoolState(replicas: 3, pods: Build.silentPods(3, from: 0)),
            expected: 3,
            status: .missing,
            condition: "SignalsMissing"
        ),
        Case(
            name: "a partial signal may still scale up",
            state: PoolState(replicas: 3, pods: Build.readyPods([40, 40]) + Build.silentPods(1, from: 2)),
            expected: 7,
            status: .partial,
            condition: "SignalsPartial"
        ),
    ]

    @Test(arguments: cases)
    func `missing signals never scale down`(_ testCase: Case) {
        let decision = DecisionEngine.decide(
            policy: Build.policy(behavior: Self.fastDown),
            state: testCase.state,
            history: ScalingHistory(),
            now: 1000
        )
        #expect(decision.desiredReplicas == testCase.expected)
        #expect(decision.proposals.first?.status == testCase.status)
        #expect(decision.condition("SignalsAvailable")?.reason == testCase.condition)
        if testCase.expected == testCase.state.replicas {
            #expect(decision.limitReasons.contains(.missingSignals))
        }
    }

    @Test func `all signals missing reports HPA's failed-metric reason`() {
        let decision = DecisionEngine.decide(
            policy: Build.policy(),
            state: PoolState(replicas: 3, pods: Build.silentPods(3, from: 0)),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.condition("ScalingActive")?.status == "False")
        #expect(decision.condition("ScalingActive")?.reason == "FailedGetPodsMetric")
        #expect(decision.explanation.contains("no signal could be measured"))
    }

    @Test func `a working signal scales up while another is missing`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.signals.append(SignalTarget(kind: .kvCacheUtilization, target: 0.5))
        let pods = (0..<2).map { PodState(name: "pod-\($0)", signals: ["kvCacheUtilization": SignalSample(1)]) }
        let decision = DecisionEngine.decide(
            policy: policy,
            state: PoolState(replicas: 2, pods: pods),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.proposals.map(\.status) == [.missing, .ok])
        #expect(decision.desiredReplicas == 4)
    }

    @Test func `a working signal that wants more beats the fallback (KEDA #6659)`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.signals.append(SignalTarget(kind: .kvCacheUtilization, target: 0.5))
        policy.missingSignals.fallback = Fallback(afterFailedIntervals: 1, replicas: 2)
        let pods = (0..<4).map { PodState(name: "pod-\($0)", signals: ["kvCacheUtilization": SignalSample(0.75)]) }
        let decision = DecisionEngine.decide(
            policy: policy,
            state: PoolState(replicas: 4, pods: pods),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.limitReasons.contains(.fallback))
        #expect(decision.desiredReplicas == 6)
    }

    @Test func `the at-least-current fallback never scales down`() {
        var policy = Build.policy(behavior: Self.fastDown)
        policy.missingSignals.fallback = Fallback(afterFailedIntervals: 2, replicas: 2, mode: .atLeastCurrent)
        let state = PoolState(replicas: 6, pods: Build.silentPods(6, from: 0))
        var history = ScalingHistory()
        var sizes: [Int] = []
        for now in stride(from: 0.0, through: 60, by: 15) {
            let decision = DecisionEngine.decide(policy: policy, state: state, history: history, now: now)
            history = decision.history
            sizes.append(decision.desiredReplicas)
        }
        #expect(sizes == [6, 6, 6, 6, 6])
        #expect(history.failedIntervals["waitingRequests"] == 5)
    }

    @Test func `the fallback wakes a pool at zero when the activation source keeps failing (KEDA #7239)`() {
        var policy = Build.policy()
        policy.scaleToZero = ScaleToZeroPolicy()
        policy.missingSignals.fallback = Fallback(afterFailedIntervals: 2, replicas: 1)
        let state = PoolState(replicas: 0, failedSignals: ["waitingRequests"])
        let first = DecisionEngine.decide(policy: policy, state: state, history: ScalingHistory(), now: 0)
        #expect(first.desiredReplicas == 0)
        let second = DecisionEngine.decide(policy: policy, state: state, history: first.history, now: 15)
        #expect(second.desiredReplicas == 1)
        #expect(second.limitReasons == [.fallback])
    }

    @Test func `an invalid policy changes nothing and says why`() {
        var policy = Build.policy(min: 5, max: 2)
        policy.signals[0].target = 0
        let decision = DecisionEngine.decide(
            policy: policy,
            state: PoolState(replicas: 3, pods: Build.readyPods([50, 50, 50])),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.desiredReplicas == 3)
        #expect(decision.limitReasons == [.invalidPolicy])
        #expect(decision.condition("AbleToScale")?.status == "False")
        #expect(decision.explanation.contains("maxReplicas must not be below minReplicas"))
        #expect(decision.explanation.contains("needs a target above zero"))
    }
}

extension MissingSignalTests {
    @Test func `a stale gateway queue at zero counts as a failure even with a pods signal of that name`() {
        var policy = Build.policy()
        policy.scaleToZero = ScaleToZeroPolicy()
        policy.missingSignals = MissingSignalPolicy(
            staleAfterSeconds: 30,
            fallback: Fallback(afterFailedIntervals: 2, replicas: 1)
        )
        let stale = PoolState(replicas: 0, poolSignals: ["waitingRequests": SignalSample(0, observedAt: 0)])
        var history = ScalingHistory()
        var sizes: [Int] = []
        for now in [100.0, 115, 130] {
            let decision = DecisionEngine.decide(policy: policy, state: stale, history: history, now: now)
            history = decision.history
            sizes.append(decision.desiredReplicas)
        }
        #expect(sizes == [0, 1, 1])
        let fresh = PoolState(replicas: 0, poolSignals: ["waitingRequests": SignalSample(0, observedAt: 140)])
        let recovered = DecisionEngine.decide(policy: policy, state: fresh, history: history, now: 145)
        #expect(recovered.history.failedIntervals.isEmpty)
        #expect(recovered.desiredReplicas == 0)
    }
}
