import Foundation
import YAML

/// The columns the real server prints for common built-in kinds; other kinds get Name and Age.
enum BuiltinColumns {
    /// Columns for the built-in `resource` (plural name, any group).
    static func columns(for resource: String) -> [TableColumn] {
        switch resource {
        case "pods": return pods
        case "deployments": return deployments
        case "replicasets", "statefulsets": return replicaSets
        case "nodes": return nodes
        case "namespaces": return [.name, .text("Status", "status.phase"), .age]
        case "services": return services
        case "configmaps": return [.name, dataCount, .age]
        case "secrets": return [.name, .text("Type", "type"), dataCount, .age]
        case "events": return events
        case "leases": return [.name, .text("Holder", "spec.holderIdentity"), .age]
        case "horizontalpodautoscalers": return hpa
        case "customresourcedefinitions":
            return [
                .name,
                TableColumn(name: "Created At", type: "date") { object, _ in
                    object["metadata"]?["creationTimestamp"] ?? .null
                },
            ]
        default: return [.name, .age]
        }
    }

    private static let dataCount = TableColumn(name: "Data", type: "integer") { object, _ in
        .integer(Int64((object["data"]?.objectValue?.count ?? 0) + (object["binaryData"]?.objectValue?.count ?? 0)))
    }

    private static let pods: [TableColumn] = [
        .name,
        TableColumn(name: "Ready", type: "string") { object, _ in
            let total = object["spec"]?["containers"]?.arrayValue?.count ?? 0
            let ready = (object["status"]?["containerStatuses"]?.arrayValue ?? []).filter {
                $0["ready"]?.boolValue == true
            }.count
            return .string("\(ready)/\(total)")
        },
        TableColumn(name: "Status", type: "string") { object, _ in
            if object.isBeingDeleted { return "Terminating" }
            if let reason = object["status"]?["reason"]?.stringValue { return .string(reason) }
            return object["status"]?["phase"] ?? "Pending"
        },
        TableColumn(name: "Restarts", type: "string") { object, _ in
            let restarts = (object["status"]?["containerStatuses"]?.arrayValue ?? []).reduce(Int64(0)) {
                $0 + ($1["restartCount"]?.integerValue ?? 0)
            }
            return .string(String(restarts))
        },
        .age,
        .text("IP", "status.podIP", priority: 1),
        .text("Node", "spec.nodeName", priority: 1),
        .text("Nominated Node", "status.nominatedNodeName", priority: 1),
        TableColumn(name: "Readiness Gates", type: "string", priority: 1) { _, _ in "<none>" },
    ]

    private static let workloadExtras: [TableColumn] = [
        TableColumn(name: "Containers", type: "string", priority: 1) { object, _ in
            .string(containers(object).compactMap { $0["name"]?.stringValue }.joined(separator: ","))
        },
        TableColumn(name: "Images", type: "string", priority: 1) { object, _ in
            .string(containers(object).compactMap { $0["image"]?.stringValue }.joined(separator: ","))
        },
        TableColumn(name: "Selector", type: "string", priority: 1) { object, _ in
            let selector = LabelSelector.from(object: object["spec"]?["selector"] ?? .object([:]))
            return .string(selector.requirements.isEmpty ? "<none>" : selector.text)
        },
    ]

    private static func containers(_ object: JSONValue) -> [JSONValue] {
        object.value(at: ["spec", "template", "spec", "containers"])?.arrayValue ?? []
    }

    private static let deployments: [TableColumn] =
        [
            .name,
            TableColumn(name: "Ready", type: "string") { object, _ in
                let ready = object["status"]?["readyReplicas"]?.integerValue ?? 0
                let desired = object["spec"]?["replicas"]?.integerValue ?? 0
                return .string("\(ready)/\(desired)")
            },
            .integer("Up-to-date", "status.updatedReplicas"),
            .integer("Available", "status.availableReplicas"),
            .age,
        ] + workloadExtras

    private static let replicaSets: [TableColumn] =
        [
            .name,
            .integer("Desired", "spec.replicas"),
            .integer("Current", "status.replicas"),
            .integer("Ready", "status.readyReplicas"),
            .age,
        ] + workloadExtras

