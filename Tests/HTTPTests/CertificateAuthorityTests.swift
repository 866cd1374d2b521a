import Foundation
import HTTP
import TestSupport
import Testing

@Suite struct CertificateAuthorityTests {
    @Test func `issues certificates that openssl verifies for their purpose`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        let authority = try CertificateAuthority.generate(commonName: "test-ca")
        let serving = try authority.issueServingCertificate(dnsNames: ["apiserver.local"], ipAddresses: ["127.0.1.7"])
        let client = try authority.issueClientCertificate(
            commonName: "admin",
            organizations: ["system:masters", "dev"]
        )
        let caPath = try write(authority.certificatePEM, to: "ca.pem", in: directory)
        let servingPath = try write(serving.certificatePEM, to: "serving.pem", in: directory)
        let clientPath = try write(client.certificatePEM, to: "client.pem", in: directory)

        let servingCheck = try await runTool(
            "/usr/bin/openssl",
            ["verify", "-CAfile", caPath, "-purpose", "sslserver", servingPath]
        )
        #expect(servingCheck.status == 0, "\(servingCheck.output)")
        let clientCheck = try await runTool(
            "/usr/bin/openssl",
            ["verify", "-CAfile", caPath, "-purpose", "sslclient", clientPath]
        )
        #expect(clientCheck.status == 0, "\(clientCheck.output)")
        let clientAsServer = try await runTool(
            "/usr/bin/openssl",
            ["verify", "-CAfile", caPath, "-purpose", "sslserver", clientPath]
        )
        #expect(clientAsServer.status != 0)

        let names = try await runTool(
            "/usr/bin/openssl",
            ["x509", "-in", servingPath, "-noout", "-ext", "subjectAltName"]
        )
        for name in ["DNS:localhost", "DNS:apiserver.local", "IP Address:127.0.0.1", "IP Address:127.0.1.7"] {
            #expect(names.output.contains(name), "\(names.output)")
        }
        let subject = try await runTool("/usr/bin/openssl", ["x509", "-in", clientPath, "-noout", "-subject"])
        #expect(subject.output.contains("O = system:masters, O = dev, CN = admin"), "\(subject.output)")
    }

    @Test func `rejects a key that is not the authority's`() throws {
        let first = try CertificateAuthority.generate()
        let second = try CertificateAuthority.generate()
        #expect(throws: HTTPError.self) {
            _ = try CertificateAuthority(certificatePEM: first.certificatePEM, privateKeyPEM: second.privateKeyPEM)
        }
        let reloaded = try CertificateAuthority(
            certificatePEM: first.certificatePEM,
            privateKeyPEM: first.privateKeyPEM
        )
        #expect(reloaded.certificatePEM == first.certificatePEM)
    }
}
