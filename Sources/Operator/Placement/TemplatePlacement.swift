import Kube
import YAML

/// Computes the GPU placement a Deployment's pod template should have, as a changed copy of it.
///
/// PoolPilot owns only these parts of the template: the GPU resource in the first container's
/// limits (and requests, when the container gives requests for a GPU resource), the
/// `nvidia.com/gpu.product` and `nvidia.com/gpu.memory` expressions in every required node-affinity
/// term, the keys of the pool's extra node selector, and the presence of the pool's tolerations.
/// Everything else is left as it is, so ``placed(_:)`` returns the input unchanged when the
/// placement is already right, and the caller writes only when the two differ (a template change
/// rolls every pod).
///
/// Known limitation: a key removed from `gpu.nodeSelector` or a toleration removed from
/// `gpu.tolerations` stays in the template; remove it from the Deployment by hand.
public struct TemplatePlacement: Sendable {
    /// The pool's GPU section.
    public var gpu: GPUSpec

    /// Creates a placement for `gpu`.
    public init(gpu: GPUSpec) {
        self.gpu = gpu
    }

    /// The Deployment with its pod template placed, and a short note for every change made.
    public func placed(_ deployment: JSONValue) -> (deployment: JSONValue, changes: [String]) {
        var template = deployment.value(at: ["spec", "template", "spec"]) ?? .object([:])
        var changes: [String] = []
        placeResources(in: &template, changes: &changes)
        placeNodeSelector(in: &template, changes: &changes)
        placeAffinity(in: &template, changes: &changes)
        placeTolerations(in: &template, changes: &changes)
        guard !changes.isEmpty else { return (deployment, []) }
        var copy = deployment
        var spec = copy["spec"] ?? .object([:])
        var podTemplate = spec["template"] ?? .object([:])
        podTemplate["spec"] = template
        spec["template"] = podTemplate
        copy["spec"] = spec
        return (copy, changes)
    }

    /// Whether a resource name is a GPU resource PoolPilot manages (whole GPUs, shared GPUs, MIG).
    static func isGPUResource(_ name: String) -> Bool {
        name.hasPrefix("nvidia.com/gpu") || name.hasPrefix("nvidia.com/mig-")
    }

    private func placeResources(in template: inout JSONValue, changes: inout [String]) {
        guard case .array(var containers)? = template["containers"], var container = containers.first else { return }
        var resources = container["resources"] ?? .object([:])
        for section in ["limits", "requests"] {
            var amounts = resources[section]?.objectValue ?? [:]
            let hadGPU = amounts.keys.contains(where: Self.isGPUResource)
            guard section == "limits" || hadGPU else { continue }
            for key in amounts.keys where Self.isGPUResource(key) && key != gpu.resourceName {
                amounts[key] = nil
                changes.append("removed \(section) \(key)")
            }
            let current = amounts[gpu.resourceName].flatMap(Quantity.doubleValue(of:))
            if current != Double(gpu.count) {
                amounts[gpu.resourceName] = .string(String(gpu.count))
                changes.append("\(section) \(gpu.resourceName)=\(gpu.count)")
            }
            resources[section] = .object(amounts)
        }
        container["resources"] = resources
        containers[0] = container
        template["containers"] = .array(containers)
    }

    private func placeNodeSelector(in template: inout JSONValue, changes: inout [String]) {
        guard !gpu.nodeSelector.isEmpty else { return }
        var selector = template["nodeSelector"]?.objectValue ?? [:]
        for (key, value) in gpu.nodeSelector.sorted(by: { $0.key < $1.key }) where selector[key]?.stringValue != value {
            selector[key] = .string(value)
            changes.append("nodeSelector \(key)=\(value)")
        }
        template["nodeSelector"] = .object(selector)
    }

    /// The node-affinity expressions the pool needs, on GFD labels.
    var requiredExpressions: [JSONValue] {
        var expressions: [JSONValue] = []
        let accepted = NodeMatcher(gpu: gpu).acceptedProductLabels
        if !accepted.isEmpty {
            expressions.append([
                "key": .string(NodeMatcher.productLabel), "operator": "In",
                "values": .array(accepted.map { .string($0) }),
            ])
        }
        if let minimum = gpu.minMemoryMiB {
            let key = gpu.isMIGProfile ? gpu.resourceName + ".memory" : NodeMatcher.memoryLabel
            expressions.append(["key": .string(key), "operator": "Gt", "values": [.string(String(minimum - 1))]])
        }
        return expressions
    }

    private func placeAffinity(in template: inout JSONValue, changes: inout [String]) {
        let path = ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]
        let terms = template.value(at: path)?.arrayValue ?? []
        let managedKeys: Set<String> = [
            NodeMatcher.productLabel, NodeMatcher.memoryLabel, gpu.resourceName + ".memory",
        ]
        let wanted = requiredExpressions
        guard !(terms.isEmpty && wanted.isEmpty) else { return }

        // Each term is OR-ed by the scheduler, so the GPU expressions go into every term.
        let baseTerms = terms.isEmpty ? [JSONValue.object([:])] : terms
        let placedTerms: [JSONValue] = baseTerms.map { term in
            var copy = term
            let kept = (term["matchExpressions"]?.arrayValue ?? []).filter { expression in
                !managedKeys.contains(expression["key"]?.stringValue ?? "")
            }
            copy["matchExpressions"] = .array(kept + wanted)
            return copy
        }
        guard placedTerms != terms else { return }
        template.setValue(.array(placedTerms), at: path)
        changes.append("node affinity on \(wanted.compactMap { $0["key"]?.stringValue }.joined(separator: ", "))")
    }

    private func placeTolerations(in template: inout JSONValue, changes: inout [String]) {
        var current = template["tolerations"]?.arrayValue ?? []
        let present = current.map(Toleration.init(json:))
        // A broader toleration that already covers the GPU taint counts as present.
        let coversGPUTaint = present.contains { $0.tolerates(key: "nvidia.com/gpu", value: nil, effect: "NoSchedule") }
        for toleration in NodeMatcher(gpu: gpu).tolerations where !present.contains(toleration) {
            if toleration == .nvidiaGPU && coversGPUTaint { continue }
            current.append(toleration.jsonValue)
            changes.append("toleration \(toleration.key ?? "*"):\(toleration.effect ?? "*")")
        }
        if !current.isEmpty { template["tolerations"] = .array(current) }
    }
}

extension Toleration {
    /// Reads a toleration from a pod spec entry.
    init(json: JSONValue) {
        self.init(
            key: json["key"]?.stringValue,
            operator: json["operator"]?.stringValue,
            value: json["value"]?.stringValue,
            effect: json["effect"]?.stringValue,
            tolerationSeconds: json["tolerationSeconds"]?.integerValue.map { Int($0) }
        )
    }

    /// The toleration as a pod spec entry.
    var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        if let key { members["key"] = .string(key) }
        if let op = self.operator { members["operator"] = .string(op) }
        if let value { members["value"] = .string(value) }
        if let effect { members["effect"] = .string(effect) }
        if let tolerationSeconds { members["tolerationSeconds"] = .integer(Int64(tolerationSeconds)) }
        return .object(members)
    }
}

extension JSONValue {
    /// Sets `newValue` at a path of object keys, creating objects along the way.
    mutating func setValue(_ newValue: JSONValue, at path: [String]) {
        guard let first = path.first else {
            self = newValue
            return
        }
        var child = self[first] ?? .object([:])
        child.setValue(newValue, at: Array(path.dropFirst()))
        if case .object = self {} else { self = .object([:]) }
        self[first] = child
    }
}
