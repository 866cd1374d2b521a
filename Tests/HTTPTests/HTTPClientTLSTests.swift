import Foundation
import HTTP
import Synchronization
import TestSupport
import Testing

/// Collects warnings a client reports.
final class WarningLog: Sendable {
    private let messages = Mutex<[String]>([])

    var all: [String] { messages.withLock { $0 } }

    func record(_ message: String) { messages.withLock { $0.append(message) } }
}

/// A TLS server that requires nothing and verifies client certificates from `authority`.
func startTLSServer(
    authority: CertificateAuthority,
    host: String = "127.0.0.1",
    serving: IssuedCertificate? = nil,
    handler: @escaping HTTPServer.Handler = identityHandler
) async throws -> (server: HTTPServer, base: String) {
    let certificate = try serving ?? authority.issueServingCertificate()
    let tls = TLSServerConfiguration(
        certificateChain: certificate.certificatePEM,
        privateKey: certificate.privateKeyPEM,
        clientCertificateAuthority: authority.certificatePEM
    )
    return try await startServer(HTTPServerConfiguration(host: host, tls: tls), handler: handler)
}

@Suite struct HTTPClientTLSTests {
    @Test func `presents an in-memory client certificate the server verifies`() async throws {
        let authority = try CertificateAuthority.generate()
        let (server, base) = try await startTLSServer(authority: authority)
        let client = try authority.issueClientCertificate(commonName: "operator", organizations: ["poolpilot"])
        let tls = TLSConfiguration(
            certificateAuthority: .pem(authority.certificatePEM),
            clientCertificate: .pem(client.certificatePEM),
            clientKey: .pem(client.privateKeyPEM)
        )
        let response = try await HTTPClient(configuration: HTTPClientConfiguration(tls: tls))
            .execute(HTTPRequest(url: "\(base)/whoami"))
        #expect(String(decoding: response.body, as: UTF8.self) == "user=operator groups=poolpilot")
        #expect(response.httpVersion == "1.1")
        await server.shutdown(deadline: 1)
    }

    @Test func `reads certificates and keys from files`() async throws {
        let fixture = try await TLSFixture.start()
        let tls = TLSConfiguration(
            certificateAuthority: .file(fixture.caPath),
            clientCertificate: .file(fixture.clientCertificatePath),
            clientKey: .file(fixture.clientKeyPath)
        )
        let response = try await HTTPClient(configuration: HTTPClientConfiguration(tls: tls))
            .execute(HTTPRequest(url: "https://127.0.0.1:\(fixture.port)/whoami"))
        #expect(String(decoding: response.body, as: UTF8.self) == "user=admin groups=system:masters,dev")
        await fixture.server.shutdown(deadline: 1)
    }

    @Test func `refuses a server signed by an untrusted authority`() async throws {
        let authority = try CertificateAuthority.generate()
        let (server, base) = try await startTLSServer(authority: authority)
        let other = try CertificateAuthority.generate(commonName: "other")
        let tls = TLSConfiguration(certificateAuthority: .pem(other.certificatePEM))
        await #expect {
            _ = try await HTTPClient(configuration: HTTPClientConfiguration(tls: tls)).execute(HTTPRequest(url: base))
        } throws: { error in
            guard case HTTPError.tls = error else { return false }
            return true
        }
        await server.shutdown(deadline: 1)
    }

    @Test func `is refused by a server that does not trust its client certificate`() async throws {
        let authority = try CertificateAuthority.generate()
        let (server, base) = try await startTLSServer(authority: authority)
        let stranger = try CertificateAuthority.generate(commonName: "stranger")
        let client = try stranger.issueClientCertificate(commonName: "mallory")
        let tls = TLSConfiguration(
            certificateAuthority: .pem(authority.certificatePEM),
            clientCertificate: .pem(client.certificatePEM),
            clientKey: .pem(client.privateKeyPEM)
        )
        await #expect {
            _ = try await HTTPClient(configuration: HTTPClientConfiguration(tls: tls)).execute(HTTPRequest(url: base))
        } throws: { error in
            guard case HTTPError.tls = error else { return false }
            return true
        }
        await server.shutdown(deadline: 1)
    }

    @Test func `verifies against the configured server name`() async throws {
        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate(dnsNames: ["kubernetes.default.svc"])
        let (server, base) = try await startTLSServer(authority: authority, host: "127.0.1.9", serving: serving)
        let withName = TLSConfiguration(
            certificateAuthority: .pem(authority.certificatePEM),
            serverName: "kubernetes.default.svc"
        )
        let response = try await HTTPClient(configuration: HTTPClientConfiguration(tls: withName))
            .execute(HTTPRequest(url: "\(base)/"))
        #expect(response.status == 200)

        // 127.0.1.9 is not among the certificate's names, so without the override verification fails.
        let withoutName = TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
        await #expect(throws: HTTPError.self) {
            _ = try await HTTPClient(configuration: HTTPClientConfiguration(tls: withoutName)).execute(
                HTTPRequest(url: base)
            )
        }
        await server.shutdown(deadline: 1)
    }

    @Test func `warns once when verification is off`() async throws {
        let authority = try CertificateAuthority.generate()
        let (server, base) = try await startTLSServer(authority: authority)
        let warnings = WarningLog()
        let configuration = HTTPClientConfiguration(
            tls: TLSConfiguration(insecureSkipVerify: true),
            warningHandler: { warnings.record($0) }
        )
        let client = HTTPClient(configuration: configuration)
        for _ in 0..<3 {
            let response = try await client.execute(HTTPRequest(url: "\(base)/"))
            #expect(response.status == 200)
        }
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("verification is disabled") == true)
        await server.shutdown(deadline: 1)
    }

    @Test func `times out a TLS handshake that never completes as a connect timeout`() async throws {
        let listener = try SilentListener()
        let client = HTTPClient(configuration: HTTPClientConfiguration(connectTimeout: 0.3))
        await #expect {
            _ = try await client.execute(HTTPRequest(url: "https://127.0.0.1:\(listener.port)/"))
        } throws: { error in
            guard case HTTPError.timedOut(_, let which, _) = error else { return false }
            return which == "connect"
        }
    }

    @Test func `streams concurrently over https from an http/1.1 server`() async throws {
        let authority = try CertificateAuthority.generate()
        let broadcast = Broadcast()
        let (server, base) = try await startTLSServer(authority: authority) { request in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("hello \(request.path)\n".utf8))
            await broadcast.add(producer)
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(
                tls: TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
            )
        )
        let count = 20
        let (firstLines, firstLineRead) = AsyncStream.makeStream(of: Void.self)
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for index in 0..<count {
                group.addTask {
                    let response = try await client.stream(HTTPRequest(url: "\(base)/\(index)"))
                    var lines: [String] = []
                    for try await line in response.lines {
                        lines.append(String(decoding: line, as: UTF8.self))
                        firstLineRead.yield()
                    }
                    return lines
                }
            }
            var received = 0
            for await _ in firstLines {
                received += 1
                if received == count { break }
            }
            await broadcast.finishAll()
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(Set(results.compactMap(\.first)) == Set((0..<count).map { "hello /\($0)" }))
        await server.shutdown(deadline: 1)
    }
}
