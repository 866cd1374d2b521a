/// The Kubernetes resources PoolPilot reads or writes, with their API group and plural name.
///
/// Every API call the operator makes names one of these, so the RBAC rules in
/// `manifests/rbac.yaml` can be checked against the calls (see `OperatorPermissions`).
public enum OperatorResource: String, Sendable, CaseIterable, Hashable {
    /// `inferencepools.poolpilot.dev`.
    case inferencePools
    /// `deployments.apps`.
    case deployments
    /// Core `pods`.
    case pods
    /// Core `nodes`.
    case nodes
    /// Core `secrets` (a Prometheus bearer token named by a pool).
    case secrets
    /// `horizontalpodautoscalers.autoscaling`.
    case horizontalPodAutoscalers
    /// `scaledobjects.keda.sh`.
    case scaledObjects
    /// `events.events.k8s.io`.
    case events
    /// Core `events` (the fallback when events.k8s.io is not served).
    case coreEvents
    /// `leases.coordination.k8s.io`.
    case leases
    /// `daemonsets.apps` (doctor: the NVIDIA device plugin).
    case daemonSets
    /// `customresourcedefinitions.apiextensions.k8s.io` (doctor: is the CRD installed).
    case customResourceDefinitions
    /// `selfsubjectaccessreviews.authorization.k8s.io` (doctor: RBAC checks).
    case selfSubjectAccessReviews

    /// The API group; empty for the core group.
    public var group: String {
        switch self {
        case .inferencePools: return InferencePoolAPI.group
        case .deployments, .daemonSets: return "apps"
        case .pods, .nodes, .secrets, .coreEvents: return ""
        case .horizontalPodAutoscalers: return "autoscaling"
        case .scaledObjects: return "keda.sh"
        case .events: return "events.k8s.io"
        case .leases: return "coordination.k8s.io"
        case .customResourceDefinitions: return "apiextensions.k8s.io"
        case .selfSubjectAccessReviews: return "authorization.k8s.io"
        }
    }

    /// The API version used.
    public var version: String {
        switch self {
        case .inferencePools: return InferencePoolAPI.version
        case .horizontalPodAutoscalers: return "v2"
        case .scaledObjects: return "v1alpha1"
        case .pods, .nodes, .secrets, .coreEvents, .deployments, .daemonSets, .events, .leases,
            .customResourceDefinitions, .selfSubjectAccessReviews:
            return "v1"
        }
    }

    /// The plural resource name.
    public var plural: String {
        switch self {
        case .inferencePools: return "inferencepools"
        case .deployments: return "deployments"
        case .pods: return "pods"
        case .nodes: return "nodes"
        case .secrets: return "secrets"
        case .horizontalPodAutoscalers: return "horizontalpodautoscalers"
        case .scaledObjects: return "scaledobjects"
        case .events, .coreEvents: return "events"
        case .leases: return "leases"
        case .daemonSets: return "daemonsets"
        case .customResourceDefinitions: return "customresourcedefinitions"
        case .selfSubjectAccessReviews: return "selfsubjectaccessreviews"
        }
    }

    /// The kind of one object.
    public var kind: String {
        switch self {
        case .inferencePools: return "InferencePool"
        case .deployments: return "Deployment"
        case .pods: return "Pod"
        case .nodes: return "Node"
        case .secrets: return "Secret"
        case .horizontalPodAutoscalers: return "HorizontalPodAutoscaler"
        case .scaledObjects: return "ScaledObject"
        case .events, .coreEvents: return "Event"
        case .leases: return "Lease"
        case .daemonSets: return "DaemonSet"
        case .customResourceDefinitions: return "CustomResourceDefinition"
        case .selfSubjectAccessReviews: return "SelfSubjectAccessReview"
        }
    }

    /// Whether objects live in a namespace.
    public var isNamespaced: Bool {
        switch self {
        case .nodes, .customResourceDefinitions, .selfSubjectAccessReviews: return false
        default: return true
        }
    }

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String {
        group.isEmpty ? version : "\(group)/\(version)"
    }
}

/// One kind of API call: a verb on a resource or subresource.
public struct APICall: Sendable, Hashable, CustomStringConvertible {
    /// `get`, `list`, `watch`, `create`, `update`, `patch` or `delete`.
    public var verb: String
    /// The resource.
    public var resource: OperatorResource
    /// `status` or `scale`, when the call goes to a subresource.
    public var subresource: String?

    /// Creates a call description.
    public init(_ verb: String, _ resource: OperatorResource, subresource: String? = nil) {
        self.verb = verb
        self.resource = resource
        self.subresource = subresource
    }

    /// `verb group/plural[/subresource]`.
    public var description: String {
        let path = resource.group.isEmpty ? resource.plural : "\(resource.group)/\(resource.plural)"
        return "\(verb) \(path)" + (subresource.map { "/\($0)" } ?? "")
    }
}
