import YAML

/// The pure checks of `poolpilot doctor`: cluster facts in, findings out.
public enum DoctorChecks {
    /// What doctor read from the cluster.
    public struct Facts: Sendable {
        /// The CRD object, or `nil` when it is not installed.
        public var crd: JSONValue?
        /// Whether GAIE's `inferencepools.inference.networking.k8s.io` CRD is installed too.
        public var hasGatewayInferencePool: Bool
        /// Each permission the operator needs and whether the API server allowed it.
        public var access: [(call: APICall, allowed: Bool)]
        /// Why RBAC could not be checked at all (no review answered), if so.
        public var rbacUnchecked: String?
        /// The nodes.
        public var nodes: [NodeInfo]
        /// DaemonSets in every namespace.
        public var daemonSets: [JSONValue]
        /// Pools as (namespace, name, spec).
        public var pools: [(namespace: String, name: String, spec: InferencePoolSpec)]
        /// Other autoscalers by namespace.
        public var autoscalers: [(namespace: String, reference: AutoscalerReference)]

        /// Creates facts.
        public init(
            crd: JSONValue?,
            hasGatewayInferencePool: Bool = false,
            access: [(call: APICall, allowed: Bool)] = [],
            rbacUnchecked: String? = nil,
            nodes: [NodeInfo] = [],
            daemonSets: [JSONValue] = [],
            pools: [(namespace: String, name: String, spec: InferencePoolSpec)] = [],
            autoscalers: [(namespace: String, reference: AutoscalerReference)] = []
        ) {
            self.crd = crd
            self.hasGatewayInferencePool = hasGatewayInferencePool
            self.access = access
            self.rbacUnchecked = rbacUnchecked
            self.nodes = nodes
            self.daemonSets = daemonSets
            self.pools = pools
            self.autoscalers = autoscalers
        }
    }

    /// Every finding for `facts`, in the order a person should fix them.
    public static func findings(_ facts: Facts) -> [DoctorFinding] {
        var findings = [crdFinding(facts)]
        findings.append(rbacFinding(facts))
        findings += gpuNodeFindings(facts.nodes)
        findings.append(devicePluginFinding(facts))
        findings += autoscalerFindings(facts)
        return findings
    }

    static func crdFinding(_ facts: Facts) -> DoctorFinding {
        guard let crd = facts.crd else {
            return DoctorFinding(
                "crd",
                .failure,
                "\(InferencePoolCRD.name) is not installed",
                fix: "kubectl apply -f \(InferencePoolCRD.path) (or kubectl apply -k manifests/)"
            )
        }
        let conditions = crd.value(at: ["status", "conditions"])?.arrayValue ?? []
        let established = conditions.contains { $0["type"] == "Established" && $0["status"] == "True" }
        var message =
            "\(InferencePoolCRD.name) is installed" + (established ? " and established" : " but not established yet")
        if facts.hasGatewayInferencePool {
            message += "; the Gateway API's InferencePool is installed too, so address PoolPilot's as ipool"
        }
        return DoctorFinding("crd", established ? .ok : .warning, message)
    }

    static func rbacFinding(_ facts: Facts) -> DoctorFinding {
        if let reason = facts.rbacUnchecked {
            return DoctorFinding(
                "rbac",
                .warning,
                "could not check RBAC: \(reason)",
                fix: "compare kubectl auth can-i --list with manifests/rbac.yaml"
            )
        }
        let denied = facts.access.filter { !$0.allowed }.map(\.call.description)
        guard !denied.isEmpty else {
            return DoctorFinding("rbac", .ok, "this identity may do all \(facts.access.count) things the operator does")
        }
        return DoctorFinding(
            "rbac",
            .failure,
            "this identity may not: \(denied.joined(separator: ", "))",
            fix: "kubectl apply -f manifests/rbac.yaml, and run the operator as the poolpilot ServiceAccount"
        )
    }

