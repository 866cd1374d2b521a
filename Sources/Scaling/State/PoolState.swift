/// What the pool looks like now: its replica count, its pods, and what was measured.
public struct PoolState: Codable, Sendable, Equatable {
    /// The target's current `spec.replicas`.
    public var replicas: Int
    /// The pods that belong to the target.
    public var pods: [PodState]
    /// Pool-wide totals by signal name (a gateway's queue, a Prometheus `sum`).
    ///
    /// `waitingRequests` here is what wakes a pool from zero.
    public var poolSignals: [String: SignalSample]
    /// Signals whose source failed outright this interval (Prometheus down, every scrape failed).
    public var failedSignals: [String]
    /// How long each signal has been missing, in seconds, as the caller measured it; used in the
    /// explanation.
    public var missingSeconds: [String: Double]
    /// How many more pods the matching GPU nodes can take beyond the replicas placed now; `nil` when
    /// unknown (no limit applied).
    ///
    /// With it, the engine counts as schedulable every current replica except the pods pending
    /// for capacity, plus this headroom.
    public var gpuHeadroom: Int?

    /// Creates a state.
    public init(
        replicas: Int,
        pods: [PodState] = [],
        poolSignals: [String: SignalSample] = [:],
        failedSignals: [String] = [],
        missingSeconds: [String: Double] = [:],
        gpuHeadroom: Int? = nil
    ) {
        self.replicas = replicas
        self.pods = pods
        self.poolSignals = poolSignals
        self.failedSignals = failedSignals
        self.missingSeconds = missingSeconds
        self.gpuHeadroom = gpuHeadroom
    }

    private enum CodingKeys: String, CodingKey {
        case replicas, pods, poolSignals, failedSignals, missingSeconds, gpuHeadroom
    }

    /// Decodes a state; only `replicas` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        replicas = try container.decode(Int.self, forKey: .replicas)
        pods = try container.decodeIfPresent([PodState].self, forKey: .pods) ?? []
        let raw = try container.decodeIfPresent([String: SignalSample?].self, forKey: .poolSignals) ?? [:]
        poolSignals = raw.compactMapValues { $0 }
        failedSignals = try container.decodeIfPresent([String].self, forKey: .failedSignals) ?? []
        missingSeconds = try container.decodeIfPresent([String: Double].self, forKey: .missingSeconds) ?? [:]
        gpuHeadroom = try container.decodeIfPresent(Int.self, forKey: .gpuHeadroom)
    }
}
