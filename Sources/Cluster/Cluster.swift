// Cluster owns the embedded Kubernetes API server and the simulated GPU cluster around it (nodes,
// scheduler, deployment controller, kubelet, inference servers, load replay). It is a development,
// test and demo tool, never a production store. It must never import Operator or KubeRuntime.

/// The version the embedded API server reports.
public enum EmbeddedVersion {
    /// The Kubernetes minor version served.
    public static let minor = "32"
}