    static func gpuNodeFindings(_ nodes: [NodeInfo]) -> [DoctorFinding] {
        let gpuNodes = nodes.filter { node in
            node.allocatable.contains { TemplatePlacement.isGPUResource($0.key) && $0.value > 0 }
        }
        guard !gpuNodes.isEmpty else {
            return [
                DoctorFinding(
                    "gpu-nodes",
                    .failure,
                    "no node advertises nvidia.com/gpu or a MIG resource (\(nodes.count) nodes seen)",
                    fix: "install the NVIDIA device plugin or the GPU Operator on your GPU nodes"
                )
            ]
        }
        var findings = [
            DoctorFinding(
                "gpu-nodes",
                .ok,
                "\(gpuNodes.count) GPU nodes: \(gpuNodes.map(\.name).sorted().joined(separator: ", "))"
            )
        ]
        let unlabeled = gpuNodes.filter {
            $0.labels[NodeMatcher.productLabel] == nil || $0.labels[NodeMatcher.memoryLabel] == nil
        }
        if !unlabeled.isEmpty {
            findings.append(
                DoctorFinding(
                    "gpu-labels",
                    .warning,
                    "GPU nodes without GPU Feature Discovery labels: \(unlabeled.map(\.name).sorted().joined(separator: ", ")); "
                        + "pools that name products or minMemoryMiB cannot match them",
                    fix:
                        "enable gpu-feature-discovery (device plugin chart: gfd.enabled=true; GPU Operator: on by default)"
                )
            )
        }
        let notReady = gpuNodes.filter { !$0.isReady || $0.isUnschedulable }
        if !notReady.isEmpty {
            findings.append(
                DoctorFinding(
                    "gpu-nodes-ready",
                    .warning,
                    "GPU nodes not ready or cordoned: \(notReady.map(\.name).sorted().joined(separator: ", "))"
                )
            )
        }
        return findings
    }

    static func devicePluginFinding(_ facts: Facts) -> DoctorFinding {
        let plugins = facts.daemonSets.filter {
            ($0.value(at: ["metadata", "name"])?.stringValue ?? "").contains("nvidia-device-plugin")
        }
        guard !plugins.isEmpty else {
            return DoctorFinding(
                "device-plugin",
                .warning,
                "no nvidia-device-plugin DaemonSet found in any namespace",
                fix: "install NVIDIA's k8s-device-plugin (kube-system) or the GPU Operator"
            )
        }
        var problems: [String] = []
        for plugin in plugins {
            let name =
                "\(plugin.value(at: ["metadata", "namespace"])?.stringValue ?? "")/\(plugin.value(at: ["metadata", "name"])?.stringValue ?? "")"
            let desired = plugin.value(at: ["status", "desiredNumberScheduled"])?.integerValue ?? 0
            let ready = plugin.value(at: ["status", "numberReady"])?.integerValue ?? 0
            if desired == 0 || ready < desired { problems.append("\(name) has \(ready) of \(desired) pods ready") }
        }
        if problems.isEmpty {
            return DoctorFinding("device-plugin", .ok, "\(plugins.count) device plugin DaemonSet(s) ready")
        }
        return DoctorFinding(
            "device-plugin",
            .warning,
            problems.joined(separator: "; "),
            fix: "kubectl describe daemonset of the device plugin; its pods must run on every GPU node"
        )
    }

    static func autoscalerFindings(_ facts: Facts) -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        for pool in facts.pools {
            let others = facts.autoscalers.filter {
                $0.namespace == pool.namespace && $0.reference.targets(deployment: pool.spec.targetRef.name)
            }
            for other in others {
                findings.append(
                    DoctorFinding(
                        "autoscalers",
                        .failure,
                        "\(other.reference.kind) \(pool.namespace)/\(other.reference.name) also scales Deployment "
                            + "\(pool.spec.targetRef.name) of pool \(pool.name); the pool will not write replicas",
                        fix: "delete one of the two; PoolPilot reports Conflict=True until then"
                    )
                )
            }
        }
        if findings.isEmpty {
            findings.append(
                DoctorFinding(
                    "autoscalers",
                    .ok,
                    "no other autoscaler targets a pool's Deployment (\(facts.pools.count) pools)"
                )
            )
        }
        return findings
    }
}
