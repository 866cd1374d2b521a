import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Kube

/// A settable wall clock for credential expiry.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_735_689_600))
    var now: @Sendable () -> Date { { [self] in self.current.withLock { $0 } } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

@Suite struct CredentialProviderTests {
    /// Writes an exec plugin that counts its runs in `runs` and prints a token `token-<run>`.
    static func writePlugin(
        in folder: URL,
        apiVersion: String = "client.authentication.k8s.io/v1",
        expiration: String? = "2025-01-01T01:00:00Z",
        exitCode: Int = 0
    ) throws -> String {
        let counter = folder.appendingPathComponent("runs").path
        let expirationField = expiration.map { #","expirationTimestamp":"\#($0)""# } ?? ""
        let script = """
            #!/bin/sh
            n=$(cat "\(counter)" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo "$n" > "\(counter)"
            echo "$KUBERNETES_EXEC_INFO" > "\(folder.path)/exec-info.json"
            if [ \(exitCode) -ne 0 ]; then echo "plugin failed: no login" >&2; exit \(exitCode); fi
            printf '{"apiVersion":"\(apiVersion)","kind":"ExecCredential","status":{"token":"token-%s"\(expirationField)}}' "$n"
            """
        let path = folder.appendingPathComponent("plugin.sh").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func `caches an exec credential until it expires and reruns after a 401`() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let plugin = ExecPluginConfiguration(command: try Self.writePlugin(in: folder), provideClusterInfo: true)
        let clock = ManualClock()
        let provider = CredentialProvider(
            authentication: .exec(plugin),
            clusterInfo: ExecPluginRunner.ClusterInfo(
                server: "https://127.0.0.1:6443",
                insecureSkipTLSVerify: false,
                certificateAuthorityPEM: Array("CA".utf8)
            ),
            now: clock.now
        )
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-1")
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-1")

        // Past expirationTimestamp (01:00 on a clock that starts at 00:00) the plugin runs again.
        clock.advance(3601)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-2")
        await provider.unauthorized()
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-3")

        let info = try String(contentsOfFile: folder.path + "/exec-info.json", encoding: .utf8)
        #expect(info.contains(#""server":"https://127.0.0.1:6443""#))
        #expect(info.contains(#""apiVersion":"client.authentication.k8s.io/v1""#))
        #expect(info.contains(#""certificate-authority-data":"Q0E=""#))
    }

    @Test func `speaks v1beta1 and keeps a credential without expiry`() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let apiVersion = "client.authentication.k8s.io/v1beta1"
        let command = try Self.writePlugin(in: folder, apiVersion: apiVersion, expiration: nil)
        let clock = ManualClock()
        let provider = CredentialProvider(
            authentication: .exec(ExecPluginConfiguration(apiVersion: apiVersion, command: command)),
            clusterInfo: nil,
            now: clock.now
        )
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-1")
        clock.advance(86_400 * 365)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer token-1")
    }

    @Test func `rejects a plugin that answers another apiVersion or fails`() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let command = try Self.writePlugin(in: folder, apiVersion: "client.authentication.k8s.io/v1beta1")
        let mismatched = CredentialProvider(
            authentication: .exec(ExecPluginConfiguration(command: command)),
            clusterInfo: nil
        )
        await #expect(throws: KubeClientError.self) { try await mismatched.credentials() }

        let failingFolder = try TestPaths.makeTemporaryDirectory()
        let failing = CredentialProvider(
            authentication: .exec(
                ExecPluginConfiguration(command: try Self.writePlugin(in: failingFolder, exitCode: 3))
            ),
            clusterInfo: nil
        )
        let error = try await #require(throws: KubeClientError.self) { try await failing.credentials() }
        #expect(error.description.contains("exited with status 3: plugin failed: no login"))

        let missing = CredentialProvider(
            authentication: .exec(ExecPluginConfiguration(command: "poolpilot-no-such-plugin", installHint: "brew it")),
            clusterInfo: nil
        )
        let notFound = try await #require(throws: KubeClientError.self) { try await missing.credentials() }
        #expect(notFound.description.contains("brew it"))
    }

    @Test func `re-reads a token file when it changes and after a minute`() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let path = folder.appendingPathComponent("token").path
        try "first\n".write(toFile: path, atomically: true, encoding: .utf8)
        let clock = ManualClock()
        let provider = CredentialProvider(
            authentication: .bearerTokenFile(path: path, fallback: nil),
            clusterInfo: nil,
            now: clock.now
        )
        #expect(try await provider.credentials().authorization?.revealed == "Bearer first")

        // A new file of another size is noticed at once, whatever its timestamp.
        try "second-token".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer second-token")

        // Same size and same timestamp: picked up once the minute has passed.
        let fixed = Date(timeIntervalSince1970: 1_600_000_000)
        try FileManager.default.setAttributes([.modificationDate: fixed], ofItemAtPath: path)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer second-token")
        try "third--token".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: fixed], ofItemAtPath: path)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer second-token")
        clock.advance(61)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer third--token")

        // A vanished file keeps the last good token.
        try FileManager.default.removeItem(atPath: path)
        clock.advance(61)
        #expect(try await provider.credentials().authorization?.revealed == "Bearer third--token")
    }

    @Test func `re-runs the exec plugin when the server answers 401`() async throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let plugin = ExecPluginConfiguration(command: try Self.writePlugin(in: folder, expiration: nil))
        let transport = FakeTransport { request, _ in
            request.headers["Authorization"] == "Bearer token-2"
                ? .json(200, deploymentJSON("web")) : .json(401, #"{"kind":"Status","code":401}"#)
        }
        let client = KubeClient.testing(transport, authentication: .exec(plugin))
        let deployment = try await client.get(Deployment.self, name: "web", namespace: "ml")
        #expect(deployment.metadata.name == "web")
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test func `sends basic credentials and impersonation headers`() async throws {
        let transport = FakeTransport { _, _ in .json(200, deploymentJSON("web")) }
        let client = KubeClient(
            configuration: ClientConfiguration(
                server: "https://kube.test/",
                authentication: .basic(username: "admin", password: Secret("pw")),
                impersonateUser: "jane",
                impersonateGroups: ["a", "b"]
            ),
            options: KubeClientOptions(qps: 0),
            transport: transport
        )
        _ = try await client.get(Deployment.self, name: "web", namespace: "ml")
        let headers = try #require(transport.requests.first?.headers)
        #expect(headers["Authorization"] == "Basic YWRtaW46cHc=")
        #expect(headers["Impersonate-User"] == "jane")
        #expect(headers.values(for: "Impersonate-Group") == ["a", "b"])
        #expect(transport.requests.first?.url == "https://kube.test/apis/apps/v1/namespaces/ml/deployments/web")
    }
}