    private static let nodes: [TableColumn] = [
        .name,
        TableColumn(name: "Status", type: "string") { object, _ in
            let ready = (object["status"]?["conditions"]?.arrayValue ?? []).first { $0["type"] == "Ready" }
            var status = ready?["status"]?.stringValue == "True" ? "Ready" : (ready == nil ? "Unknown" : "NotReady")
            if object["spec"]?["unschedulable"]?.boolValue == true { status += ",SchedulingDisabled" }
            return .string(status)
        },
        TableColumn(name: "Roles", type: "string") { object, _ in
            let roles = object.labels.keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }
                .map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted()
            return .string(roles.isEmpty ? "<none>" : roles.joined(separator: ","))
        },
        .age,
        .text("Version", "status.nodeInfo.kubeletVersion"),
        TableColumn(name: "Internal-IP", type: "string", priority: 1) { object, _ in
            let address = (object["status"]?["addresses"]?.arrayValue ?? []).first { $0["type"] == "InternalIP" }
            return address?["address"] ?? "<none>"
        },
        .text("OS-Image", "status.nodeInfo.osImage", priority: 1),
        .text("Kernel-Version", "status.nodeInfo.kernelVersion", priority: 1),
        .text("Container-Runtime", "status.nodeInfo.containerRuntimeVersion", priority: 1),
    ]

    private static let services: [TableColumn] = [
        .name,
        TableColumn(name: "Type", type: "string") { object, _ in object["spec"]?["type"] ?? "ClusterIP" },
        .text("Cluster-IP", "spec.clusterIP"),
        TableColumn(name: "External-IP", type: "string") { _, _ in "<none>" },
        TableColumn(name: "Port(s)", type: "string") { object, _ in
            let ports = (object["spec"]?["ports"]?.arrayValue ?? []).map { port in
                "\(port["port"]?.integerValue ?? 0)/\(port["protocol"]?.stringValue ?? "TCP")"
            }
            return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
        },
        .age,
        TableColumn(name: "Selector", type: "string", priority: 1) { object, _ in
            let selector = (object["spec"]?["selector"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.stringValue ?? "")" }
            return .string(selector.isEmpty ? "<none>" : selector.joined(separator: ","))
        },
    ]

    private static let events: [TableColumn] = [
        TableColumn(name: "Last Seen", type: "string") { object, now in
            TableColumn.age(
                object["lastTimestamp"] ?? object["eventTime"] ?? object["metadata"]?["creationTimestamp"],
                now: now
            )
        },
        TableColumn(name: "Type", type: "string") { object, _ in object["type"] ?? "Normal" },
        .text("Reason", "reason"),
        TableColumn(name: "Object", type: "string") { object, _ in
            let kind = object["involvedObject"]?["kind"]?.stringValue?.lowercased() ?? ""
            return .string("\(kind)/\(object["involvedObject"]?["name"]?.stringValue ?? "")")
        },
        .text("Message", "message"),
        .text("Source", "source.component", priority: 1),
        TableColumn(name: "First Seen", type: "string", priority: 1) { object, now in
            TableColumn.age(object["firstTimestamp"] ?? object["eventTime"], now: now)
        },
        TableColumn(name: "Count", type: "integer", priority: 1) { object, _ in object["count"] ?? 1 },
        TableColumn(name: "Name", type: "string", format: "name", priority: 1) { object, _ in .string(object.name) },
    ]

    private static let hpa: [TableColumn] = [
        .name,
        TableColumn(name: "Reference", type: "string") { object, _ in
            let target = object["spec"]?["scaleTargetRef"]
            return .string("\(target?["kind"]?.stringValue ?? "")/\(target?["name"]?.stringValue ?? "")")
        },
        TableColumn(name: "Targets", type: "string") { _, _ in "<unknown>" },
        .integer("MinPods", "spec.minReplicas"),
        .integer("MaxPods", "spec.maxReplicas"),
        .integer("Replicas", "status.currentReplicas"),
        .age,
    ]
}
