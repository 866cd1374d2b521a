// Benchmarks for the Scaling module: how long one decision takes for pools of several sizes.
import Foundation
import Scaling

enum ScalingBenchmarks {
    static let decide = Benchmark(
        name: "scaling.decide",
        summary: "Times DecisionEngine.decide on pools of 8, 64 and 512 pods with 3 signals. Args: [ROUNDS]"
    ) { arguments in
        let rounds = arguments.first.flatMap(Int.init) ?? 20_000
        for podCount in [8, 64, 512] {
            let (policy, state, history) = scenario(pods: podCount)
            var checksum = 0
            let clock = ContinuousClock()
            let iterations = max(1, rounds * 8 / podCount)
            let elapsed = clock.measure {
                for round in 0..<iterations {
                    let decision = DecisionEngine.decide(
                        policy: policy,
                        state: state,
                        history: history,
                        now: 10_000 + Double(round % 7)
                    )
                    checksum &+= decision.desiredReplicas
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let micros = seconds / Double(iterations) * 1e6
            print(
                "scaling.decide.pods\(podCount): \(String(format: "%.2f", micros)) us/decision (checksum \(checksum))"
            )
        }
    }

    /// A busy pool with three signals, a burst policy and a full 300 s history.
    static func scenario(pods count: Int) -> (ScalingPolicy, PoolState, ScalingHistory) {
        var policy = ScalingPolicy(
            minReplicas: 1,
            maxReplicas: count * 2,
            signals: [
                SignalTarget(kind: .waitingRequests, target: 5),
                SignalTarget(kind: .kvCacheUtilization, target: 0.8),
                SignalTarget(kind: .runningRequests, target: 24),
            ],
            behavior: .hpaDefault
        )
        policy.burst = BurstPolicy()
        var pods: [PodState] = []
        for index in 0..<count {
            let waiting = Double(index % 9)
            let cache = 0.5 + Double(index % 5) / 10
            let running = Double(20 + index % 8)
            let signals: [String: SignalSample] = [
                "waitingRequests": SignalSample(waiting),
                "kvCacheUtilization": SignalSample(cache),
                "runningRequests": SignalSample(running),
            ]
            pods.append(PodState(name: "pod-\(index)", readySince: 0, signals: signals))
        }
        var history = ScalingHistory()
        for step in 0..<20 {
            history.recommendations.append(Recommendation(time: 10_000 - 300 + Double(step * 15), replicas: count))
        }
        return (policy, PoolState(replicas: count, pods: pods), history)
    }
}
