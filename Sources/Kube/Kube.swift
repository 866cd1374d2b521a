// Kube owns the Kubernetes client: configuration (kubeconfig, in-cluster), REST verbs, watch streams,
// patch types, typed core/apps/coordination objects and API errors. It builds on HTTP and YAML and
// must never import KubeRuntime, Operator, Cluster or Telemetry.

/// The Kubernetes API version the client's typed models follow.
public enum KubeAPI {
    /// The minor version of Kubernetes whose API the models follow.
    public static let modelledVersion = "1.32"
}
