import Kube
import YAML

/// A ConfigMap, as far as the simulation writes it: the pool statistics it publishes.
///
/// Kept in this module because the Kube module has no ConfigMap model; only `data` is used.
public struct SimulationStatsConfigMap: KubeResource {
    /// Where ConfigMaps live in the API.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "configmaps",
        kind: "ConfigMap",
        namespaced: true
    )

    /// `v1`.
    public var apiVersion = "v1"
    /// `ConfigMap`.
    public var kind = "ConfigMap"
    /// Metadata.
    public var metadata: ObjectMeta
    /// The data; `stats.json` holds ``PoolStats`` as JSON.
    public var data: [String: String]?

    /// Creates a ConfigMap.
    public init(metadata: ObjectMeta, data: [String: String]?) {
        self.metadata = metadata
        self.data = data
    }

    /// The ConfigMap's name for a Deployment's pool.
    public static func name(forDeployment deployment: String) -> String {
        "poolpilot-sim-\(deployment)"
    }
}
