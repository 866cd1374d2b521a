import Foundation

/// How `poolpilot run` is configured: cluster access, namespaces, leader election, endpoints, logs.
///
/// Flag names follow kubebuilder-built operators (`--kubeconfig`, `--leader-elect`,
/// `--metrics-bind-address`, `--health-probe-bind-address`), so manifests and habits carry over.
/// Each flag has a `POOLPILOT_…` environment equivalent; a flag wins over the environment.
public struct OperatorConfiguration: Sendable, Equatable {
    /// A listen address such as `:8080`, `127.0.0.1:0` or `0` (disabled).
    public struct BindAddress: Sendable, Equatable, CustomStringConvertible {
        /// The host to listen on; `0.0.0.0` for all.
        public var host: String
        /// The port; 0 picks a free one (the log says which).
        public var port: Int

        /// Creates an address.
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Parses `host:port`, `:port` or `0`; `nil` for `0` (disabled) or a malformed address.
        public static func parse(_ text: String) -> BindAddress?? {
            if text == "0" { return .some(nil) }
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (0...65535).contains(port)
            else { return nil }
            var host = String(text[..<colon])
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return .some(BindAddress(host: host.isEmpty ? "0.0.0.0" : host, port: port))
        }

        /// `host:port`.
        public var description: String { "\(host):\(port)" }
    }

    /// The kubeconfig file; `nil` means `$KUBECONFIG`, then `~/.kube/config`, then in-cluster.
    public var kubeconfig: String?
    /// The kubeconfig context; `nil` means its current context.
    public var context: String?
    /// Namespaces to watch; empty means all.
    public var namespaces: [String]
    /// Whether to elect a leader on a Lease before reconciling.
    ///
    /// Default: false.
    public var leaderElect: Bool
    /// The Lease name.
    ///
    /// Default: `poolpilot-leader`.
    public var leaderElectionID: String
    /// The Lease namespace; `nil` means the pod's namespace in-cluster, else `default`.
    public var leaderElectionNamespace: String?
    /// Concurrent reconciles.
    ///
    /// Default: 2.
    public var workers: Int
    /// Where `/metrics` listens; `nil` disables it.
    ///
    /// Default: `:8080`.
    public var metricsBindAddress: BindAddress?
    /// Where `/healthz` and `/readyz` listen; `nil` disables them.
    ///
    /// Default: `:8081`.
    public var healthProbeBindAddress: BindAddress?
    /// `trace`, `debug`, `info`, `warning` or `error`.
    ///
    /// Default: `info`.
    public var logLevel: String
    /// `json` or `text`.
    ///
    /// Default: `json`.
    public var logFormat: String

    /// Creates a configuration with the defaults.
    public init(
        kubeconfig: String? = nil,
        context: String? = nil,
        namespaces: [String] = [],
        leaderElect: Bool = false,
        leaderElectionID: String = "poolpilot-leader",
        leaderElectionNamespace: String? = nil,
        workers: Int = 2,
        metricsBindAddress: BindAddress? = BindAddress(host: "0.0.0.0", port: 8080),
        healthProbeBindAddress: BindAddress? = BindAddress(host: "0.0.0.0", port: 8081),
        logLevel: String = "info",
        logFormat: String = "json"
    ) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.namespaces = namespaces
        self.leaderElect = leaderElect
        self.leaderElectionID = leaderElectionID
        self.leaderElectionNamespace = leaderElectionNamespace
        self.workers = workers
        self.metricsBindAddress = metricsBindAddress
        self.healthProbeBindAddress = healthProbeBindAddress
        self.logLevel = logLevel
        self.logFormat = logFormat
    }

    /// The environment variable for each flag name.
    public static func environmentName(for flag: String) -> String {
        if flag == "kubeconfig" { return "KUBECONFIG" }
        return "POOLPILOT_" + flag.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
