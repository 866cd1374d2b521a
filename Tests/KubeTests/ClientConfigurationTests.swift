import Foundation
import HTTP
import TestSupport
import Testing

@testable import Kube

@Suite struct ClientConfigurationTests {
    static let first = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster:
            server: https://first.example:6443
            certificate-authority: certs/ca.crt
            tls-server-name: kubernetes.default
        contexts:
        - name: dev
          context: {cluster: shared, user: alice, namespace: team-a}
        users:
        - name: alice
          user:
            client-certificate-data: \(Data("CERT".utf8).base64EncodedString())
            client-key: keys/alice.key
        """

    static let second = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: shared
          cluster: {server: "https://second.example:6443"}
        - name: prod-cluster
          cluster: {server: "https://prod.example", insecure-skip-tls-verify: true}
        contexts:
        - name: dev
          context: {cluster: prod-cluster, user: bob}
        - name: prod
          context: {cluster: prod-cluster, user: bob}
        users:
        - name: bob
          user: {token: s3cret-token}
        - name: alice
          user: {token: never-used}
        """

    private func write(_ text: String, to folder: URL, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func `merges KUBECONFIG files with the first definition winning`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let firstPath = try write(Self.first, to: folder, name: "a/config")
        let secondPath = try write(Self.second, to: folder, name: "b/config")
        let missing = folder.appendingPathComponent("missing").path
        let environment = ["KUBECONFIG": "\(missing):\(firstPath)::\(secondPath)"]

        // current-context comes from the second file (the first sets none): prod.
        let prod = try ClientConfiguration.load(environment: environment)
        #expect(prod.contextName == "prod")
        #expect(prod.server == "https://prod.example")
        #expect(prod.tls.insecureSkipVerify)
        #expect(prod.namespace == "default")
        guard case .bearerToken(let token) = prod.authentication else {
            Issue.record("expected a bearer token")
            return
        }
        #expect(token.revealed == "s3cret-token")
        #expect(prod.source == "\(firstPath):\(secondPath)")

        // --context dev: the first file's dev context, shared cluster and alice user win.
        let dev = try ClientConfiguration.load(context: "dev", environment: environment)
        #expect(dev.server == "https://first.example:6443")
        #expect(dev.namespace == "team-a")
        #expect(dev.tls.serverName == "kubernetes.default")
        #expect(dev.tls.certificateAuthority == .file(folder.appendingPathComponent("a/certs/ca.crt").path))
        #expect(dev.tls.clientCertificate == .pem(Array("CERT".utf8)))
        #expect(dev.tls.clientKey == .file(folder.appendingPathComponent("a/keys/alice.key").path))
        guard case .none = dev.authentication else {
            Issue.record("alice from the first file has no token")
            return
        }
    }

    @Test func `fails clearly for unknown contexts and missing files`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let path = try write(Self.second, to: folder, name: "config")
        #expect(throws: KubeClientError.self) {
            try ClientConfiguration.fromKubeconfig(paths: [path], context: "nope")
        }
        let error = try #require(throws: KubeClientError.self) {
            try ClientConfiguration.fromKubeconfig(paths: [folder.appendingPathComponent("none").path])
        }
        #expect(error.description.hasPrefix("kube config: no kubeconfig file found"))
    }

    @Test func `describes itself without the credential`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let path = try write(Self.second, to: folder, name: "config")
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [path])
        let text = "\(configuration) \(configuration.authentication) \(Secret("x"))"
        #expect(!text.contains("s3cret"))
        #expect(text.contains("context=prod"))
        #expect(text.contains("<redacted>"))
    }

    @Test func `reads exec plugin settings with paths relative to the kubeconfig`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let text = """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/plugin
                  args: [token, --fast]
                  env: [{name: MODE, value: test}]
                  provideClusterInfo: true
            """
        let path = try write(text, to: folder, name: "config")
        let configuration = try ClientConfiguration.fromKubeconfig(paths: [path])
        guard case .exec(let plugin) = configuration.authentication else {
            Issue.record("expected an exec plugin")
            return
        }
        #expect(plugin.command == folder.path + "/./bin/plugin")
        #expect(plugin.arguments == ["token", "--fast"])
        #expect(plugin.environment == ["MODE": "test"])
        #expect(plugin.apiVersion == "client.authentication.k8s.io/v1beta1")
        #expect(plugin.provideClusterInfo)
    }

    @Test func `builds the in-cluster configuration from the service account`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        _ = try write("token-1\n", to: folder, name: "token")
        _ = try write("-----BEGIN CERTIFICATE-----\n", to: folder, name: "ca.crt")
        _ = try write("poolpilot-system\n", to: folder, name: "namespace")
        let environment = ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"]
        let configuration = try ClientConfiguration.inCluster(
            environment: environment,
            serviceAccountDirectory: folder.path
        )
        #expect(configuration.server == "https://[fd00::1]:443")
        #expect(configuration.namespace == "poolpilot-system")
        #expect(configuration.tls.certificateAuthority == .file(folder.path + "/ca.crt"))
        guard case .bearerTokenFile(let path, _) = configuration.authentication else {
            Issue.record("expected a token file")
            return
        }
        #expect(path == folder.path + "/token")
        #expect(throws: KubeClientError.self) { try ClientConfiguration.inCluster(environment: [:]) }
    }

    @Test func `refuses a proxied cluster instead of bypassing the proxy`() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let text = """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://127.0.0.1:1", proxy-url: "http://127.0.0.1:3128"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """
        let path = try write(text, to: folder, name: "config")
        let error = try #require(throws: KubeClientError.self) {
            try ClientConfiguration.fromKubeconfig(paths: [path])
        }
        #expect(error.description == "unsupported: proxy-url in cluster \"k\"")
    }

    @Test func `splits KUBECONFIG lists without empty entries or repeats`() {
        #expect(ClientConfiguration.kubeconfigPaths("a::b:a:") == ["a", "b"])
    }
}
