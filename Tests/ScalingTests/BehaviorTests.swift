import Scaling
import Testing

/// Stabilization windows and rate policies against HPA's `behavior` semantics and its legacy path.
@Suite struct BehaviorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var behavior: ScalingBehavior?
        var current: Int
        var raw: Int
        var min = 1
        var max = 100
        var recommendations: [Recommendation] = []
        var events: [ScaleEvent] = []
        var expected: Int
        var reason: LimitReason?
        var testDescription: String { name }
    }

    static let now = 10_000.0
    static let noWindows = ScalingBehavior(
        scaleUp: ScalingBehavior.hpaDefault.scaleUp,
        scaleDown: ScalingRules(stabilizationWindowSeconds: 0, policies: ScalingRules.defaultScaleDown.policies)
    )

    static func upRules(_ policies: [RatePolicy], select: SelectPolicy = .max, window: Double = 0) -> ScalingBehavior {
        ScalingBehavior(
            scaleUp: ScalingRules(stabilizationWindowSeconds: window, policies: policies, selectPolicy: select),
            scaleDown: noWindows.scaleDown
        )
    }

    static func downRules(_ policies: [RatePolicy], select: SelectPolicy = .max, window: Double = 0) -> ScalingBehavior
    {
        ScalingBehavior(
            scaleUp: ScalingBehavior.hpaDefault.scaleUp,
            scaleDown: ScalingRules(stabilizationWindowSeconds: window, policies: policies, selectPolicy: select)
        )
    }

    static let cases: [Case] = [
        Case(
            name: "default scale-up allows 4 pods when that beats doubling",
            behavior: .hpaDefault,
            current: 2,
            raw: 20,
            expected: 6,
            reason: .scaleUpLimit
        ),
        Case(
            name: "default scale-up allows doubling when that beats 4 pods",
            behavior: .hpaDefault,
            current: 10,
            raw: 50,
            expected: 20,
            reason: .scaleUpLimit
        ),
        Case(
            name: "selectPolicy Min picks the smaller scale-up",
            behavior: upRules(ScalingRules.defaultScaleUp.policies, select: .min),
            current: 10,
            raw: 50,
            expected: 14,
            reason: .scaleUpLimit
        ),
        Case(
            name: "selectPolicy Disabled blocks scale-up",
            behavior: upRules(ScalingRules.defaultScaleUp.policies, select: .disabled),
            current: 10,
            raw: 50,
            expected: 10,
            reason: .scaleUpLimit
        ),
        Case(
            name: "scale-ups earlier in the period count against the policy",
            behavior: upRules([RatePolicy(type: .pods, value: 4, periodSeconds: 60)]),
            current: 8,
            raw: 20,
            events: [ScaleEvent(time: now - 30, from: 4, to: 8)],
            expected: 8,
            reason: .scaleUpLimit
        ),
        Case(
            name: "scale-ups older than the period do not count",
            behavior: upRules([RatePolicy(type: .pods, value: 4, periodSeconds: 60)]),
            current: 8,
            raw: 20,
            events: [ScaleEvent(time: now - 60, from: 4, to: 8)],
            expected: 12,
            reason: .scaleUpLimit
        ),
        Case(
            name: "the highest recommendation in the scale-down window wins",
            behavior: .hpaDefault,
            current: 10,
            raw: 5,
            recommendations: [Recommendation(time: now - 100, replicas: 8)],
            expected: 8,
            reason: .scaleDownStabilized
        ),
        Case(
            name: "recommendations older than the scale-down window are forgotten",
            behavior: .hpaDefault,
            current: 10,
            raw: 5,
            recommendations: [Recommendation(time: now - 301, replicas: 8)],
            expected: 5
        ),
        Case(
            name: "the lowest recommendation in the scale-up window wins",
            behavior: upRules(ScalingRules.defaultScaleUp.policies, window: 60),
            current: 4,
            raw: 9,
            recommendations: [Recommendation(time: now - 30, replicas: 5)],
            expected: 5,
            reason: .scaleUpStabilized
        ),
        Case(
            name: "Pods scale-down policy counts removals earlier in the period",
            behavior: downRules([RatePolicy(type: .pods, value: 1, periodSeconds: 60)]),
            current: 10,
            raw: 5,
            events: [ScaleEvent(time: now - 30, from: 11, to: 10)],
            expected: 10,
            reason: .scaleDownLimit
        ),
        Case(
            name: "Percent scale-down policy truncates",
            behavior: downRules([RatePolicy(type: .percent, value: 50, periodSeconds: 60)]),
            current: 9,
            raw: 1,
            expected: 4,
            reason: .scaleDownLimit
        ),
        Case(
            name: "selectPolicy Min picks the smaller scale-down",
            behavior: downRules(
                [
                    RatePolicy(type: .percent, value: 50, periodSeconds: 60),
                    RatePolicy(type: .pods, value: 2, periodSeconds: 60),
                ],
                select: .min
            ),
            current: 10,
            raw: 1,
            expected: 8,
            reason: .scaleDownLimit
        ),
        Case(
            name: "selectPolicy Disabled blocks scale-down",
            behavior: downRules(ScalingRules.defaultScaleDown.policies, select: .disabled),
            current: 10,
            raw: 1,
            expected: 10,
            reason: .scaleDownLimit
        ),
        Case(
            name: "maxReplicas caps a scale-up the policies would allow",
            behavior: .hpaDefault,
            current: 5,
            raw: 12,
            max: 8,
            expected: 8,
            reason: .tooManyReplicas
        ),
        Case(
            name: "minReplicas raises a scale-down",
            behavior: noWindows,
            current: 3,
            raw: 0,
            min: 2,
            expected: 2,
            reason: .tooFewReplicas
        ),
        Case(
            name: "without behavior scale-up is capped at max(2 x current, 4)",
            behavior: nil,
            current: 3,
            raw: 20,
            expected: 6,
            reason: .scaleUpLimit
        ),
        Case(
            name: "without behavior a single replica may grow to 4",
            behavior: nil,
            current: 1,
            raw: 10,
            expected: 4,
            reason: .scaleUpLimit
        ),
        Case(
            name: "without behavior the 300 s scale-down window applies",
            behavior: nil,
            current: 6,
            raw: 2,
            recommendations: [Recommendation(time: now - 300, replicas: 5)],
            expected: 5,
            reason: .scaleDownStabilized
        ),
    ]

    @Test(arguments: cases)
    func `normalization follows HPA`(_ testCase: Case) {
        let policy = Build.rawPolicy(min: testCase.min, max: testCase.max, behavior: testCase.behavior)
        let history = ScalingHistory(recommendations: testCase.recommendations, scaleEvents: testCase.events)
        let decision = DecisionEngine.decide(
            policy: policy,
            state: Build.rawState(current: testCase.current, raw: testCase.raw),
            history: history,
            now: Self.now
        )
        #expect(decision.proposals.first?.replicas == testCase.raw)
        #expect(decision.desiredReplicas == testCase.expected)
        let shaping = decision.limitReasons.filter { $0 != .signal && $0 != .tolerance }
        #expect(shaping == (testCase.reason.map { [$0] } ?? []))
    }

    @Test func `the decision records its raw recommendation and its scale event`() {
        let decision = DecisionEngine.decide(
            policy: Build.rawPolicy(behavior: .hpaDefault),
            state: Build.rawState(current: 2, raw: 5),
            history: ScalingHistory(),
            now: 100
        )
        #expect(decision.history.recommendations == [Recommendation(time: 100, replicas: 5)])
        #expect(decision.history.scaleEvents == [ScaleEvent(time: 100, from: 2, to: 5)])
    }

    @Test func `conditions carry HPA's reasons`() {
        let decision = DecisionEngine.decide(
            policy: Build.rawPolicy(behavior: .hpaDefault),
            state: Build.rawState(current: 10, raw: 5),
            history: ScalingHistory(recommendations: [Recommendation(time: 50, replicas: 9)]),
            now: 100
        )
        #expect(decision.desiredReplicas == 9)
        #expect(decision.condition("AbleToScale")?.reason == "ScaleDownStabilized")
        #expect(decision.condition("ScalingActive")?.reason == "ValidMetricFound")
        #expect(decision.condition("ScalingLimited")?.reason == "DesiredWithinRange")
        #expect(decision.explanation.hasPrefix("Scaling down from 10 to 9 replicas"))
    }
}
