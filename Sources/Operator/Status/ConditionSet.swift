/// Builds a pool's conditions from the previous ones, keeping transition times of unchanged states.
struct ConditionSet {
    private(set) var conditions: [PoolCondition]
    private let previous: [PoolCondition]
    private let now: String
    private let generation: Int64?

    /// Starts from `previous` at time `now` for spec `generation`.
    init(previous: [PoolCondition], now: String, generation: Int64?) {
        self.previous = previous
        self.conditions = []
        self.now = now
        self.generation = generation
    }

    /// Sets a condition; its transition time moves only when its status changes.
    mutating func set(_ kind: PoolCondition.Kind, _ status: Bool?, reason: String, message: String) {
        let old = previous.first { $0.type == kind.rawValue }
        var condition = PoolCondition(
            type: kind,
            status: status,
            reason: reason,
            message: message,
            observedGeneration: generation,
            lastTransitionTime: now
        )
        if let old, old.status == condition.status { condition.lastTransitionTime = old.lastTransitionTime }
        conditions.removeAll { $0.type == kind.rawValue }
        conditions.append(condition)
    }

    /// Whether `kind` turned to `status` now (it was absent or different before).
    func turned(_ kind: PoolCondition.Kind, to status: Bool) -> Bool {
        let text = status ? "True" : "False"
        let new = conditions.first { $0.type == kind.rawValue }
        let old = previous.first { $0.type == kind.rawValue }
        return new?.status == text && (old?.status != text || old?.reason != new?.reason)
    }
}
