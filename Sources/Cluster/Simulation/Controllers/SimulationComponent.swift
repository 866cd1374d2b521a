import Foundation
import Kube
import Telemetry

/// The simulated GPU cluster as a ``ClusterComponent`` of `poolpilot cluster serve`/`up`.
///
/// It connects with the cluster's own kubeconfig and reads the node description from
/// `nodes.yaml` next to it when present (written from `--nodes FILE`), else uses
/// ``NodePoolDescription/standard``.
public enum SimulationComponent {
    /// The node description's file name in the cluster directory.
    public static let nodesFileName = "nodes.yaml"

    /// The component entry for ``ClusterComponents/all``.
    public static var component: ClusterComponent {
        ClusterComponent(name: "simulation") { connection in
            let directory = connection.kubeconfigPath.deletingLastPathComponent()
            let options = SimulationOptions(nodes: try nodes(in: directory))
            let configuration = try ClientConfiguration.fromKubeconfig(paths: [connection.kubeconfigPath.path])
            let client = KubeClient(configuration: configuration)
            let cluster = SimulatedCluster(client: client, options: options, logger: Logger(label: "poolpilot-cluster"))
            do {
                try await cluster.run()
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
        }
    }

    /// Copies `--nodes FILE` into the cluster directory after checking it, or removes a stale copy
    /// when no file is given, so the component picks the right description.
    ///
    /// - Throws: ``SimulationError/invalidNodeDescription(_:)`` for an unreadable or invalid file.
    public static func prepareNodesFile(_ path: String?, in directory: URL) throws {
        let target = directory.appendingPathComponent(nodesFileName)
        guard let path else {
            try? FileManager.default.removeItem(at: target)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimulationError.invalidNodeDescription("cannot read \(path)")
        }
        _ = try NodePoolDescription.parse(yaml: String(decoding: data, as: UTF8.self))
        try data.write(to: target, options: .atomic)
    }

    /// The node description in `directory`, or the standard one.
    ///
    /// - Throws: ``SimulationError/invalidNodeDescription(_:)`` when the file exists but is invalid.
    public static func nodes(in directory: URL) throws -> NodePoolDescription {
        let url = directory.appendingPathComponent(nodesFileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .standard }
        return try NodePoolDescription.parse(yaml: String(decoding: data, as: UTF8.self))
    }
}
