import Kube
import YAML

extension SimulatedNode {
    /// The Node object to create: labels, taints, allocatable and capacity, a Ready condition and
    /// a loopback InternalIP (`127.0.3.<index>`).
    public func kubeNode(index: Int, now: String) -> Node {
        var quantities: [String: Quantity] = [:]
        for (resource, text) in allocatable {
            if let quantity = try? Quantity(text) { quantities[resource] = quantity }
        }
        let ready = Condition(
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "simulated kubelet is posting ready status",
            lastTransitionTime: now,
            lastHeartbeatTime: now
        )
        let info: JSONValue = [
            "kubeletVersion": "v1.32.0-poolpilot-sim",
            "containerRuntimeVersion": "simulated://1.0",
            "operatingSystem": "linux",
            "architecture": "amd64",
            "osImage": "PoolPilot simulated node",
            "kernelVersion": "simulated",
            "kubeProxyVersion": "v1.32.0-poolpilot-sim",
            "machineID": .string(name),
            "systemUUID": .string(name),
            "bootID": .string(name),
        ]
        return Node(
            metadata: ObjectMeta(name: name, labels: labels),
            spec: NodeSpec(unschedulable: isUnschedulable ? true : nil, taints: taints.isEmpty ? nil : taints),
            status: NodeStatus(
                capacity: quantities,
                allocatable: quantities,
                conditions: [ready],
                addresses: [
                    NodeAddress(type: "InternalIP", address: "127.0.3.\(index % 250 + 1)"),
                    NodeAddress(type: "Hostname", address: name),
                ],
                nodeInfo: info
            )
        )
    }

    /// A node as the scheduler sees it, read back from a Node object.
    public init(node: Node) {
        var allocatable: [String: String] = [:]
        for (resource, quantity) in node.status?.allocatable ?? [:] { allocatable[resource] = quantity.text }
        self.init(
            name: node.metadata.name ?? "",
            labels: node.metadata.labels ?? [:],
            taints: node.spec?.taints ?? [],
            allocatable: allocatable
        )
        isUnschedulable = node.spec?.unschedulable ?? false
    }
}
