import Scaling
import Testing

/// The per-signal replica calculation against HPA's documented behaviour and the situations its
/// replica calculator tests cover (numbers are ours).
@Suite struct HPAParityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var replicas: Int
        var pods: [PodState]
        var target: Double = 10
        var tolerance = Tolerance()
        var expected: Int?
        var status: SignalStatus = .ok
        var warmupSeconds: Double = 0
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "scales up to ceil(ready x ratio)", replicas: 3, pods: Build.readyPods([20, 10, 30]), expected: 6),
        Case(
            name: "scales down to ceil(ready x ratio)",
            replicas: 5,
            pods: Build.readyPods([10, 10, 10, 10, 10]),
            target: 20,
            expected: 3
        ),
        Case(
            name: "keeps the count within the default tolerance",
            replicas: 4,
            pods: Build.readyPods([10.5, 10.5, 10, 11]),
            expected: 4
        ),
        Case(
            name: "keeps the count at exactly 1 + tolerance",
            replicas: 2,
            pods: Build.readyPods([11, 11]),
            expected: 2
        ),
        Case(
            name: "scales up past a zero up-tolerance",
            replicas: 4,
            pods: Build.readyPods([10.5, 10.5, 10.5, 10.5]),
            tolerance: Tolerance(scaleUp: 0, scaleDown: 0.1),
            expected: 5
        ),
        Case(
            name: "keeps the count inside a wide down-tolerance",
            replicas: 4,
            pods: Build.readyPods([7, 7, 7, 7]),
            tolerance: Tolerance(scaleUp: 0.1, scaleDown: 0.5),
            expected: 4
        ),
        Case(
            name: "counts pending pods as zero when scaling up",
            replicas: 4,
            pods: Build.readyPods([30, 30, 30]) + Build.pendingPods(1, from: 3, reason: .containerCreating),
            expected: 9
        ),
        Case(
            name: "ignores failed and terminating pods",
            replicas: 5,
            pods: Build.readyPods([20, 20, 20])
                + [
                    PodState(name: "failed", phase: .failed, isReady: false),
                    PodState(name: "leaving", isTerminating: true, signals: ["waitingRequests": SignalSample(90)]),
                ],
            expected: 6
        ),
        Case(
            name: "counts a missing pod at target when scaling down",
            replicas: 4,
            pods: Build.readyPods([2, 2, 2]) + Build.silentPods(1, from: 3),
            expected: 2,
            status: .partial
        ),
        Case(
            name: "counts a missing pod as zero when scaling up",
            replicas: 4,
            pods: Build.readyPods([20, 20, 20]) + Build.silentPods(1, from: 3),
            expected: 6,
            status: .partial
        ),
        Case(
            name: "keeps the count when the rebalance flips the direction",
            replicas: 5,
            pods: Build.readyPods([12]) + Build.silentPods(1, from: 1) + Build.pendingPods(3, from: 2),
            expected: 5,
            status: .partial
        ),
        Case(
            name: "keeps the count when the rebalance lands within tolerance",
            replicas: 10,
            pods: Build.readyPods([Double](repeating: 11.5, count: 9))
                + Build.pendingPods(1, from: 9, reason: .containerCreating),
            expected: 10
        ),
        Case(
            name: "scales down on ready pods alone while others pend (kubernetes #79158)",
            replicas: 4,
            pods: Build.readyPods([5, 5]) + Build.pendingPods(2, from: 2),
            expected: 1
        ),
        Case(name: "proposes zero when every pod is idle", replicas: 3, pods: Build.readyPods([0, 0, 0]), expected: 0),
        Case(
            name: "has no proposal when no ready pod reports",
            replicas: 2,
            pods: Build.silentPods(2, from: 0),
            expected: nil,
            status: .missing
        ),
        Case(
            name: "keeps the count when the rebalanced proposal moves against its ratio",
            replicas: 10,
            pods: Build.readyPods([15, 15, 15]) + Build.silentPods(1, from: 3),
            expected: 10,
            status: .partial
        ),
        Case(
            name: "keeps the count when the rebalanced scale-down lands within tolerance",
            replicas: 4,
            pods: Build.readyPods([8.8, 8.8, 8.8]) + Build.silentPods(1, from: 3),
            expected: 4,
            status: .partial
        ),
        Case(
            name: "does not let a not-ready pod's zeros pull the average down (differs from HPA)",
            replicas: 4,
            pods: Build.readyPods([10, 10, 10])
                + [PodState(name: "starting", isReady: false, signals: ["waitingRequests": SignalSample(0)])],
            expected: 4
        ),
        Case(
            name: "treats a pod inside its warm-up as not ready yet",
            replicas: 4,
            pods: Build.readyPods([10, 10, 10])
                + [PodState(name: "fresh", readySince: 990, signals: ["waitingRequests": SignalSample(0)])],
            expected: 4,
            warmupSeconds: 30
        ),
        Case(
            name: "has no proposal when every pod is still starting",
            replicas: 2,
            pods: Build.loadingPods(2, from: 0),
            expected: nil,
            status: .noReadyPods
        ),
    ]

    @Test(arguments: cases)
    func `pods signal proposes what HPA would`(_ testCase: Case) {
        var policy = Build.policy(tolerance: testCase.tolerance)
        policy.signals = [SignalTarget(kind: .waitingRequests, target: testCase.target)]
        policy.warmupSeconds = testCase.warmupSeconds
        let state = PoolState(replicas: testCase.replicas, pods: testCase.pods)
        let decision = DecisionEngine.decide(policy: policy, state: state, history: ScalingHistory(), now: 1000)
        #expect(decision.proposals.first?.replicas == testCase.expected)
        #expect(decision.proposals.first?.status == testCase.status)
    }

    struct PoolCase: CustomTestStringConvertible, Sendable {
        var name: String
        var replicas: Int
        var total: Double
        var expected: Int
        var testDescription: String { name }
    }

    static let poolCases: [PoolCase] = [
        PoolCase(name: "pool total scales to ceil(total / target)", replicas: 3, total: 45, expected: 5),
        PoolCase(name: "pool total within tolerance keeps the count", replicas: 3, total: 31, expected: 3),
        PoolCase(name: "pool total scales down", replicas: 6, total: 12, expected: 2),
    ]

    @Test(arguments: poolCases)
    func `pool signal proposes what HPA's AverageValue external metric would`(_ testCase: PoolCase) {
        var policy = Build.policy()
        policy.signals = [SignalTarget(kind: .waitingRequests, target: 10, source: .pool)]
        let state = PoolState(
            replicas: testCase.replicas,
            pods: Build.readyPods([Double](repeating: 0, count: testCase.replicas), signal: "unused"),
            poolSignals: ["waitingRequests": SignalSample(testCase.total)]
        )
        let decision = DecisionEngine.decide(policy: policy, state: state, history: ScalingHistory(), now: 1000)
        #expect(decision.proposals.first?.replicas == testCase.expected)
    }

    @Test func `the largest proposal among signals wins`() {
        var policy = Build.policy()
        policy.signals = [
            SignalTarget(kind: .waitingRequests, target: 10),
            SignalTarget(kind: .kvCacheUtilization, target: 0.5),
        ]
        let pods = (0..<2).map {
            PodState(
                name: "pod-\($0)",
                signals: ["waitingRequests": SignalSample(10), "kvCacheUtilization": SignalSample(0.9)]
            )
        }
        let decision = DecisionEngine.decide(
            policy: policy,
            state: PoolState(replicas: 2, pods: pods),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.proposals.map(\.replicas) == [2, 4])
        #expect(decision.desiredReplicas == 4)
        #expect(decision.limitedBy.first?.reason == .signal)
        #expect(decision.limitedBy.first?.message.hasPrefix("kvCacheUtilization") == true)
    }

    @Test func `a target scaled to zero by hand disables scaling, as in HPA`() {
        let decision = DecisionEngine.decide(
            policy: Build.policy(),
            state: PoolState(replicas: 0),
            history: ScalingHistory(),
            now: 0
        )
        #expect(decision.desiredReplicas == 0)
        #expect(decision.condition("ScalingActive")?.reason == "ScalingDisabled")
        #expect(decision.condition("ScalingActive")?.status == "False")
    }

    @Test func `a count outside the bounds goes straight to the nearest bound`() {
        let above = DecisionEngine.decide(
            policy: Build.policy(min: 2, max: 5),
            state: PoolState(replicas: 9, pods: Build.readyPods([Double](repeating: 50, count: 9))),
            history: ScalingHistory(),
            now: 0
        )
        #expect(above.desiredReplicas == 5)
        #expect(above.condition("ScalingLimited")?.reason == "TooManyReplicas")
        let below = DecisionEngine.decide(
            policy: Build.policy(min: 2, max: 5),
            state: PoolState(replicas: 1, pods: Build.readyPods([0])),
            history: ScalingHistory(),
            now: 0
        )
        #expect(below.desiredReplicas == 2)
        #expect(below.condition("ScalingLimited")?.reason == "TooFewReplicas")
    }
}
