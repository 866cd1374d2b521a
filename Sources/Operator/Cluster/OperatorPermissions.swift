/// The API calls `poolpilot run` makes, which the RBAC in `manifests/rbac.yaml` must grant exactly.
///
/// `get` on Secrets is only used for a pool's `metrics.prometheus.bearerTokenSecretRef`; remove that
/// rule from the ClusterRole if no pool uses one.
///
/// The reconciler's calls are recorded in tests and must be a subset of ``clusterWide``; the
/// runtime's informers add `list` and `watch` for each watched resource, its event recorder
/// `create` and `patch` on Events, and leader election `get`, `create` and `update` on a Lease in
/// the election namespace (``leaderElection``, granted by a Role there).
public enum OperatorPermissions {
    /// Calls on cluster-wide or pool-namespace resources (the ClusterRole).
    public static let clusterWide: Set<APICall> = [
        APICall("get", .inferencePools), APICall("list", .inferencePools), APICall("watch", .inferencePools),
        APICall("update", .inferencePools, subresource: "status"),
        APICall("get", .deployments), APICall("list", .deployments), APICall("watch", .deployments),
        APICall("update", .deployments),
        APICall("update", .deployments, subresource: "scale"),
        APICall("list", .pods), APICall("watch", .pods),
        APICall("list", .nodes), APICall("watch", .nodes),
        APICall("get", .secrets),
        APICall("list", .horizontalPodAutoscalers), APICall("watch", .horizontalPodAutoscalers),
        APICall("list", .scaledObjects), APICall("watch", .scaledObjects),
        APICall("create", .events), APICall("patch", .events),
        APICall("create", .coreEvents), APICall("patch", .coreEvents),
    ]

    /// Calls for leader election (a Role in the election namespace).
    public static let leaderElection: Set<APICall> = [
        APICall("get", .leases), APICall("create", .leases), APICall("update", .leases),
    ]

    /// The resources the operator watches through informers.
    public static let watched: [OperatorResource] = [
        .inferencePools, .deployments, .pods, .nodes, .horizontalPodAutoscalers, .scaledObjects,
    ]
}
