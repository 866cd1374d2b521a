import YAML

/// Which pools a change to a watched object concerns: the event-to-key mapping of the watches.
///
/// Kept from the pools the watches have seen: each pool's namespace, target Deployment and the
/// pod selector it reported in `status.selector`. Pure and small; the runner holds it in an actor.
public struct PoolIndex: Sendable, Equatable {
    /// What the index knows about one pool.
    public struct Entry: Sendable, Equatable {
        /// The pool's namespace.
        public var namespace: String
        /// The pool's name.
        public var name: String
        /// Its target Deployment's name.
        public var target: String
        /// Its pods' labels (from `status.selector`), empty until first reported.
        public var selector: [String: String]
    }

    /// Pools by `namespace/name`.
    public private(set) var entries: [String: Entry] = [:]

    /// Creates an empty index.
    public init() {}

    /// Records or refreshes a pool from its object.
    public mutating func update(pool object: JSONValue) {
        guard let namespace = object.value(at: ["metadata", "namespace"])?.stringValue,
            let name = object.value(at: ["metadata", "name"])?.stringValue
        else { return }
        let target = object.value(at: ["spec", "targetRef", "name"])?.stringValue ?? ""
        var selector: [String: String] = [:]
        for pair in (object.value(at: ["status", "selector"])?.stringValue ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { selector[parts[0]] = parts[1] }
        }
        entries["\(namespace)/\(name)"] = Entry(namespace: namespace, name: name, target: target, selector: selector)
    }

    /// Forgets a pool.
    public mutating func remove(namespace: String, name: String) {
        entries["\(namespace)/\(name)"] = nil
    }

    /// The pool keys (`namespace/name`) a change to `object` of `resource` should reconcile.
    public func keys(for resource: OperatorResource, object: JSONValue) -> [String] {
        let namespace = object.value(at: ["metadata", "namespace"])?.stringValue
        let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
        let matching: [Entry]
        switch resource {
        case .inferencePools:
            return namespace.map { ["\($0)/\(name)"] } ?? []
        case .deployments:
            matching = entries.values.filter { $0.namespace == namespace && $0.target == name }
        case .pods:
            let labels = (object.value(at: ["metadata", "labels"])?.objectValue ?? [:]).compactMapValues(\.stringValue)
            matching = entries.values.filter { entry in
                entry.namespace == namespace && !entry.selector.isEmpty
                    && entry.selector.allSatisfy { labels[$0.key] == $0.value }
            }
        case .nodes:
            matching = Array(entries.values)
        case .horizontalPodAutoscalers, .scaledObjects:
            let target = object.value(at: ["spec", "scaleTargetRef", "name"])?.stringValue
            matching = entries.values.filter { $0.namespace == namespace && $0.target == target }
        default:
            matching = []
        }
        return matching.map { "\($0.namespace)/\($0.name)" }.sorted()
    }
}
