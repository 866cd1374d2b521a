import YAML

/// The parts of a kubeconfig file (`kind: Config`) this client reads, as written on disk.
///
/// Field names follow `clientcmd/api/v1`: dashed keys such as `certificate-authority-data`.
struct KubeconfigFile: Decodable, Sendable {
    struct NamedCluster: Decodable, Sendable {
        var name: String
        var cluster: Cluster
    }

    struct Cluster: Decodable, Sendable {
        var server: String?
        var certificateAuthority: String?
        var certificateAuthorityData: String?
        var insecureSkipTLSVerify: Bool?
        var tlsServerName: String?
        var proxyURL: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
            case proxyURL = "proxy-url"
        }
    }

    struct NamedUser: Decodable, Sendable {
        var name: String
        var user: User
    }

    struct User: Decodable, Sendable {
        var clientCertificate: String?
        var clientCertificateData: String?
        var clientKey: String?
        var clientKeyData: String?
        var token: String?
        var tokenFile: String?
        var username: String?
        var password: String?
        var impersonate: String?
        var impersonateGroups: [String]?
        var exec: Exec?
        var authProvider: JSONValue?

        enum CodingKeys: String, CodingKey {
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
            case token, tokenFile, username, password, exec
            case impersonate = "as"
            case impersonateGroups = "as-groups"
            case authProvider = "auth-provider"
        }
    }

    struct Exec: Decodable, Sendable {
        struct EnvVar: Decodable, Sendable {
            var name: String
            var value: String
        }
        var apiVersion: String?
        var command: String
        var args: [String]?
        var env: [EnvVar]?
        var provideClusterInfo: Bool?
        var interactiveMode: String?
        var installHint: String?
    }

    struct NamedContext: Decodable, Sendable {
        var name: String
        var context: Context
    }

    struct Context: Decodable, Sendable {
        var cluster: String
        var user: String?
        var namespace: String?
    }

    var currentContext: String?
    var clusters: [NamedCluster]?
    var users: [NamedUser]?
    var contexts: [NamedContext]?

    enum CodingKeys: String, CodingKey {
        case currentContext = "current-context"
        case clusters, users, contexts
    }
}
