import Foundation
import HTTP
import YAML

extension ClientConfiguration {
    /// Builds a configuration from kubeconfig files merged the way kubectl merges `KUBECONFIG`.
    ///
    /// - The first file that defines a cluster, user or context name wins; later files never change it.
    /// - `current-context` comes from the first file that sets it; `context` overrides it (`--context`).
    /// - Missing files are skipped; if none exists the call fails.
    /// - Relative paths (CA, certificates, keys, token files, exec commands) resolve against the folder
    ///   of the file that defined the entry. `*-data` fields are base64 PEM and win over paths.
    /// - Throws: ``KubeClientError/configuration(_:)`` naming the file or entry at fault.
    public static func fromKubeconfig(
        paths: [String],
        context: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ClientConfiguration {
        let merged = try MergedKubeconfig(paths: paths)
        guard let contextName = context ?? merged.currentContext, !contextName.isEmpty else {
            throw KubeClientError.configuration("no current-context in \(paths.joined(separator: ":"))")
        }
        guard let namedContext = merged.contexts[contextName] else {
            throw KubeClientError.configuration("context \"\(contextName)\" not found")
        }
        guard let cluster = merged.clusters[namedContext.value.cluster] else {
            throw KubeClientError.configuration("cluster \"\(namedContext.value.cluster)\" not found")
        }
        guard let server = cluster.value.server, !server.isEmpty else {
            throw KubeClientError.configuration("cluster \"\(namedContext.value.cluster)\" has no server")
        }
        // Known limitation: the HTTP engine has no proxy support, so a proxied cluster fails loudly
        // here instead of silently bypassing the proxy.
        if let proxy = cluster.value.proxyURL, !proxy.isEmpty {
            throw KubeClientError.unsupported("proxy-url in cluster \"\(namedContext.value.cluster)\"")
        }
        var user: Located<KubeconfigFile.User>?
        if let userName = namedContext.value.user, !userName.isEmpty {
            guard let found = merged.users[userName] else {
                throw KubeClientError.configuration("user \"\(userName)\" not found")
            }
            user = found
        }

        var tls = TLSConfiguration(
            certificateAuthority: try pem(
                data: cluster.value.certificateAuthorityData,
                path: cluster.value.certificateAuthority,
                folder: cluster.folder,
                field: "certificate-authority"
            ),
            serverName: cluster.value.tlsServerName,
            insecureSkipVerify: cluster.value.insecureSkipTLSVerify ?? false
        )
        var authentication = Authentication.none
        if let user {
            tls.clientCertificate = try pem(
                data: user.value.clientCertificateData,
                path: user.value.clientCertificate,
                folder: user.folder,
                field: "client-certificate"
            )
            tls.clientKey = try pem(
                data: user.value.clientKeyData,
                path: user.value.clientKey,
                folder: user.folder,
                field: "client-key"
            )
            authentication = try Self.authentication(for: user)
        }
        return ClientConfiguration(
            server: server,
            tls: tls,
            authentication: authentication,
            namespace: namedContext.value.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            impersonateUser: user?.value.impersonate,
            impersonateGroups: user?.value.impersonateGroups ?? [],
            contextName: contextName,
            source: merged.loadedPaths.joined(separator: ":")
        )
    }

    private static func authentication(for user: Located<KubeconfigFile.User>) throws -> Authentication {
        let value = user.value
        if value.authProvider != nil {
            throw KubeClientError.unsupported("kubeconfig auth-provider plugins; use an exec plugin instead")
        }
        if let exec = value.exec {
            let apiVersion = exec.apiVersion ?? ""
            guard ExecPluginConfiguration.supportedAPIVersions.contains(apiVersion) else {
                throw KubeClientError.configuration("exec plugin apiVersion \"\(apiVersion)\" is not supported")
            }
            var command = exec.command
            if command.contains("/"), !command.hasPrefix("/") { command = user.folder + "/" + command }
            return .exec(
                ExecPluginConfiguration(
                    apiVersion: apiVersion,
                    command: command,
                    arguments: exec.args ?? [],
                    environment: Dictionary(
                        (exec.env ?? []).map { ($0.name, $0.value) },
                        uniquingKeysWith: { _, last in last }
                    ),
                    provideClusterInfo: exec.provideClusterInfo ?? false,
                    interactiveMode: exec.interactiveMode ?? "IfAvailable",
                    installHint: exec.installHint
                )
            )
        }
        if let tokenFile = value.tokenFile, !tokenFile.isEmpty {
            let token = value.token.flatMap { $0.isEmpty ? nil : Secret($0) }
            return .bearerTokenFile(path: resolve(tokenFile, folder: user.folder), fallback: token)
        }
        if let token = value.token, !token.isEmpty { return .bearerToken(Secret(token)) }
        if let username = value.username, let password = value.password {
            return .basic(username: username, password: Secret(password))
        }
        return .none
    }

    private static func pem(data: String?, path: String?, folder: String, field: String) throws -> PEMSource? {
        if let data, !data.isEmpty {
            let compact = data.filter { !$0.isWhitespace }
            guard let decoded = Data(base64Encoded: compact) else {
                throw KubeClientError.configuration("\(field)-data is not valid base64")
            }
            return .pem(Array(decoded))
        }
        if let path, !path.isEmpty { return .file(resolve(path, folder: folder)) }
        return nil
    }

    static func resolve(_ path: String, folder: String) -> String {
        path.hasPrefix("/") ? path : folder + "/" + path
    }
}

/// A kubeconfig entry with the folder of the file that defined it.
struct Located<Value: Sendable>: Sendable {
    var value: Value
    var folder: String
}

/// Several kubeconfig files merged: first definition of each name wins.
struct MergedKubeconfig {
    var currentContext: String?
    var clusters: [String: Located<KubeconfigFile.Cluster>] = [:]
    var users: [String: Located<KubeconfigFile.User>] = [:]
    var contexts: [String: Located<KubeconfigFile.Context>] = [:]
    var loadedPaths: [String] = []

    init(paths: [String]) throws {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw KubeClientError.configuration("cannot read kubeconfig \(path): \(error.localizedDescription)")
            }
            let file: KubeconfigFile
            do {
                file = try YAML.decode(text).decode(KubeconfigFile.self)
            } catch {
                throw KubeClientError.configuration("invalid kubeconfig \(path): \(error)")
            }
            merge(file, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            loadedPaths.append(path)
        }
        guard !loadedPaths.isEmpty else {
            throw KubeClientError.configuration("no kubeconfig file found in \(paths.joined(separator: ":"))")
        }
    }

    private mutating func merge(_ file: KubeconfigFile, folder: String) {
        if currentContext == nil || currentContext == "", let current = file.currentContext, !current.isEmpty {
            currentContext = current
        }
        for entry in file.clusters ?? [] where clusters[entry.name] == nil {
            clusters[entry.name] = Located(value: entry.cluster, folder: folder)
        }
        for entry in file.users ?? [] where users[entry.name] == nil {
            users[entry.name] = Located(value: entry.user, folder: folder)
        }
        for entry in file.contexts ?? [] where contexts[entry.name] == nil {
            contexts[entry.name] = Located(value: entry.context, folder: folder)
        }
    }
}
