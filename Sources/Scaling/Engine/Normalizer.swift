/// HPA's normalization of a raw recommendation: stabilization windows, then rate limits and bounds.
///
/// With a ``ScalingBehavior`` it follows HPA's behavior path: the current count is clamped between
/// the lowest recommendation within the scale-up window and the highest within the scale-down
/// window; then the rate policies, counted from the replicas at the start of each policy's period,
/// cap the change. Without one it follows HPA's legacy path: the highest recommendation within
/// 300 s, and scale-up capped at `max(2 × current, 4)`.
struct Normalizer {
    /// What stabilization and rate limiting did.
    struct Outcome {
        /// The stabilized recommendation.
        var stabilized: Int
        /// The replicas after rate limits and bounds.
        var replicas: Int
        /// Set when stabilization changed the recommendation.
        var stabilization: Limit?
        /// Set when a rate policy or a bound changed the stabilized value.
        var rateLimit: Limit?
    }

    let policy: ScalingPolicy
    let history: ScalingHistory
    let now: Double
    let current: Int

    /// The lower bound while serving: scale-to-zero happens in its own step.
    var floor: Int { max(policy.minReplicas, 1) }

    /// Normalizes `raw`; `history` must not contain `raw` yet.
    func normalize(_ raw: Int) -> Outcome {
        guard let behavior = policy.behavior else { return normalizeWithoutBehavior(raw) }
        var outcome = Outcome(stabilized: raw, replicas: raw)

        // Stabilize: clamp the current count between the window minimum and maximum.
        var upRecommendation = raw
        var downRecommendation = raw
        let upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds
        let downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds
        for recommendation in history.recommendations {
            if recommendation.time > upCutoff { upRecommendation = min(upRecommendation, recommendation.replicas) }
            if recommendation.time > downCutoff {
                downRecommendation = max(downRecommendation, recommendation.replicas)
            }
        }
        let stabilized = min(max(current, upRecommendation), downRecommendation)
        outcome.stabilized = stabilized
        if stabilized != raw {
            outcome.stabilization =
                raw > current
                ? Limit(.scaleUpStabilized, "recent recommendations were lower; applying the lowest (\(stabilized))")
                : Limit(
                    .scaleDownStabilized,
                    "recent recommendations were higher; applying the highest (\(stabilized))"
                )
        }

        // Rate-limit with the policies, then bound.
        let (limited, limit) = rateLimited(stabilized, behavior: behavior)
        outcome.replicas = limited
        outcome.rateLimit = limit
        return outcome
    }

    /// HPA's rate limits and bounds on a stabilized recommendation.
    private func rateLimited(_ desired: Int, behavior: ScalingBehavior) -> (Int, Limit?) {
        if desired > current {
            let upLimit = max(scaleUpLimit(behavior.scaleUp), current)
            if policy.maxReplicas > upLimit, desired > upLimit {
                return (upLimit, Limit(.scaleUpLimit, "the scale-up policies allow at most \(upLimit) now"))
            }
            if desired > policy.maxReplicas {
                return (policy.maxReplicas, Limit(.tooManyReplicas, "maxReplicas is \(policy.maxReplicas)"))
            }
        } else if desired < current {
            let downLimit = min(scaleDownLimit(behavior.scaleDown), current)
            if floor < downLimit, desired < downLimit {
                return (downLimit, Limit(.scaleDownLimit, "the scale-down policies allow at least \(downLimit) now"))
            }
            if desired < floor {
                return (floor, Limit(.tooFewReplicas, "minReplicas is \(floor)"))
            }
        }
        return (desired, nil)
    }

    /// The most replicas the scale-up policies allow now.
    func scaleUpLimit(_ rules: ScalingRules) -> Int {
        if rules.selectPolicy == .disabled { return current }
        var result = rules.selectPolicy == .min ? Int.max : Int.min
        for rate in rules.policies {
            let start = periodStart(rate.periodSeconds)
            let proposed =
                switch rate.type {
                case .pods: start + rate.value
                case .percent: ReplicaCalculator.ceiling(Double(start) * (1 + Double(rate.value) / 100))
                }
            result = rules.selectPolicy == .min ? min(result, proposed) : max(result, proposed)
        }
        return rules.policies.isEmpty ? Int.max : result
    }

    /// The fewest replicas the scale-down policies allow now.
    func scaleDownLimit(_ rules: ScalingRules) -> Int {
        if rules.selectPolicy == .disabled { return current }
        var result = rules.selectPolicy == .min ? Int.min : Int.max
        for rate in rules.policies {
            let start = periodStart(rate.periodSeconds)
            let proposed =
                switch rate.type {
                case .pods: start - rate.value
                case .percent: Int((Double(start) * (1 - Double(rate.value) / 100) + ReplicaCalculator.epsilon))
                }
            result = rules.selectPolicy == .min ? max(result, proposed) : min(result, proposed)
        }
        return rules.policies.isEmpty ? Int.min : result
    }

    /// The replicas at the start of a period: current minus what was added plus what was removed.
    private func periodStart(_ seconds: Double) -> Int {
        current - history.replicasChanged(within: seconds, now: now, direction: .up)
            + history.replicasChanged(within: seconds, now: now, direction: .down)
    }

    /// HPA's legacy path: a 300 s scale-down window and scale-up up to `max(2 × current, 4)`.
    private func normalizeWithoutBehavior(_ raw: Int) -> Outcome {
        var outcome = Outcome(stabilized: raw, replicas: raw)
        let cutoff = now - HPADefaults.scaleDownStabilizationSeconds
        let stabilized = history.recommendations.filter { $0.time >= cutoff }.map(\.replicas).reduce(raw, max)
        outcome.stabilized = stabilized
        outcome.replicas = stabilized
        if stabilized != raw {
            outcome.stabilization = Limit(
                .scaleDownStabilized,
                "recent recommendations were higher; applying the highest (\(stabilized))"
            )
        }
        let upLimit = max(2 * current, 4)
        if stabilized < floor {
            outcome.replicas = floor
            outcome.rateLimit = Limit(.tooFewReplicas, "minReplicas is \(floor)")
        } else if upLimit < policy.maxReplicas, stabilized > upLimit {
            outcome.replicas = upLimit
            outcome.rateLimit = Limit(.scaleUpLimit, "without a behavior, scale-up is capped at \(upLimit) now")
        } else if stabilized > policy.maxReplicas {
            outcome.replicas = policy.maxReplicas
            outcome.rateLimit = Limit(.tooManyReplicas, "maxReplicas is \(policy.maxReplicas)")
        }
        return outcome
    }
}
