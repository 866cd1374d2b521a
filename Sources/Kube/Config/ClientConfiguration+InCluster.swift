import Foundation
import HTTP

extension ClientConfiguration {
    /// The service-account folder every pod gets.
    public static let defaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// Builds the configuration a pod uses to reach its own cluster.
    ///
    /// Needs `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`. The token is read from
    /// `token` in the service-account folder at every request when the file changed, and at least once a
    /// minute, so rotated bound tokens are picked up; `ca.crt` is the trust anchor (skipped if
    /// unreadable) and `namespace` the default namespace.
    /// - Throws: ``KubeClientError/configuration(_:)`` when not in a cluster or the token is unreadable.
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        serviceAccountDirectory: String = defaultServiceAccountDirectory
    ) throws -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeClientError.configuration(
                "not in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set"
            )
        }
        let tokenPath = serviceAccountDirectory + "/token"
        guard FileManager.default.isReadableFile(atPath: tokenPath) else {
            throw KubeClientError.configuration("service-account token \(tokenPath) is not readable")
        }

        let caPath = serviceAccountDirectory + "/ca.crt"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let namespaceText = try? String(contentsOfFile: serviceAccountDirectory + "/namespace", encoding: .utf8)
        let namespace = namespaceText?.trimmingCharacters(in: .whitespacesAndNewlines)
        return ClientConfiguration(
            server: "https://\(hostPart):\(port)",
            tls: TLSConfiguration(
                certificateAuthority: FileManager.default.isReadableFile(atPath: caPath) ? .file(caPath) : nil
            ),
            authentication: .bearerTokenFile(path: tokenPath, fallback: nil),
            namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
            source: "in-cluster"
        )
    }
}
