import Foundation
import HTTP
import Testing

@testable import Kube

@Suite struct WatchStreamTests {
    static func line(_ type: String, _ name: String, resourceVersion: String) -> String {
        #"{"type":"\#(type)","object":"# + deploymentJSON(name, resourceVersion: resourceVersion) + "}\n"
    }

    @Test func `decodes events split across arbitrary chunk boundaries`() async throws {
        let text =
            Self.line("ADDED", "a", resourceVersion: "1") + Self.line("MODIFIED", "a", resourceVersion: "2")
            + #"{"type":"BOOKMARK","object":{"kind":"Deployment","metadata":{"resourceVersion":"3"}}}"# + "\n"
            + Self.line("DELETED", "a", resourceVersion: "4").dropLast()
        let bytes = Array(text.utf8)
        // One byte per chunk, then uneven slices: every line crosses several chunks.
        for chunkSize in [1, 7, 100] {
            let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map {
                Array(bytes[$0..<min($0 + chunkSize, bytes.count)])
            }
            let transport = FakeTransport { _, _ in FakeReply(status: 200, chunks: chunks) }
            let client = KubeClient.testing(transport)
            var types: [String] = []
            var versions: [String] = []
            for try await event in try await client.watch(Deployment.self, namespace: "ml") {
                types.append(event.type)
                if case .bookmark(let version) = event { versions.append(version) }
                if let object = event.object { versions.append(object.metadata.resourceVersion ?? "") }
            }
            #expect(types == ["ADDED", "MODIFIED", "BOOKMARK", "DELETED"])
            #expect(versions == ["1", "2", "3", "4"])
        }
    }

    @Test func `sends the watch query`() async throws {
        let transport = FakeTransport { _, _ in FakeReply(status: 200) }
        let client = KubeClient.testing(transport)
        let options = WatchOptions(resourceVersion: "42", fieldSelector: "metadata.name=web", timeoutSeconds: 60)
        for try await _ in try await client.watch(Deployment.self, namespace: "ml", options: options) {}
        #expect(
            transport.requests[0].target
                == "/apis/apps/v1/namespaces/ml/deployments?watch=true&resourceVersion=42"
                + "&fieldSelector=metadata.name%3Dweb&allowWatchBookmarks=true&timeoutSeconds=60"
        )
    }

    @Test func `throws gone for an expired resourceVersion in the stream`() async throws {
        let error =
            #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","#
            + #""message":"too old resource version: 1 (9)","reason":"Expired","code":410}}"# + "\n"
        let transport = FakeTransport { _, _ in
            FakeReply(status: 200, chunks: [Array((Self.line("ADDED", "a", resourceVersion: "9") + error).utf8)])
        }
        let client = KubeClient.testing(transport)
        var seen = 0
        let thrown = try await #require(throws: KubeClientError.self) {
            for try await _ in try await client.watch(Deployment.self, namespace: "ml") { seen += 1 }
        }
        #expect(seen == 1)
        guard case .gone(let verb, _, let status) = thrown else {
            Issue.record("expected gone, got \(thrown)")
            return
        }
        #expect(verb == "watch")
        #expect(status?.reason == "Expired")
    }

    @Test func `throws gone when the server refuses the watch with 410`() async throws {
        let transport = FakeTransport { _, _ in .json(410, #"{"kind":"Status","code":410,"reason":"Gone"}"#) }
        let client = KubeClient.testing(transport)
        let thrown = try await #require(throws: KubeClientError.self) {
            _ = try await client.watch(Deployment.self, namespace: "ml", options: WatchOptions(resourceVersion: "1"))
        }
        #expect(thrown.code == 410)
        #expect(transport.requests.count == 1)
    }

    @Test func `delivers other ERROR events as events`() async throws {
        let text = #"{"type":"ERROR","object":{"kind":"Status","code":500,"reason":"InternalError"}}"# + "\n"
        let transport = FakeTransport { _, _ in FakeReply(status: 200, chunks: [Array(text.utf8)]) }
        let client = KubeClient.testing(transport)
        var events: [WatchEvent<Deployment>] = []
        for try await event in try await client.watch(Deployment.self, namespace: "ml") { events.append(event) }
        #expect(events.count == 1)
        guard case .error(let status) = events.first else {
            Issue.record("expected an error event")
            return
        }
        #expect(status.reason == "InternalError")
    }

    @Test func `decodes a 1,000-event burst in order`() async throws {
        var text = ""
        for index in 1...1000 { text += Self.line("MODIFIED", "web", resourceVersion: String(index)) }
        let bytes = Array(text.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 4096).map { Array(bytes[$0..<min($0 + 4096, bytes.count)]) }
        let transport = FakeTransport { _, _ in FakeReply(status: 200, chunks: chunks) }
        let client = KubeClient.testing(transport)
        var versions: [Int] = []
        for try await event in try await client.watch(Deployment.self, namespace: "ml") {
            versions.append(Int(event.object?.metadata.resourceVersion ?? "") ?? -1)
        }
        #expect(versions == Array(1...1000))
    }

    @Test func `stops when the consuming task is cancelled mid-stream`() async throws {
        let transport = FakeTransport { _, _ in
            // A whole event, then half of the next one, and the stream stays open.
            let first = Array(Self.line("ADDED", "a", resourceVersion: "1").utf8)
            let fragment = Array(Self.line("MODIFIED", "a", resourceVersion: "2").utf8.prefix(30))
            return FakeReply(status: 200, chunks: [first, fragment], staysOpen: true)
        }
        let client = KubeClient.testing(transport)
        let (firstEvent, firstEventSeen) = AsyncStream<Void>.makeStream()
        let consumer = Task {
            var count = 0
            for try await _ in try await client.watch(Deployment.self, namespace: "ml") {
                count += 1
                firstEventSeen.yield()
            }
            return count
        }
        for await _ in firstEvent { break }
        consumer.cancel()
        let count = try await consumer.value
        #expect(count == 1)
        #expect(transport.terminations.withLock { $0 } == 1)
    }

    @Test func `accepts a bookmark without an object`() async throws {
        let (bytes, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        continuation.yield(Array("{\"type\":\"BOOKMARK\"}\n\n".utf8))
        continuation.finish()
        var events: [WatchEvent<Deployment>] = []
        for try await event in WatchStream<Deployment>(bytes: bytes) { events.append(event) }
        #expect(events == [.bookmark(resourceVersion: "")])
    }

    @Test func `rejects a malformed line with a decoding error`() async throws {
        let transport = FakeTransport { _, _ in FakeReply(status: 200, chunks: [Array("{not json\n".utf8)]) }
        let client = KubeClient.testing(transport)
        await #expect(throws: KubeClientError.self) {
            for try await _ in try await client.watch(Deployment.self, namespace: "ml") {}
        }
    }
}
