/// The demo's end-of-run figures for one pool, computed from its timeline.
public struct DemoSummary: Sendable, Equatable {
    /// Pool name.
    public var pool: String
    /// Final SLO attainment, 0...1.
    public var attainment: Double?
    /// GPU-hours used: ready plus loading replicas × GPUs per replica, integrated over the run.
    public var gpuHours: Double
    /// Increases of the desired replica count.
    public var scaleUps: Int
    /// Decreases of the desired replica count.
    public var scaleDowns: Int
    /// Highest desired replica count seen.
    public var peakReplicas: Int
    /// Lowest desired replica count seen after the first increase.
    public var finalReplicas: Int

    /// Summarises a timeline.
    ///
    /// `replicasInUse` of each sample is `ready + loading` pods.
    public init(pool: String, samples: [DemoSample], replicasInUse: [Int], gpusPerReplica: Double) {
        self.pool = pool
        attainment = samples.last?.attainment
        var hours = 0.0
        for index in samples.indices.dropFirst() {
            let seconds = samples[index].time - samples[index - 1].time
            hours += Double(replicasInUse[index - 1]) * gpusPerReplica * seconds / 3600
        }
        gpuHours = hours
        let desired = samples.compactMap(\.desiredReplicas)
        var ups = 0
        var downs = 0
        for (previous, next) in zip(desired, desired.dropFirst()) {
            if next > previous { ups += 1 }
            if next < previous { downs += 1 }
        }
        scaleUps = ups
        scaleDowns = downs
        peakReplicas = desired.max() ?? 0
        finalReplicas = desired.last ?? 0
    }

    /// The summary as text lines.
    public var lines: [String] {
        let slo = attainment.map { DemoSample.fixed($0 * 100, decimals: 1) + "%" } ?? "-"
        return [
            "pool \(pool): SLO attainment \(slo), GPU-hours \(DemoSample.fixed(gpuHours, decimals: 3)), "
                + "scale-ups \(scaleUps), scale-downs \(scaleDowns), peak \(peakReplicas) replicas, "
                + "final \(finalReplicas)"
        ]
    }
}
