// Operator owns the InferencePool API types, the reconciler, and GPU placement and capacity. It
// reaches the cluster only through Kube and KubeRuntime and must never import Cluster.

/// The InferencePool API group and version.
public enum InferencePoolAPI {
    /// The API group.
    public static let group = "poolpilot.dev"
    /// The API version.
    public static let version = "v1alpha1"
}
