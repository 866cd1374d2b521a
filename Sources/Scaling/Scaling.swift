// Scaling owns the decision engine: a pure, deterministic function from a pool's policy, state,
// signals and history at a given time to a replica count and its explanation. It imports nothing
// but the standard library: no Foundation, no I/O, no clock of its own, no async.
// Entry point: `DecisionEngine.decide(policy:state:history:now:)`; see docs/scaling.md.

/// Defaults that follow the Kubernetes HorizontalPodAutoscaler.
public enum HPADefaults {
    /// The tolerance around a ratio of 1 within which no scaling happens.
    public static let tolerance = 0.1
    /// The scale-down stabilization window in seconds.
    public static let scaleDownStabilizationSeconds = 300.0
    /// The scale-up stabilization window in seconds.
    public static let scaleUpStabilizationSeconds = 0.0
    /// The period of HPA's default rate policies in seconds.
    public static let policyPeriodSeconds = 15.0
}
