import Foundation
import HTTP
import TestSupport
import Testing

/// nghttpd (Debian package nghttp2-server) is an HTTP/2 server; it proves h2 negotiation and multiplexing.
let nghttpdPath = "/usr/sbin/nghttpd"

@Suite struct HTTP2Tests {
    @Test(.enabled(if: toolExists(nghttpdPath), "needs nghttpd from nghttp2-server"))
    func `negotiates HTTP/2 and multiplexes concurrent requests`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        let documents = directory.appendingPathComponent("htdocs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let payload = Array(#"{"kind":"Pod","metadata":{"name":"demo"}}"#.utf8) + [10]
        _ = try write(payload, to: "pod.json", in: documents)

        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate()
        let keyPath = try write(serving.privateKeyPEM, to: "key.pem", in: directory)
        let certificatePath = try write(serving.certificatePEM, to: "cert.pem", in: directory)

        // Borrow a free port from our own server, then hand it to nghttpd.
        let probe = HTTPServer(configuration: HTTPServerConfiguration(), handler: echoHandler)
        let port = try await probe.start()
        await probe.shutdown(deadline: 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: nghttpdPath)
        process.arguments = ["--address=127.0.0.1", "--htdocs=\(documents.path)", "\(port)", keyPath, certificatePath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The child inherits the spawning thread's blocked signals, SIGTERM among them, so only SIGKILL stops it.
        defer { kill(process.processIdentifier, SIGKILL) }

        let client = HTTPClient(
            configuration: HTTPClientConfiguration(
                tls: TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
            )
        )
        let url = "https://127.0.0.1:\(port)/pod.json"
        try await waitUntilServing(client, url: url)
        let connectionsBefore = client.openedConnections

        let versions = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    let response = try await client.execute(HTTPRequest(url: url))
                    return response.body == payload ? response.httpVersion : "wrong body"
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(versions == Array(repeating: "2", count: 50))
        // All fifty shared the connection the first request opened.
        #expect(client.openedConnections == connectionsBefore)

        let stream = try await client.stream(HTTPRequest(url: url))
        #expect(stream.httpVersion == "2")
        var lines: [[UInt8]] = []
        for try await line in stream.lines { lines.append(line) }
        #expect(lines == [Array(payload.dropLast())])
    }

    /// Polls until the freshly started server answers, for at most ten seconds.
    private func waitUntilServing(_ client: HTTPClient, url: String) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                _ = try await client.execute(HTTPRequest(url: url))
                return
            } catch HTTPError.connectFailed where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
}
