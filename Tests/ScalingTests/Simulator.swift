import Scaling

/// A tiny pool for timeline tests: pods that take time to load, GPU slots that run out, a load that
/// the test sets, and the engine deciding every interval.
///
/// Deterministic; no clock.
struct Simulator {
    /// What the pool sees at one moment.
    struct Load {
        /// Requests waiting, spread evenly over the ready pods.
        var waiting: Double
        /// Whether the pods report their signals at all.
        var isReported = true
    }

    /// One pod of the simulated pool.
    struct Pod {
        var name: String
        var readyAt: Double
    }

    /// One decision in the timeline.
    struct Step {
        var time: Double
        var replicas: Int
        var reasons: [LimitReason]
        var decision: Decision
    }

    var policy: ScalingPolicy
    var history = ScalingHistory()
    var pods: [Pod] = []
    var loadSeconds: Double = 0
    /// How many pods the GPU nodes fit; `nil` is unlimited.
    var gpuSlots: Int?
    /// Whether pool-level waiting requests (a gateway queue) are reported.
    var reportsPoolQueue = false
    var nextIndex = 0
    var steps: [Step] = []

    init(policy: ScalingPolicy, replicas: Int, loadSeconds: Double = 0, gpuSlots: Int? = nil) {
        self.policy = policy
        self.loadSeconds = loadSeconds
        self.gpuSlots = gpuSlots
        for _ in 0..<replicas { addPod(readyAt: -1_000) }
    }

    var replicas: Int { pods.count }

    private mutating func addPod(readyAt: Double) {
        pods.append(Pod(name: "pod-\(nextIndex)", readyAt: readyAt))
        nextIndex += 1
    }

    /// The state the engine sees at `now` under `load`.
    func state(at now: Double, load: Load) -> PoolState {
        let placed = gpuSlots.map { min($0, pods.count) } ?? pods.count
        let readyCount = pods.prefix(placed).filter { $0.readyAt <= now }.count
        let perPod = readyCount > 0 ? load.waiting / Double(readyCount) : 0
        var states: [PodState] = []
        for (index, pod) in pods.enumerated() {
            if index >= placed {
                states.append(
                    PodState(name: pod.name, phase: .pending, isReady: false, pendingReason: .insufficientGPU)
                )
            } else if pod.readyAt > now {
                states.append(PodState(name: pod.name, isReady: false, isLoading: true))
            } else {
                let signals: [String: SignalSample] =
                    load.isReported
                    ? ["waitingRequests": SignalSample(perPod), "runningRequests": SignalSample(perPod)] : [:]
                states.append(PodState(name: pod.name, readySince: pod.readyAt, signals: signals))
            }
        }
        return PoolState(
            replicas: pods.count,
            pods: states,
            poolSignals: reportsPoolQueue ? ["waitingRequests": SignalSample(load.waiting)] : [:],
            gpuHeadroom: gpuSlots.map { max(0, $0 - placed) }
        )
    }

    /// Decides at `now` and applies the decision: new pods start loading, removed pods go first
    /// in the engine's order.
    @discardableResult
    mutating func step(at now: Double, load: Load) -> Decision {
        let decision = DecisionEngine.decide(
            policy: policy,
            state: state(at: now, load: load),
            history: history,
            now: now
        )
        history = decision.history
        let desired = decision.desiredReplicas
        if desired > pods.count {
            for _ in pods.count..<desired { addPod(readyAt: now + loadSeconds) }
        } else if desired < pods.count {
            var remove = Set(decision.podsToRemove)
            var index = pods.count - 1
            while remove.count < pods.count - desired, index >= 0 {
                remove.insert(pods[index].name)
                index -= 1
            }
            pods.removeAll { remove.contains($0.name) }
        }
        steps.append(Step(time: now, replicas: pods.count, reasons: decision.limitReasons, decision: decision))
        return decision
    }

    /// Runs every `interval` seconds from `start` to `end` inclusive with a load that depends on time.
    mutating func run(from start: Double, to end: Double, every interval: Double = 15, load: (Double) -> Load) {
        var now = start
        while now <= end {
            step(at: now, load: load(now))
            now += interval
        }
    }

    /// The replicas after the decision at `time`.
    func replicas(at time: Double) -> Int? {
        steps.first { $0.time == time }?.replicas
    }

    /// The limit reasons of the decision at `time`.
    func reasons(at time: Double) -> [LimitReason] {
        steps.first { $0.time == time }?.reasons ?? []
    }
}
