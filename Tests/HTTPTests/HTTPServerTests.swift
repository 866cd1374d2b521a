import Foundation
import HTTP
import Testing

/// A one-shot signal a test can await, resolved from any task.
final class Signal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    func fire() { continuation.finish() }

    func wait() async { for await _ in stream {} }
}

/// A handler that describes the request it received, for round-trip checks.
@Sendable func describingHandler(_ request: HTTPServerRequest) async -> HTTPServerResponse {
    let text = "\(request.method) \(request.path) body=\(String(decoding: request.body, as: UTF8.self))\n"
    return HTTPServerResponse(status: 200, headers: ["Content-Type": "text/plain"], body: .bytes(Array(text.utf8)))
}

@Suite struct HTTPServerTests {
    @Test func `serves on a pod address with a free port`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.1.7"), handler: describingHandler)
        let port = try await server.start()
        #expect(port > 0)
        let result = try await runCurl(["http://127.0.1.7:\(port)/hello?x=1", "-d", "payload"])
        #expect(result.status == 0)
        #expect(result.output == "POST /hello body=payload\n")
        await server.shutdown(deadline: 1)
    }

    @Test func `reports an address in use`() async throws {
        let first = HTTPServer(configuration: HTTPServerConfiguration(), handler: describingHandler)
        let port = try await first.start()
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), handler: describingHandler)
        await #expect {
            _ = try await second.start()
        } throws: { error in
            guard case HTTPError.bindFailed(_, let reason) = error else { return false }
            return reason.lowercased().contains("in use")
        }
        await first.shutdown(deadline: 1)
    }

    @Test func `keeps a connection alive across requests`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(), handler: describingHandler)
        let port = try await server.start()
        let responses = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try connection.receive(through: "body=\n")
            try connection.send("GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let second = try connection.receiveUntilClosed()
            return (first, second)
        }
        #expect(responses.0.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(responses.0.contains("Content-Length: 15\r\n"))
        #expect(responses.1.contains("Connection: close\r\n"))
        #expect(responses.1.hasSuffix("GET /two body=\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `reads chunked request bodies`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(), handler: describingHandler)
        let port = try await server.start()
        let response = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
            try connection.send("4;ext=1\r\nabcd\r\n")
            try connection.send("3\r\nefg\r\n0\r\nTrailer: t\r\n\r\n")
            return try connection.receiveUntilClosed()
        }
        #expect(response.hasSuffix("PUT /c body=abcdefg\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `answers 100-continue before reading the body`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(), handler: describingHandler)
        let port = try await server.start()
        let (interim, final) = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send(
                "POST /e HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
            )
            let interim = try connection.receive(through: "\r\n\r\n")
            try connection.send("data")
            return (interim, try connection.receiveUntilClosed())
        }
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(final.hasSuffix("POST /e body=data\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `streams to HTTP/1.0 clients without chunking and then closes`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("one\n".utf8))
            producer.yield(Array("two\n".utf8))
            producer.finish()
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let port = try await server.start()
        let response = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("GET /old HTTP/1.0\r\n\r\n")
            return try connection.receiveUntilClosed()
        }
        #expect(!response.contains("Transfer-Encoding"))
        #expect(response.contains("Connection: close\r\n"))
        #expect(response.hasSuffix("\r\n\r\none\ntwo\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `rejects oversized bodies with 413 and oversized heads with 431`() async throws {
        let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 10, maxHeaderBytes: 200)
        let server = HTTPServer(configuration: configuration, handler: describingHandler)
        let port = try await server.start()
        let (tooLarge, chunkedTooLarge, headerTooLarge) = try await onThread {
            let first = try RawConnection(port: port)
            try first.send("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n")
            let second = try RawConnection(port: port)
            try second.send(
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n"
            )
            let third = try RawConnection(port: port)
            try third.send("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 300))\r\n\r\n")
            return (try first.receiveUntilClosed(), try second.receiveUntilClosed(), try third.receiveUntilClosed())
        }
        #expect(tooLarge.hasPrefix("HTTP/1.1 413 "))
        #expect(chunkedTooLarge.hasPrefix("HTTP/1.1 413 "))
        #expect(headerTooLarge.hasPrefix("HTTP/1.1 431 "))
        await server.shutdown(deadline: 1)
    }

    @Test func `answers HEAD with headers only`() async throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(), handler: describingHandler)
        let port = try await server.start()
        let response = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("HEAD /h HTTP/1.1\r\nConnection: close\r\n\r\n")
            return try connection.receiveUntilClosed()
        }
        #expect(response.contains("Content-Length: 14\r\n"))
        #expect(response.hasSuffix("\r\n\r\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `flushes each streamed element and ends the stream cleanly`() async throws {
        let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            HTTPServerResponse(status: 200, headers: ["Content-Type": "application/json"], body: .stream(events))
        }
        let port = try await server.start()
        let connection = try RawConnection(port: port)
        try connection.send("GET /watch HTTP/1.1\r\n\r\n")

        producer.yield(Array("{\"type\":\"ADDED\"}\n".utf8))
        let head = try await onThread { try connection.receive(through: "ADDED\"}\n\r\n") }
        #expect(head.contains("Transfer-Encoding: chunked\r\n"))
        #expect(head.hasSuffix("11\r\n{\"type\":\"ADDED\"}\n\r\n"))

        producer.yield(Array("{\"type\":\"DELETED\"}\n".utf8))
        producer.finish()
        let rest = try await onThread { try connection.receive(through: "0\r\n\r\n") }
        #expect(rest == "13\r\n{\"type\":\"DELETED\"}\n\r\n0\r\n\r\n")

        // The connection stays usable after the stream.
        try connection.send("GET /again HTTP/1.1\r\nConnection: close\r\n\r\n")
        let again = try await onThread { try connection.receiveUntilClosed() }
        #expect(again.hasPrefix("HTTP/1.1 200 OK"))
        await server.shutdown(deadline: 1)
    }

    @Test func `stops the producer when a streaming client disconnects`() async throws {
        let terminated = Signal()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.onTermination = { _ in terminated.fire() }
            producer.yield(Array("first\n".utf8))
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let port = try await server.start()
        try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("GET /watch HTTP/1.1\r\n\r\n")
            _ = try connection.receive(through: "first\n")
        }
        await terminated.wait()
        await server.shutdown(deadline: 1)
    }

    @Test func `shuts down gracefully`() async throws {
        let handlerStarted = Signal()
        let release = Signal()
        let streamTerminated = Signal()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { request in
            if request.path == "/slow" {
                handlerStarted.fire()
                await release.wait()
                return HTTPServerResponse(status: 200, body: .bytes(Array("done".utf8)))
            }
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.onTermination = { _ in streamTerminated.fire() }
            producer.yield(Array("event\n".utf8))
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let port = try await server.start()
        let streaming = try RawConnection(port: port)
        try streaming.send("GET /watch HTTP/1.1\r\n\r\n")
        _ = try await onThread { try streaming.receive(through: "event\n\r\n") }
        let slow = try RawConnection(port: port)
        try slow.send("GET /slow HTTP/1.1\r\n\r\n")
        await handlerStarted.wait()

        // Shutdown ends the stream at once, refuses new connections, and waits for the slow handler.
        async let stopped: Void = server.shutdown(deadline: 30)
        let streamEnd = try await onThread { try streaming.receiveUntilClosed() }
        #expect(streamEnd == "0\r\n\r\n")
        await streamTerminated.wait()
        #expect(throws: RawConnectionError.self) { _ = try RawConnection(port: port) }
        release.fire()
        let slowResponse = try await onThread { try slow.receiveUntilClosed() }
        #expect(slowResponse.contains("Connection: close\r\n"))
        #expect(slowResponse.hasSuffix("done"))
        await stopped
    }

    @Test func `closes handlers that outlive the shutdown deadline`() async throws {
        let handlerStarted = Signal()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            handlerStarted.fire()
            try? await Task.sleep(for: .seconds(60))
            return HTTPServerResponse(status: 200)
        }
        let port = try await server.start()
        let connection = try RawConnection(port: port)
        try connection.send("GET / HTTP/1.1\r\n\r\n")
        await handlerStarted.wait()
        await server.shutdown(deadline: 0.2)
        let rest = try await onThread { try connection.receiveUntilClosed() }
        #expect(rest.isEmpty)
    }

    @Test func `closes idle keep-alive connections after the timeout`() async throws {
        let configuration = HTTPServerConfiguration(keepAliveTimeout: 0.2)
        let server = HTTPServer(configuration: configuration, handler: describingHandler)
        let port = try await server.start()
        let rest = try await onThread {
            let connection = try RawConnection(port: port)
            try connection.send("GET /idle HTTP/1.1\r\n\r\n")
            return try connection.receiveUntilClosed()
        }
        #expect(rest.hasSuffix("GET /idle body=\n"))
        await server.shutdown(deadline: 1)
    }

    @Test func `serves three hundred concurrent streams`() async throws {
        let broadcast = Broadcast()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { request in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("hello \(request.path)\n".utf8))
            await broadcast.add(producer)
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let port = try await server.start()
        let count = 300
        let connections = try await onThread {
            let connections = try (0..<count).map { _ in try RawConnection(port: port) }
            for (index, connection) in connections.enumerated() {
                try connection.send("GET /\(index) HTTP/1.1\r\n\r\n")
            }
            for (index, connection) in connections.enumerated() {
                _ = try connection.receive(through: "hello /\(index)\n\r\n")
            }
            return connections
        }
        await broadcast.finishAll()
        let ends = try await onThread { try connections.map { try $0.receive(through: "0\r\n\r\n") } }
        #expect(ends.allSatisfy { $0 == "0\r\n\r\n" })
        await server.shutdown(deadline: 1)
    }
}

/// Collects stream producers so a test can end them all at once.
actor Broadcast {
    private var producers: [AsyncStream<[UInt8]>.Continuation] = []

    func add(_ producer: AsyncStream<[UInt8]>.Continuation) { producers.append(producer) }

    func finishAll() {
        for producer in producers { producer.finish() }
    }
}
