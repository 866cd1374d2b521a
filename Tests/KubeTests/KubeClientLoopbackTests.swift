import Foundation
import HTTP
import Synchronization
import TestSupport
import Testing

@testable import Kube

/// A loopback API server for one test: `handler` gets each request with its 0-based arrival index.
final class LoopbackAPIServer: Sendable {
    let server: HTTPServer
    let port: Int

    init(
        tls: TLSServerConfiguration? = nil,
        handler: @escaping @Sendable (HTTPServerRequest, Int) async -> HTTPServerResponse
    ) async throws {
        let counter = CounterBox()
        server = HTTPServer(configuration: HTTPServerConfiguration(tls: tls)) { request in
            await handler(request, counter.next())
        }
        port = try await server.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }
    var secureURL: String { "https://127.0.0.1:\(port)" }
}

/// A thread-safe request counter.
final class CounterBox: Sendable {
    private let value = Mutex<Int>(0)
    func next() -> Int {
        value.withLock { current in
            defer { current += 1 }
            return current
        }
    }
}

func json(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> HTTPServerResponse {
    var all = headers
    all.add("Content-Type", "application/json")
    return HTTPServerResponse(status: status, headers: all, body: .bytes(Array(text.utf8)))
}

@Suite(.timeLimit(.minutes(1))) struct KubeClientLoopbackTests {
    @Test func `talks TLS with a test CA, a client certificate and a bearer token`() async throws {
        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate()
        let clientCertificate = try authority.issueClientCertificate(commonName: "poolpilot", organizations: ["ops"])
        let server = try await LoopbackAPIServer(
            tls: TLSServerConfiguration(
                certificateChain: serving.certificatePEM,
                privateKey: serving.privateKeyPEM,
                clientCertificateAuthority: authority.certificatePEM
            )
        ) { request, _ in
            guard request.clientCertificate?.commonName == "poolpilot",
                request.headers["Authorization"] == "Bearer loopback-token"
            else { return json(401, #"{"kind":"Status","code":401,"reason":"Unauthorized"}"#) }
            return json(200, deploymentJSON("web", replicas: 2))
        }
        defer { Task { await server.server.shutdown() } }

        // The kubeconfig carries the CA and client credentials inline, as kubeadm writes them.
        let folder = try TestPaths.makeTemporaryDirectory()
        let kubeconfig = """
            current-context: loop
            clusters: [{name: loop, cluster: {server: "\(server.secureURL)",
              certificate-authority-data: \(Data(authority.certificatePEM).base64EncodedString())}}]
            contexts: [{name: loop, context: {cluster: loop, user: me, namespace: ml}}]
            users:
            - name: me
              user:
                token: loopback-token
                client-certificate-data: \(Data(clientCertificate.certificatePEM).base64EncodedString())
                client-key-data: \(Data(clientCertificate.privateKeyPEM).base64EncodedString())
            """
        let path = folder.appendingPathComponent("config").path
        try kubeconfig.write(toFile: path, atomically: true, encoding: .utf8)
        let client = KubeClient(configuration: try ClientConfiguration.fromKubeconfig(paths: [path]))
        let deployment = try await client.get(Deployment.self, name: "web", namespace: client.defaultNamespace)
        #expect(deployment.spec?.replicas == 2)
        await client.shutdown()

        // Without the client certificate the server refuses the request.
        var anonymous = try ClientConfiguration.fromKubeconfig(paths: [path])
        anonymous.tls.clientCertificate = nil
        anonymous.tls.clientKey = nil
        let refused = KubeClient(configuration: anonymous, options: KubeClientOptions(maxRetries: 0))
        await #expect(throws: KubeClientError.self) {
            try await refused.get(Deployment.self, name: "web", namespace: "ml")
        }
        await refused.shutdown()
    }

    @Test func `streams a watch whose events cross chunk boundaries and cancels it`() async throws {
        let events = (1...50).map {
            #"{"type":"MODIFIED","object":"# + deploymentJSON("web", resourceVersion: String($0)) + "}\n"
        }.joined()
        let bytes = Array(events.utf8)
        let server = try await LoopbackAPIServer { request, _ in
            let (body, continuation) = AsyncStream<[UInt8]>.makeStream()
            // Odd-sized chunks so that lines straddle chunks; the stream then stays open.
            for start in stride(from: 0, to: bytes.count, by: 333) {
                continuation.yield(Array(bytes[start..<min(start + 333, bytes.count)]))
            }
            return HTTPServerResponse(status: 200, headers: ["Content-Type": "application/json"], body: .stream(body))
        }
        defer { Task { await server.server.shutdown() } }
        let client = KubeClient(configuration: ClientConfiguration(server: server.url))
        let consumer = Task {
            var versions: [String] = []
            for try await event in try await client.watch(Deployment.self, namespace: "ml") {
                versions.append(event.object?.metadata.resourceVersion ?? "")
                if versions.count == 50 { return versions }
            }
            return versions
        }
        #expect(try await consumer.value == (1...50).map(String.init))

        // A second watch is cancelled after its first event while the server keeps the stream open.
        let (firstEvent, firstEventSeen) = AsyncStream<Void>.makeStream()
        let waiting = Task {
            var count = 0
            for try await _ in try await client.watch(Deployment.self, namespace: "ml") {
                count += 1
                firstEventSeen.yield()
            }
            return count
        }
        for await _ in firstEvent { break }
        waiting.cancel()
        let seen = try await waiting.value
        #expect(seen >= 1)
        await client.shutdown()
    }

    @Test func `retries after Retry-After, follows pages and reports 409 and 410`() async throws {
        let server = try await LoopbackAPIServer { request, index in
            if request.path.hasSuffix("/conflicted") {
                return json(409, #"{"kind":"Status","code":409,"reason":"Conflict","message":"modified"}"#)
            }
            if request.queryValue("watch") == "true" {
                return json(410, #"{"kind":"Status","code":410,"reason":"Expired","message":"too old"}"#)
            }
            if index == 0 { return json(429, #"{"kind":"Status","code":429}"#, headers: ["Retry-After": "1"]) }
            let token = request.queryValue("continue") ?? ""
            let next = token.isEmpty ? "second" : ""
            let name = token.isEmpty ? "a" : "b"
            return json(
                200,
                #"{"metadata":{"resourceVersion":"5","continue":"\#(next)"},"items":[{"metadata":{"name":"\#(name)"}}]}"#
            )
        }
        defer { Task { await server.server.shutdown() } }
        let sleeps = SleepRecorder()
        let client = KubeClient(
            configuration: ClientConfiguration(server: server.url),
            options: KubeClientOptions(),
            transport: nil,
            sleeper: sleeps.sleeper
        )
        let pods = try await client.listAll(Pod.self, namespace: "ml", pageSize: 1)
        #expect(pods.items.compactMap(\.metadata.name) == ["a", "b"])
        #expect(sleeps.recorded == [1])

        let conflict = try await #require(throws: KubeClientError.self) {
            try await client.update(Deployment(metadata: ObjectMeta(name: "conflicted", namespace: "ml")))
        }
        #expect(conflict.code == 409)
        let gone = try await #require(throws: KubeClientError.self) {
            _ = try await client.watch(Pod.self, namespace: "ml", options: WatchOptions(resourceVersion: "1"))
        }
        guard case .gone = gone else {
            Issue.record("expected gone, got \(gone)")
            return
        }
        await client.shutdown()
    }
}
