import Kube

/// The scheduler's filter step over simulated nodes, with the real scheduler's reasons.
///
/// Filters run per node in kube-scheduler's order and the first that fails names the reason:
/// unschedulable, taints (`NoSchedule`/`NoExecute` only), node selector and required affinity, then
/// resources (every insufficient resource counted, and the pod count against `pods`). The failure
/// message has the scheduler's shape: `0/4 nodes are available: 4 Insufficient nvidia.com/gpu.`,
/// with reason counts sorted as strings. Known limitation: the preemption sentence that
/// kube-scheduler 1.32 appends is left out, since the simulation does no preemption.
public struct SchedulerFit: Sendable {
    /// The nodes to place on.
    public var nodes: [SimulatedNode]
    /// Resources already requested on each node by bound pods, in base units.
    public var used: [String: [String: Double]]
    /// Pods already bound to each node.
    public var podCounts: [String: Int]

    /// Creates a fit checker over nodes and their current use.
    public init(nodes: [SimulatedNode], used: [String: [String: Double]] = [:], podCounts: [String: Int] = [:]) {
        self.nodes = nodes
        self.used = used
        self.podCounts = podCounts
    }

    /// Why a pod does not fit one node: every reason found, empty when it fits.
    public func reasons(_ pod: PodSchedulingSpec, on node: SimulatedNode) -> [String] {
        if node.isUnschedulable { return ["node(s) were unschedulable"] }
        for taint in node.taints where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
            if !pod.tolerations.contains(where: { $0.tolerates(taint) }) {
                return ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"]
            }
        }
        if !matchesPlacement(pod, node) { return ["node(s) didn't match Pod's node affinity/selector"] }

        var insufficient: [String] = []
        let pods = ResourceQuantity.value(node.allocatable["pods"] ?? "110") ?? 110
        if Double(podCounts[node.name, default: 0] + 1) > pods { insufficient.append("Too many pods") }
        for (resource, amount) in pod.requests.sorted(by: { $0.key < $1.key }) where amount > 0 {
            let allocatable = node.allocatable[resource].flatMap(ResourceQuantity.value) ?? 0
            if used[node.name, default: [:]][resource, default: 0] + amount > allocatable + 1e-9 {
                insufficient.append("Insufficient \(resource)")
            }
        }
        return insufficient
    }

    /// The outcome of placing a pod: a node, or the scheduler's message.
    public enum Placement: Sendable, Equatable {
        /// The pod fits this node.
        case node(String)
        /// No node fits; the `PodScheduled=False` message.
        case unschedulable(message: String)
    }

    /// Picks a node for the pod: among the fitting nodes the one with the most free GPU-type
    /// capacity left after placing (spreading load), ties broken by name.
    public func place(_ pod: PodSchedulingSpec) -> Placement {
        var counts: [String: Int] = [:]
        var fitting: [SimulatedNode] = []
        for node in nodes {
            let found = reasons(pod, on: node)
            if found.isEmpty { fitting.append(node) }
            for reason in found { counts[reason, default: 0] += 1 }
        }
        guard fitting.isEmpty else {
            let best = fitting.max {
                score(pod, $0) != score(pod, $1) ? score(pod, $0) < score(pod, $1) : $0.name > $1.name
            }
            return .node(best?.name ?? fitting[0].name)
        }
        let parts = counts.map { "\($0.value) \($0.key)" }.sorted()
        let summary = parts.isEmpty ? "" : " " + parts.joined(separator: ", ")
        return .unschedulable(message: "0/\(nodes.count) nodes are available:\(summary).")
    }

    private func matchesPlacement(_ pod: PodSchedulingSpec, _ node: SimulatedNode) -> Bool {
        for (key, value) in pod.nodeSelector where node.labels[key] != value { return false }
        guard !pod.requiredNodeAffinity.isEmpty else { return true }
        return pod.requiredNodeAffinity.contains { term in
            !term.isEmpty && term.allSatisfy { $0.matches(node.labels) }
        }
    }

    // Free capacity (fraction) of the resources the pod asks for, after placing it.
    private func score(_ pod: PodSchedulingSpec, _ node: SimulatedNode) -> Double {
        var total = 0.0
        for (resource, amount) in pod.requests where amount > 0 {
            let allocatable = node.allocatable[resource].flatMap(ResourceQuantity.value) ?? 0
            guard allocatable > 0 else { continue }
            total += (allocatable - used[node.name, default: [:]][resource, default: 0] - amount) / allocatable
        }
        return total
    }
}
