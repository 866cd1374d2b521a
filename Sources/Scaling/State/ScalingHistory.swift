/// What the engine remembers between decisions; the caller stores it and passes it back.
///
/// ``DecisionEngine/decide(policy:state:history:now:)`` returns the updated history in
/// ``Decision/history``, already pruned of entries too old to matter. It assumes the caller applies
/// the decision: a change of replicas is recorded as a scale event at `now`.
public struct ScalingHistory: Codable, Sendable, Equatable {
    /// The raw (unstabilized) recommendations of past decisions, oldest first.
    public var recommendations: [Recommendation]
    /// Past changes of the replica count, oldest first.
    public var scaleEvents: [ScaleEvent]
    /// Consecutive failed decisions per signal name.
    public var failedIntervals: [String: Int]
    /// The last time burst mode's threshold was met; `nil` when not in burst mode.
    public var burstLastSeen: Double?
    /// Since when the pool has been idle (no waiting or running requests); `nil` when busy.
    public var idleSince: Double?

    /// Creates a history; empty by default.
    public init(
        recommendations: [Recommendation] = [],
        scaleEvents: [ScaleEvent] = [],
        failedIntervals: [String: Int] = [:],
        burstLastSeen: Double? = nil,
        idleSince: Double? = nil
    ) {
        self.recommendations = recommendations
        self.scaleEvents = scaleEvents
        self.failedIntervals = failedIntervals
        self.burstLastSeen = burstLastSeen
        self.idleSince = idleSince
    }

    private enum CodingKeys: String, CodingKey {
        case recommendations, scaleEvents, failedIntervals, burstLastSeen, idleSince
    }

    /// Decodes a history; every field may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recommendations = try container.decodeIfPresent([Recommendation].self, forKey: .recommendations) ?? []
        scaleEvents = try container.decodeIfPresent([ScaleEvent].self, forKey: .scaleEvents) ?? []
        failedIntervals = try container.decodeIfPresent([String: Int].self, forKey: .failedIntervals) ?? [:]
        burstLastSeen = try container.decodeIfPresent(Double.self, forKey: .burstLastSeen)
        idleSince = try container.decodeIfPresent(Double.self, forKey: .idleSince)
    }

    /// The replicas added (positive) or removed (negative, as a positive count) within
    /// `periodSeconds` before `now`, as HPA counts them (events strictly after the cutoff).
    func replicasChanged(within periodSeconds: Double, now: Double, direction: ScaleDirection) -> Int {
        let cutoff = now - periodSeconds
        var total = 0
        for event in scaleEvents where event.time > cutoff {
            let change = event.to - event.from
            if direction == .up, change > 0 { total += change }
            if direction == .down, change < 0 { total -= change }
        }
        return total
    }
}

/// Which way a change goes.
enum ScaleDirection {
    case up, down
}

/// One past raw recommendation.
public struct Recommendation: Codable, Sendable, Equatable {
    /// When it was made, in seconds.
    public var time: Double
    /// The replicas the signals asked for, before stabilization and rate limits.
    public var replicas: Int

    /// Creates a recommendation.
    public init(time: Double, replicas: Int) {
        self.time = time
        self.replicas = replicas
    }
}

/// One past change of the replica count.
public struct ScaleEvent: Codable, Sendable, Equatable {
    /// When it happened, in seconds.
    public var time: Double
    /// The replicas before.
    public var from: Int
    /// The replicas after.
    public var to: Int

    /// Creates a scale event.
    public init(time: Double, from: Int, to: Int) {
        self.time = time
        self.from = from
        self.to = to
    }
}
