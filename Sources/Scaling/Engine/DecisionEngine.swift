/// The pure decision function: policy, state, history and time in; a ``Decision`` out.
///
/// ```swift
/// let decision = DecisionEngine.decide(policy: policy, state: state, history: history, now: 120)
/// print(decision.desiredReplicas, decision.explanation)
/// storedHistory = decision.history
/// ```
///
/// The steps, in order (docs/scaling.md explains each):
/// 1. every signal proposes a replica count with HPA's rules;
/// 2. the largest proposal wins; missing, stale or partial signals block a scale-down;
/// 3. after repeated failures a fallback count may apply;
/// 4. HPA's stabilization windows and rate policies (or its legacy limits) shape the change;
/// 5. burst mode may jump to the short-window demand and suppresses scale-down;
/// 6. loading pods are never removed;
/// 7. an idle pool goes to zero, a pool at zero wakes on waiting requests;
/// 8. GPU capacity caps the result (Hold) or is reported (Pend).
public enum DecisionEngine {
    /// Decides how many replicas the pool should run at `now` (seconds on the caller's clock).
    ///
    /// The same inputs always give the same decision. The returned history assumes the caller
    /// applies `desiredReplicas`; pass ``Decision/history`` to the next call.
    public static func decide(
        policy: ScalingPolicy,
        state: PoolState,
        history: ScalingHistory,
        now: Double
    ) -> Decision {
        var run = Run(policy: policy, state: state, history: history, now: now)
        run.execute()
        return run.decision()
    }

    /// Decides for a whole scenario.
    public static func decide(_ scenario: Scenario) -> Decision {
        decide(policy: scenario.policy, state: scenario.state, history: scenario.history, now: scenario.now)
    }
}

/// A scenario: everything one decision needs, as a scenario file holds it.
public struct Scenario: Codable, Sendable, Equatable {
    /// The pool's policy.
    public var policy: ScalingPolicy
    /// The pool's state now.
    public var state: PoolState
    /// What earlier decisions left behind.
    ///
    /// Default: empty.
    public var history: ScalingHistory
    /// The time of the decision in seconds.
    public var now: Double

    /// Creates a scenario.
    public init(policy: ScalingPolicy, state: PoolState, history: ScalingHistory = ScalingHistory(), now: Double) {
        self.policy = policy
        self.state = state
        self.history = history
        self.now = now
    }

    private enum CodingKeys: String, CodingKey {
        case policy, state, history, now
    }

    /// Decodes a scenario; `history` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        policy = try container.decode(ScalingPolicy.self, forKey: .policy)
        state = try container.decode(PoolState.self, forKey: .state)
        history = try container.decodeIfPresent(ScalingHistory.self, forKey: .history) ?? ScalingHistory()
        now = try container.decode(Double.self, forKey: .now)
    }
}
