import Foundation
import HTTP
import TestSupport
import Testing

/// A handler that answers with the TLS client identity it saw.
@Sendable func identityHandler(_ request: HTTPServerRequest) async -> HTTPServerResponse {
    let text: String
    if let identity = request.clientCertificate {
        text = "user=\(identity.commonName) groups=\(identity.organizations.joined(separator: ","))"
    } else {
        text = "anonymous"
    }
    return HTTPServerResponse(status: 200, body: .bytes(Array(text.utf8)))
}

/// A CA, a TLS server trusting it for clients, and files for command line clients.
struct TLSFixture {
    let directory: URL
    let authority: CertificateAuthority
    let server: HTTPServer
    let port: Int
    let caPath: String
    let clientCertificatePath: String
    let clientKeyPath: String

    static func start(handler: @escaping HTTPServer.Handler = identityHandler) async throws -> TLSFixture {
        let directory = try TestPaths.makeTemporaryDirectory()
        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate()
        let client = try authority.issueClientCertificate(
            commonName: "admin",
            organizations: ["system:masters", "dev"]
        )
        let tls = TLSServerConfiguration(
            certificateChain: serving.certificatePEM,
            privateKey: serving.privateKeyPEM,
            clientCertificateAuthority: authority.certificatePEM
        )
        let server = HTTPServer(configuration: HTTPServerConfiguration(tls: tls), handler: handler)
        let port = try await server.start()
        return TLSFixture(
            directory: directory,
            authority: authority,
            server: server,
            port: port,
            caPath: try write(authority.certificatePEM, to: "ca.pem", in: directory),
            clientCertificatePath: try write(client.certificatePEM, to: "client.pem", in: directory),
            clientKeyPath: try write(client.privateKeyPEM, to: "client-key.pem", in: directory)
        )
    }
}

@Suite struct TLSServerTests {
    @Test func `sees the client certificate identity`() async throws {
        let fixture = try await TLSFixture.start()
        let result = try await runTool(
            "/usr/bin/curl",
            [
                "--silent", "--show-error", "--http2", "--write-out", " http=%{http_version}",
                "--cacert", fixture.caPath, "--cert", fixture.clientCertificatePath, "--key", fixture.clientKeyPath,
                "https://127.0.0.1:\(fixture.port)/whoami", "https://127.0.0.1:\(fixture.port)/again",
            ]
        )
        #expect(result.status == 0, "\(result.output)")
        // ALPN offers http/1.1 only, so curl's h2 offer falls back; the second request reuses the connection.
        #expect(
            result.output
                == "user=admin groups=system:masters,dev http=1.1user=admin groups=system:masters,dev http=1.1"
        )
        await fixture.server.shutdown(deadline: 1)
    }

    @Test func `serves clients without a certificate anonymously`() async throws {
        let fixture = try await TLSFixture.start()
        let result = try await runTool(
            "/usr/bin/curl",
            ["--silent", "--show-error", "--cacert", fixture.caPath, "https://localhost:\(fixture.port)/"]
        )
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "anonymous")
        await fixture.server.shutdown(deadline: 1)
    }

    @Test func `rejects a client certificate from another authority`() async throws {
        let fixture = try await TLSFixture.start()
        let stranger = try CertificateAuthority.generate(commonName: "stranger")
        let client = try stranger.issueClientCertificate(commonName: "mallory", organizations: ["system:masters"])
        let certificate = try write(client.certificatePEM, to: "mallory.pem", in: fixture.directory)
        let key = try write(client.privateKeyPEM, to: "mallory-key.pem", in: fixture.directory)
        let result = try await runTool(
            "/usr/bin/curl",
            [
                "--silent", "--cacert", fixture.caPath, "--cert", certificate, "--key", key,
                "https://127.0.0.1:\(fixture.port)/whoami",
            ]
        )
        #expect(result.status != 0)
        #expect(!result.output.contains("mallory"))
        await fixture.server.shutdown(deadline: 1)
    }

    @Test func `reports unreadable TLS material when starting`() async throws {
        let tls = TLSServerConfiguration(certificateChain: Array("nope".utf8), privateKey: [])
        let server = HTTPServer(configuration: HTTPServerConfiguration(tls: tls), handler: identityHandler)
        await #expect(throws: HTTPError.self) { _ = try await server.start() }
    }

    @Test(.enabled(if: toolExists("/usr/bin/kubectl"), "needs kubectl"))
    func `is accepted by kubectl with a generated kubeconfig`() async throws {
        let fixture = try await TLSFixture.start { request in
            let body = request.path == "/healthz" && request.clientCertificate?.commonName == "admin" ? "ok" : "who?"
            return HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "text/plain"],
                body: .bytes(Array(body.utf8))
            )
        }
        let kubeconfig = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: test
              cluster:
                server: https://127.0.0.1:\(fixture.port)
                certificate-authority: \(fixture.caPath)
            users:
            - name: admin
              user:
                client-certificate: \(fixture.clientCertificatePath)
                client-key: \(fixture.clientKeyPath)
            contexts:
            - name: test
              context: {cluster: test, user: admin}
            current-context: test
            """
        let path = try write(Array(kubeconfig.utf8), to: "kubeconfig", in: fixture.directory)
        let environment = ["HOME": fixture.directory.path, "PATH": "/usr/bin:/bin"]
        let result = try await runTool(
            "/usr/bin/kubectl",
            ["--kubeconfig", path, "get", "--raw", "/healthz"],
            environment: environment
        )
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok"))
        await fixture.server.shutdown(deadline: 1)
    }
}
