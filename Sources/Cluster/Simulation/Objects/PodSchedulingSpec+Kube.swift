import Kube
import YAML

extension PodSchedulingSpec {
    /// What the scheduler reads from a Pod: node selector, required node affinity, tolerations and
    /// the containers' requests summed (an extended resource's limit stands in for a missing request).
    public init(pod: Pod) {
        let spec = pod.spec
        var requests: [String: Double] = [:]
        for container in spec?.containers ?? [] {
            let declared = container.resources?.requests ?? [:]
            var effective = declared
            for (resource, limit) in container.resources?.limits ?? [:]
            where declared[resource] == nil && resource.contains("/") {
                effective[resource] = limit
            }
            for (resource, quantity) in effective { requests[resource, default: 0] += quantity.doubleValue }
        }
        self.init(
            nodeSelector: spec?.nodeSelector ?? [:],
            requiredNodeAffinity: Self.requiredTerms(spec?.affinity),
            tolerations: (spec?.tolerations ?? []).map {
                Toleration(key: $0.key, operator: $0.operator, value: $0.value, effect: $0.effect)
            },
            requests: requests
        )
    }

    // affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[].matchExpressions
    private static func requiredTerms(_ affinity: JSONValue?) -> [[Requirement]] {
        let path = ["nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]
        guard let terms = affinity?.value(at: path)?.arrayValue else { return [] }
        return terms.map { term in
            (term["matchExpressions"]?.arrayValue ?? []).map { expression in
                Requirement(
                    key: expression["key"]?.stringValue ?? "",
                    operator: expression["operator"]?.stringValue ?? "",
                    values: (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue)
                )
            }
        }
    }
}
