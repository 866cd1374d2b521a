import Foundation
import HTTP

/// Everything ``KubeClient`` needs to reach one API server: address, TLS, credentials, namespace.
///
/// Build it from kubeconfig files (``fromKubeconfig(paths:context:environment:)``), from the pod's
/// service account (``inCluster(environment:serviceAccountDirectory:)``), or with
/// ``load(context:kubeconfigPath:environment:)`` which picks the way kubectl and controller-runtime do.
/// Its description names the server, context and kind of credential, never the credential itself.
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// How requests prove who they come from.
    public enum Authentication: Sendable, CustomStringConvertible {
        /// No credentials beyond a TLS client certificate, if one is configured.
        case none
        /// A fixed bearer token.
        case bearerToken(Secret)
        /// A bearer token read from a file, re-read when the file changes and at least once a minute
        /// (bound service-account tokens rotate); `fallback` is used until the first read succeeds.
        case bearerTokenFile(path: String, fallback: Secret?)
        /// HTTP basic authentication (legacy).
        case basic(username: String, password: Secret)
        /// An exec credential plugin, run on demand and cached until its credential expires.
        case exec(ExecPluginConfiguration)

        /// The kind of credential, without its value.
        public var description: String {
            switch self {
            case .none: return "none"
            case .bearerToken: return "token"
            case .bearerTokenFile(let path, _): return "token file \(path)"
            case .basic(let username, _): return "basic \(username)"
            case .exec(let plugin): return "exec \(plugin.command)"
            }
        }
    }

    /// The API server URL, such as `https://127.0.0.1:6443`, without a trailing slash.
    public var server: String
    /// TLS settings: CA, client certificate and key, server-name override, insecure mode.
    public var tls: TLSConfiguration
    /// How requests authenticate.
    public var authentication: Authentication
    /// The namespace of the context (or the pod's namespace in-cluster).
    ///
    /// Default: `default`.
    public var namespace: String
    /// `Impersonate-User`, from the kubeconfig user's `as`.
    public var impersonateUser: String?
    /// `Impersonate-Group` values, from the kubeconfig user's `as-groups`.
    public var impersonateGroups: [String]
    /// The kubeconfig context in use, for logs; `nil` in-cluster.
    public var contextName: String?
    /// Where the configuration came from (kubeconfig paths or "in-cluster"), for logs.
    public var source: String

    /// Creates a configuration directly (tests, embedded clusters).
    public init(
        server: String,
        tls: TLSConfiguration = TLSConfiguration(),
        authentication: Authentication = .none,
        namespace: String = "default",
        impersonateUser: String? = nil,
        impersonateGroups: [String] = [],
        contextName: String? = nil,
        source: String = "explicit"
    ) {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.tls = tls
        self.authentication = authentication
        self.namespace = namespace
        self.impersonateUser = impersonateUser
        self.impersonateGroups = impersonateGroups
        self.contextName = contextName
        self.source = source
    }

    /// A one-line summary safe to log.
    public var description: String {
        var text = "server=\(server) source=\(source)"
        if let contextName { text += " context=\(contextName)" }
        return text + " namespace=\(namespace) auth=\(authentication)"
    }

    /// Loads configuration the way controller-runtime's `GetConfig` does.
    ///
    /// Order: `kubeconfigPath` when given; else the `KUBECONFIG` files; else in-cluster when
    /// `KUBERNETES_SERVICE_HOST` is set; else `~/.kube/config`.
    /// - Throws: ``KubeClientError/configuration(_:)`` when nothing usable is found.
    public static func load(
        context: String? = nil,
        kubeconfigPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        if let kubeconfigPath {
            return try fromKubeconfig(paths: [kubeconfigPath], context: context, environment: environment)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return try fromKubeconfig(paths: kubeconfigPaths(list), context: context, environment: environment)
        }
        if environment["KUBERNETES_SERVICE_HOST"] != nil, context == nil {
            return try inCluster(environment: environment)
        }
        guard let home = environment["HOME"] else {
            throw KubeClientError.configuration("no kubeconfig: KUBECONFIG and HOME are unset and not in a cluster")
        }
        return try fromKubeconfig(paths: [home + "/.kube/config"], context: context, environment: environment)
    }

    /// Splits a `KUBECONFIG` value on `:`, dropping empty entries and repeats.
    public static func kubeconfigPaths(_ list: String) -> [String] {
        var seen: Set<String> = []
        return list.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
