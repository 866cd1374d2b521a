/// The Deployment controller's rolling-update arithmetic on plain numbers.
///
/// Follows the Kubernetes rules: the new ReplicaSet grows while the total stays within
/// `replicas + maxSurge`; old ReplicaSets shrink while available pods stay at least
/// `replicas − maxUnavailable`, and their not-ready pods go first because they count for nothing.
public enum RolloutPlan {
    /// One ReplicaSet's current state.
    public struct ReplicaSetState: Sendable, Equatable {
        /// Name.
        public var name: String
        /// `spec.replicas`.
        public var replicas: Int
        /// Ready pods it owns.
        public var readyReplicas: Int

        /// Creates a state.
        public init(name: String, replicas: Int, readyReplicas: Int) {
            self.name = name
            self.replicas = replicas
            self.readyReplicas = readyReplicas
        }
    }

    /// Resolves `maxSurge` and `maxUnavailable`, integers or percentages of `replicas`.
    ///
    /// Surge rounds up, unavailable rounds down, and both zero becomes unavailable one, as
    /// Kubernetes does. Absent values default to 25 %.
    public static func resolveBounds(replicas: Int, maxSurge: String?, maxUnavailable: String?) -> (
        surge: Int, unavailable: Int
    ) {
        func resolve(_ value: String?, roundUp: Bool) -> Int {
            let text = value ?? "25%"
            if text.hasSuffix("%"), let percent = Double(text.dropLast()) {
                let exact = percent * Double(replicas) / 100
                return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
            }
            return max(0, Int(text) ?? 0)
        }
        let surge = resolve(maxSurge, roundUp: true)
        let unavailable = resolve(maxUnavailable, roundUp: false)
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable)
    }

    /// The replica counts to set: for the new ReplicaSet and for each old one (by name).
    public static func targets(
        desired: Int,
        surge: Int,
        unavailable: Int,
        new: ReplicaSetState,
        old: [ReplicaSetState]
    ) -> (new: Int, old: [String: Int]) {
        let active = old.filter { $0.replicas > 0 }
        guard !active.isEmpty else { return (desired, Dictionary(uniqueKeysWithValues: old.map { ($0.name, 0) })) }

        // Scale up the new ReplicaSet within the surge budget.
        let total = new.replicas + active.reduce(0) { $0 + $1.replicas }
        var newTarget = new.replicas
        if total < desired + surge, new.replicas < desired {
            newTarget = min(desired, new.replicas + (desired + surge - total))
        } else if new.replicas > desired {
            newTarget = desired
        }

        // Old ReplicaSets: drop not-ready pods first, then ready ones while availability allows.
        var targets = Dictionary(uniqueKeysWithValues: old.map { ($0.name, $0.replicas) })
        for state in active where state.replicas > state.readyReplicas {
            targets[state.name] = state.readyReplicas
        }
        let available = new.readyReplicas + active.reduce(0) { $0 + min($1.readyReplicas, $1.replicas) }
        var budget = max(0, available - (desired - unavailable))
        for state in active.sorted(by: { $0.name < $1.name }) where budget > 0 {
            let current = targets[state.name, default: 0]
            let cut = min(current, budget)
            targets[state.name] = current - cut
            budget -= cut
        }
        return (newTarget, targets)
    }
}
