/// The built-in resources the embedded server serves, in discovery order.
///
/// Kinds with controllers behind them in a real cluster are stored and served here without them; the
/// simulated cluster adds the few controllers PoolPilot needs.
enum BuiltinResources {
    /// Every built-in resource.
    static let all: [ResourceDefinition] = core + apps + others

    /// The groups in discovery order with their versions (preferred first).
    static let groupOrder: [(group: String, versions: [String])] = [
        ("", ["v1"]), ("apps", ["v1"]), ("events.k8s.io", ["v1"]), ("autoscaling", ["v2", "v1"]),
        ("batch", ["v1"]), ("networking.k8s.io", ["v1"]), ("policy", ["v1"]),
        ("rbac.authorization.k8s.io", ["v1"]), ("storage.k8s.io", ["v1"]), ("scheduling.k8s.io", ["v1"]),
        ("coordination.k8s.io", ["v1"]), ("discovery.k8s.io", ["v1"]), ("apiextensions.k8s.io", ["v1"]),
    ]

    private static let core: [ResourceDefinition] = [
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "namespaces",
            kind: "Namespace",
            namespaced: false,
            shortNames: ["ns"],
            status: true,
            selectableFields: ["status.phase"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "nodes",
            kind: "Node",
            namespaced: false,
            shortNames: ["no"],
            status: true,
            selectableFields: ["spec.unschedulable"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "pods",
            kind: "Pod",
            namespaced: true,
            shortNames: ["po"],
            categories: ["all"],
            status: true,
            selectableFields: [
                "spec.nodeName", "status.phase", "spec.restartPolicy", "spec.schedulerName",
                "spec.serviceAccountName", "status.podIP", "status.nominatedNodeName",
            ]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "services",
            kind: "Service",
            namespaced: true,
            shortNames: ["svc"],
            categories: ["all"],
            status: true
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "endpoints",
            singular: "endpoints",
            kind: "Endpoints",
            namespaced: true,
            shortNames: ["ep"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "configmaps",
            kind: "ConfigMap",
            namespaced: true,
            shortNames: ["cm"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "secrets",
            kind: "Secret",
            namespaced: true,
            selectableFields: ["type"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "serviceaccounts",
            kind: "ServiceAccount",
            namespaced: true,
            shortNames: ["sa"]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "events",
            kind: "Event",
            namespaced: true,
            shortNames: ["ev"],
            storageKey: "events",
            selectableFields: [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
            ]
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "persistentvolumeclaims",
            kind: "PersistentVolumeClaim",
            namespaced: true,
            shortNames: ["pvc"],
            status: true
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "persistentvolumes",
            kind: "PersistentVolume",
            namespaced: false,
            shortNames: ["pv"],
            status: true
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "resourcequotas",
            kind: "ResourceQuota",
            namespaced: true,
            shortNames: ["quota"],
            status: true
        ),
        ResourceDefinition(
            group: "",
            version: "v1",
            plural: "limitranges",
            kind: "LimitRange",
            namespaced: true,
            shortNames: ["limits"]
        ),
    ]

    private static let apps: [ResourceDefinition] = [
        ResourceDefinition(
            group: "apps",
            version: "v1",
            plural: "deployments",
            kind: "Deployment",
            namespaced: true,
            shortNames: ["deploy"],
            categories: ["all"],
            status: true,
            scale: .workload
        ),
        ResourceDefinition(
            group: "apps",
            version: "v1",
            plural: "replicasets",
            kind: "ReplicaSet",
            namespaced: true,
            shortNames: ["rs"],
            categories: ["all"],
            status: true,
            scale: .workload
        ),
        ResourceDefinition(
            group: "apps",
            version: "v1",
            plural: "daemonsets",
            kind: "DaemonSet",
            namespaced: true,
            shortNames: ["ds"],
            categories: ["all"],
            status: true
        ),
        ResourceDefinition(
            group: "apps",
            version: "v1",
            plural: "statefulsets",
            kind: "StatefulSet",
            namespaced: true,
            shortNames: ["sts"],
            categories: ["all"],
            status: true,
            scale: .workload
        ),
        ResourceDefinition(
            group: "apps",
            version: "v1",
            plural: "controllerrevisions",
            kind: "ControllerRevision",
            namespaced: true
        ),
    ]

    private static let others: [ResourceDefinition] = [
        ResourceDefinition(
            group: "events.k8s.io",
            version: "v1",
            plural: "events",
            kind: "Event",
            namespaced: true,
            shortNames: ["ev"],
            storageKey: "events"
        ),
        ResourceDefinition(
            group: "autoscaling",
            version: "v2",
            plural: "horizontalpodautoscalers",
            kind: "HorizontalPodAutoscaler",
            namespaced: true,
            shortNames: ["hpa"],
            categories: ["all"],
            status: true,
            storageKey: "autoscaling/horizontalpodautoscalers"
        ),
        ResourceDefinition(
            group: "autoscaling",
            version: "v1",
            plural: "horizontalpodautoscalers",
            kind: "HorizontalPodAutoscaler",
            namespaced: true,
            shortNames: ["hpa"],
            categories: ["all"],
            status: true,
            storageKey: "autoscaling/horizontalpodautoscalers"
        ),
        ResourceDefinition(
            group: "batch",
            version: "v1",
            plural: "jobs",
            kind: "Job",
            namespaced: true,
            categories: ["all"],
            status: true
        ),
        ResourceDefinition(
            group: "batch",
            version: "v1",
            plural: "cronjobs",
            kind: "CronJob",
            namespaced: true,
            shortNames: ["cj"],
            categories: ["all"],
            status: true
        ),
        ResourceDefinition(
            group: "networking.k8s.io",
            version: "v1",
            plural: "ingresses",
            kind: "Ingress",
            namespaced: true,
            shortNames: ["ing"],
            status: true
        ),
        ResourceDefinition(
            group: "networking.k8s.io",
            version: "v1",
            plural: "ingressclasses",
            kind: "IngressClass",
            namespaced: false
        ),
        ResourceDefinition(
            group: "networking.k8s.io",
            version: "v1",
            plural: "networkpolicies",
            kind: "NetworkPolicy",
            namespaced: true,
            shortNames: ["netpol"]
        ),
        ResourceDefinition(
            group: "policy",
            version: "v1",
            plural: "poddisruptionbudgets",
            kind: "PodDisruptionBudget",
            namespaced: true,
            shortNames: ["pdb"],
            status: true
        ),
        ResourceDefinition(
            group: "rbac.authorization.k8s.io",
            version: "v1",
            plural: "roles",
            kind: "Role",
            namespaced: true
        ),
        ResourceDefinition(
            group: "rbac.authorization.k8s.io",
            version: "v1",
            plural: "rolebindings",
            kind: "RoleBinding",
            namespaced: true
        ),
        ResourceDefinition(
            group: "rbac.authorization.k8s.io",
            version: "v1",
            plural: "clusterroles",
            kind: "ClusterRole",
            namespaced: false
        ),
        ResourceDefinition(
            group: "rbac.authorization.k8s.io",
            version: "v1",
            plural: "clusterrolebindings",
            kind: "ClusterRoleBinding",
            namespaced: false
        ),
        ResourceDefinition(
            group: "storage.k8s.io",
            version: "v1",
            plural: "storageclasses",
            kind: "StorageClass",
            namespaced: false,
            shortNames: ["sc"]
        ),
        ResourceDefinition(
            group: "scheduling.k8s.io",
            version: "v1",
            plural: "priorityclasses",
            kind: "PriorityClass",
            namespaced: false,
            shortNames: ["pc"]
        ),
        ResourceDefinition(
            group: "coordination.k8s.io",
            version: "v1",
            plural: "leases",
            kind: "Lease",
            namespaced: true
        ),
        ResourceDefinition(
            group: "discovery.k8s.io",
            version: "v1",
            plural: "endpointslices",
            kind: "EndpointSlice",
            namespaced: true
        ),
        ResourceDefinition(
            group: "apiextensions.k8s.io",
            version: "v1",
            plural: "customresourcedefinitions",
            kind: "CustomResourceDefinition",
            namespaced: false,
            shortNames: ["crd", "crds"],
            status: true
        ),
    ]
}
