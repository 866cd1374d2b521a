import Scaling

/// Small builders that keep the test tables short.
enum Build {
    /// Ready, running pods named `pod-0`… carrying one value each for `signal`.
    static func readyPods(_ values: [Double], signal: String = "waitingRequests", from first: Int = 0) -> [PodState] {
        values.enumerated().map { index, value in
            PodState(name: "pod-\(first + index)", signals: [signal: SignalSample(value)])
        }
    }

    /// Ready pods that report nothing for any signal.
    static func silentPods(_ count: Int, from first: Int) -> [PodState] {
        (0..<count).map { PodState(name: "pod-\(first + $0)") }
    }

    /// Pending pods, by default waiting for the scheduler to find a GPU.
    static func pendingPods(
        _ count: Int,
        from first: Int,
        reason: PodState.PendingReason = .insufficientGPU
    ) -> [PodState] {
        (0..<count).map {
            PodState(name: "pod-\(first + $0)", phase: .pending, isReady: false, pendingReason: reason)
        }
    }

    /// Running pods still loading their model.
    static func loadingPods(_ count: Int, from first: Int) -> [PodState] {
        (0..<count).map { PodState(name: "pod-\(first + $0)", isReady: false, isLoading: true) }
    }

    /// A policy on one signal with the given bounds and behavior.
    static func policy(
        signal: SignalKind = .waitingRequests,
        target: Double = 10,
        min: Int = 1,
        max: Int = 100,
        behavior: ScalingBehavior? = .hpaDefault,
        tolerance: Tolerance = Tolerance()
    ) -> ScalingPolicy {
        ScalingPolicy(
            minReplicas: min,
            maxReplicas: max,
            signals: [SignalTarget(kind: signal, target: target)],
            tolerance: tolerance,
            behavior: behavior
        )
    }

    /// A policy whose single pool-level signal proposes exactly `raw` (target 1, no tolerance), so
    /// that the normalization steps can be tested in isolation.
    static func rawPolicy(min: Int = 1, max: Int = 100, behavior: ScalingBehavior?) -> ScalingPolicy {
        ScalingPolicy(
            minReplicas: min,
            maxReplicas: max,
            signals: [SignalTarget(kind: .custom, target: 1, name: "demand", source: .pool)],
            tolerance: Tolerance(scaleUp: 0, scaleDown: 0),
            behavior: behavior
        )
    }

    /// A state whose pool-level `demand` signal proposes `raw` replicas under ``rawPolicy``.
    static func rawState(current: Int, raw: Int) -> PoolState {
        PoolState(
            replicas: current,
            pods: readyPods([Double](repeating: 1, count: current), signal: "other"),
            poolSignals: ["demand": SignalSample(Double(raw))]
        )
    }
}
