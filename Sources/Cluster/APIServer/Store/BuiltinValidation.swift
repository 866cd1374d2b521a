import YAML

/// The few invariants of built-in kinds the embedded server enforces, and their known top-level fields.
enum BuiltinValidation {
    /// Members `metadata` may carry.
    static let metadataFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]

    private static let specAndStatus: Set<String> = ["spec", "status"]

    /// Top-level members per built-in kind (besides apiVersion, kind and metadata), for strict validation.
    static let knownTopLevelFields: [String: Set<String>] = [
        "ConfigMap": ["data", "binaryData", "immutable"],
        "Secret": ["data", "stringData", "type", "immutable"],
        "Pod": specAndStatus, "Service": specAndStatus, "Namespace": specAndStatus, "Node": specAndStatus,
        "Deployment": specAndStatus, "ReplicaSet": specAndStatus, "DaemonSet": specAndStatus,
        "StatefulSet": specAndStatus, "Job": specAndStatus, "CronJob": specAndStatus,
        "PersistentVolumeClaim": specAndStatus, "PersistentVolume": specAndStatus, "Ingress": specAndStatus,
        "NetworkPolicy": ["spec"], "PodDisruptionBudget": specAndStatus, "HorizontalPodAutoscaler": specAndStatus,
        "Lease": ["spec"], "CustomResourceDefinition": specAndStatus, "IngressClass": ["spec"],
        "ServiceAccount": ["secrets", "imagePullSecrets", "automountServiceAccountToken"],
        "Role": ["rules"], "ClusterRole": ["rules", "aggregationRule"],
        "RoleBinding": ["roleRef", "subjects"], "ClusterRoleBinding": ["roleRef", "subjects"],
        "Endpoints": ["subsets"],
    ]

    /// The 422 causes for `object`, empty when it is fine.
    static func causes(_ object: JSONValue, resource: ResourceDefinition) -> [FieldCause] {
        var causes: [FieldCause] = []
        switch (resource.group, resource.plural) {
        case ("apps", "deployments"), ("apps", "replicasets"), ("apps", "statefulsets"), ("apps", "daemonsets"):
            guard let selector = object["spec"]?["selector"], selector.objectValue?.isEmpty == false else {
                causes.append(
                    FieldCause(reason: "FieldValueRequired", field: "spec.selector", message: "Required value")
                )
                break
            }
            let labels =
                object.value(at: ["spec", "template", "metadata", "labels"])?.objectValue?
                .compactMapValues(\.stringValue) ?? [:]
            if !LabelSelector.from(object: selector).matches(labels) {
                causes.append(
                    FieldCause(
                        reason: "FieldValueInvalid",
                        field: "spec.template.metadata.labels",
                        message:
                            "Invalid value: \(JSONValue.object(labels.mapValues { .string($0) }).compactJSONString()): `selector` does not match template `labels`"
                    )
                )
            }
            if let replicas = object["spec"]?["replicas"]?.integerValue, replicas < 0 {
                causes.append(
                    FieldCause(
                        reason: "FieldValueInvalid",
                        field: "spec.replicas",
                        message: "Invalid value: \(replicas): must be greater than or equal to 0"
                    )
                )
            }
        case ("", "pods"):
            if (object["spec"]?["containers"]?.arrayValue ?? []).isEmpty {
                causes.append(
                    FieldCause(reason: "FieldValueRequired", field: "spec.containers", message: "Required value")
                )
            }
        case ("", "configmaps"), ("", "secrets"):
            for key in (object["data"]?.objectValue ?? [:]).keys where key.isEmpty || key.contains("/") {
                causes.append(
                    FieldCause(
                        reason: "FieldValueInvalid",
                        field: "data[\(key)]",
                        message:
                            "Invalid value: \"\(key)\": a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
                    )
                )
            }
        default:
            break
        }
        return causes
    }
}
