import Foundation

/// How an optional component reaches the embedded API server: over HTTP, like any client.
public struct ClusterConnection: Sendable {
    /// The server URL, such as `https://127.0.0.1:41234`.
    public var serverURL: String
    /// The kubeconfig written for this cluster.
    public var kubeconfigPath: URL
    /// The cluster's credentials (CA, admin certificate, admin token).
    public var credentials: ClusterCredentials

    /// Creates a connection description.
    public init(serverURL: String, kubeconfigPath: URL, credentials: ClusterCredentials) {
        self.serverURL = serverURL
        self.kubeconfigPath = kubeconfigPath
        self.credentials = credentials
    }
}

/// Something `poolpilot cluster serve` runs next to the API server once it is ready (the simulated
/// nodes, scheduler and controllers).
///
/// It must return or throw when its task is cancelled.
public struct ClusterComponent: Sendable {
    /// A short name for logs, such as "scheduler".
    public var name: String
    /// Runs the component until cancellation.
    public var run: @Sendable (ClusterConnection) async throws -> Void

    /// Creates a component.
    public init(name: String, run: @escaping @Sendable (ClusterConnection) async throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// The components `cluster serve` and `cluster up` start after the server is ready.
public enum ClusterComponents {
    /// Every optional component, one entry each (the simulated cluster adds its own here).
    public static var all: [ClusterComponent] {
        [
            SimulationComponent.component
        ]
    }
}
