import Foundation
import HTTP

/// What one request carries to authenticate.
struct RequestCredentials: Sendable {
    /// The `Authorization` header value (`Bearer …` or `Basic …`), if any.
    var authorization: Secret?
    /// A client certificate and key handed out by an exec plugin, if any.
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: Secret?
}

/// Hands out credentials for requests: caches exec plugin output until it expires, re-reads token files
/// when they change, and forgets cached credentials after a 401.
actor CredentialProvider {
    /// How often a token file is re-read even when its modification time did not change.
    ///
    /// Default: 60 s.
    static let tokenFileRefreshInterval: TimeInterval = 60

    private let authentication: ClientConfiguration.Authentication
    private let clusterInfo: ExecPluginRunner.ClusterInfo?
    private let now: @Sendable () -> Date

    private var cachedExec: ExecCredential?
    private var tokenFileState: (token: Secret, readAt: Date, modified: Date?, size: Int?)?

    init(
        authentication: ClientConfiguration.Authentication,
        clusterInfo: ExecPluginRunner.ClusterInfo?,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.authentication = authentication
        self.clusterInfo = clusterInfo
        self.now = now
    }

    /// The credentials for the next request.
    ///
    /// - Throws: ``KubeClientError/credentials(_:)`` when a plugin fails or a token file was never readable.
    func credentials() async throws -> RequestCredentials {
        switch authentication {
        case .none:
            return RequestCredentials()
        case .bearerToken(let token):
            return RequestCredentials(authorization: Secret("Bearer " + token.revealed))
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password.revealed)".utf8).base64EncodedString()
            return RequestCredentials(authorization: Secret("Basic " + encoded))
        case .bearerTokenFile(let path, let fallback):
            let token = try fileToken(path: path, fallback: fallback)
            return RequestCredentials(authorization: Secret("Bearer " + token.revealed))
        case .exec(let plugin):
            let credential = try await execCredential(plugin)
            return RequestCredentials(
                authorization: credential.token.map { Secret("Bearer " + $0.revealed) },
                clientCertificatePEM: credential.clientCertificatePEM,
                clientKeyPEM: credential.clientKeyPEM
            )
        }
    }

    /// Records a 401: the next request runs the exec plugin again and re-reads the token file.
    func unauthorized() {
        cachedExec = nil
        if let state = tokenFileState {
            tokenFileState = (state.token, .distantPast, nil, nil)
        }
    }

    private func execCredential(_ plugin: ExecPluginConfiguration) async throws -> ExecCredential {
        if let cachedExec, cachedExec.expiration.map({ $0 > now() }) ?? true {
            return cachedExec
        }
        let fresh = try await ExecPluginRunner.run(plugin, cluster: plugin.provideClusterInfo ? clusterInfo : nil)
        cachedExec = fresh
        return fresh
    }

    private func fileToken(path: String, fallback: Secret?) throws -> Secret {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date
        let size = (attributes?[.size] as? NSNumber)?.intValue
        let current = now()
        if let state = tokenFileState, state.modified == modified, state.size == size,
            current.timeIntervalSince(state.readAt) < Self.tokenFileRefreshInterval
        {
            return state.token
        }

        // Keep the last good token when a read fails (the kubelet swaps the file atomically, but be safe).
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !token.isEmpty {
                tokenFileState = (Secret(token), current, modified, size)
                return Secret(token)
            }
        }
        if let state = tokenFileState { return state.token }
        if let fallback { return fallback }
        throw KubeClientError.credentials("token file \(path) is unreadable or empty")
    }
}
