/// An exec credential plugin from a kubeconfig user (`client.authentication.k8s.io` v1 or v1beta1).
public struct ExecPluginConfiguration: Sendable, Equatable {
    /// The ExecCredential API version the plugin speaks; its output must match it.
    public var apiVersion: String
    /// The command; a bare name is looked up in `PATH`, a relative path against the kubeconfig's folder.
    public var command: String
    /// Arguments.
    public var arguments: [String]
    /// Extra environment variables, added to this process's environment.
    public var environment: [String: String]
    /// Whether to pass the cluster's server and CA in `KUBERNETES_EXEC_INFO`.
    public var provideClusterInfo: Bool
    /// `Never`, `IfAvailable` or `Always`; this client never offers a terminal, so `Always` fails.
    public var interactiveMode: String
    /// Shown when the command cannot be run.
    public var installHint: String?

    /// Creates a plugin configuration.
    public init(
        apiVersion: String = "client.authentication.k8s.io/v1",
        command: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        provideClusterInfo: Bool = false,
        interactiveMode: String = "Never",
        installHint: String? = nil
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.provideClusterInfo = provideClusterInfo
        self.interactiveMode = interactiveMode
        self.installHint = installHint
    }

    /// The ExecCredential versions this client understands.
    public static let supportedAPIVersions: Set<String> = [
        "client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1",
    ]
}
