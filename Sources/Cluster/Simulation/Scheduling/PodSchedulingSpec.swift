import Kube

/// What the scheduler reads from a pod: node selector, required node affinity, tolerations and
/// resource requests (containers summed; an extended resource's limit counts as its request).
public struct PodSchedulingSpec: Sendable, Equatable {
    /// One `matchExpressions` entry of a node selector term.
    public struct Requirement: Sendable, Equatable {
        /// Label key.
        public var key: String
        /// `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`.
        public var `operator`: String
        /// Values for `In`, `NotIn`, `Gt`, `Lt`.
        public var values: [String]

        /// Creates a requirement.
        public init(key: String, operator: String, values: [String] = []) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        /// Whether a node's labels satisfy it.
        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch self.operator {
            case "In": return value.map(values.contains) ?? false
            case "NotIn": return value.map { !values.contains($0) } ?? true
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            case "Gt", "Lt":
                guard let value, let number = Int(value), let bound = values.first.flatMap({ Int($0) }) else {
                    return false
                }
                return self.operator == "Gt" ? number > bound : number < bound
            default: return false
            }
        }
    }

    /// One toleration.
    public struct Toleration: Sendable, Equatable {
        /// Taint key; empty with `Exists` tolerates every taint.
        public var key: String?
        /// `Equal` (default) or `Exists`.
        public var `operator`: String?
        /// Value for `Equal`.
        public var value: String?
        /// Effect; empty matches every effect.
        public var effect: String?

        /// Creates a toleration.
        public init(key: String? = nil, operator: String? = nil, value: String? = nil, effect: String? = nil) {
            self.key = key
            self.operator = `operator`
            self.value = value
            self.effect = effect
        }

        /// Whether this toleration tolerates `taint`.
        public func tolerates(_ taint: Taint) -> Bool {
            if let effect, !effect.isEmpty, effect != taint.effect { return false }
            if self.operator == "Exists" { return key == nil || key == "" || key == taint.key }
            return key == taint.key && (value ?? "") == (taint.value ?? "")
        }
    }

    /// `spec.nodeSelector`.
    public var nodeSelector: [String: String]
    /// Required node affinity terms: a node must match all requirements of at least one term.
    ///
    /// Empty: no affinity.
    public var requiredNodeAffinity: [[Requirement]]
    /// `spec.tolerations`.
    public var tolerations: [Toleration]
    /// Requested resources in base units, containers summed.
    public var requests: [String: Double]

    /// Creates a spec.
    public init(
        nodeSelector: [String: String] = [:],
        requiredNodeAffinity: [[Requirement]] = [],
        tolerations: [Toleration] = [],
        requests: [String: Double] = [:]
    ) {
        self.nodeSelector = nodeSelector
        self.requiredNodeAffinity = requiredNodeAffinity
        self.tolerations = tolerations
        self.requests = requests
    }
}
