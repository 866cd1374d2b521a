import Foundation

/// Writes the kubeconfig that points kubectl and PoolPilot at an embedded cluster.
public enum KubeconfigWriter {
    /// The kubeconfig text for a server at `server` (an `https://` or `http://` URL).
    ///
    /// HTTPS configs authenticate with the admin client certificate; plain-HTTP configs with the token.
    public static func text(server: String, credentials: ClusterCredentials, contextName: String = "poolpilot")
        -> String
    {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        var cluster = "    server: \(server)\n"
        var user = ""
        if server.hasPrefix("https://") {
            cluster += "    certificate-authority-data: \(base64(credentials.certificateAuthorityPEM))\n"
            user += "    client-certificate-data: \(base64(credentials.clientCertificatePEM))\n"
            user += "    client-key-data: \(base64(credentials.clientKeyPEM))\n"
        } else {
            user += "    token: \(credentials.adminToken)\n"
        }
        return """
            apiVersion: v1
            kind: Config
            current-context: \(contextName)
            preferences: {}
            clusters:
            - name: \(contextName)
              cluster:
            \(cluster)users:
            - name: \(contextName)-admin
              user:
            \(user)contexts:
            - name: \(contextName)
              context:
                cluster: \(contextName)
                user: \(contextName)-admin
                namespace: default

            """
    }

    /// Writes the kubeconfig atomically with mode 0600.
    public static func write(to url: URL, server: String, credentials: ClusterCredentials) throws {
        try Data(text(server: server, credentials: credentials).utf8).write(to: url, options: .atomic)
        chmod(url.path, 0o600)
    }
}
