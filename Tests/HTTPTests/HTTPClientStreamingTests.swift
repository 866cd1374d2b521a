import HTTP
import Testing

@Suite struct HTTPClientStreamingTests {
    @Test func `splits lines that cross chunk boundaries`() async throws {
        let (server, base) = try await startServer { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            for piece in [#"{"type":"ADDED","n":"#, "1}\n{\"type\":\"MOD", #"IFIED","n":2}"#, "\n", #"{"n":3}"#] {
                producer.yield(Array(piece.utf8))
            }
            producer.finish()
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let response = try await HTTPClient().stream(HTTPRequest(url: "\(base)/watch"))
        #expect(response.status == 200)
        #expect(response.headers["Transfer-Encoding"] == "chunked")
        var lines: [String] = []
        for try await line in response.lines { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == [#"{"type":"ADDED","n":1}"#, #"{"type":"MODIFIED","n":2}"#, #"{"n":3}"#])
        await server.shutdown(deadline: 1)
    }

    @Test func `aborts the transfer when the consuming task is cancelled`() async throws {
        let serverSawDisconnect = Signal()
        let firstLineRead = Signal()
        let (server, base) = try await startServer { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.onTermination = { _ in serverSawDisconnect.fire() }
            producer.yield(Array("first\n".utf8))
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let client = HTTPClient()
        let consumer = Task {
            let response = try await client.stream(HTTPRequest(url: "\(base)/watch"))
            var count = 0
            for try await _ in response.lines {
                count += 1
                firstLineRead.fire()
            }
            return count
        }
        await firstLineRead.wait()
        consumer.cancel()
        await serverSawDisconnect.wait()
        let linesRead = try? await consumer.value
        #expect(linesRead == nil || linesRead == 1)
        await server.shutdown(deadline: 1)
    }

    @Test func `aborts the transfer when the body is dropped unread`() async throws {
        let serverSawDisconnect = Signal()
        let (server, base) = try await startServer { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.onTermination = { _ in serverSawDisconnect.fire() }
            producer.yield(Array("first\n".utf8))
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let client = HTTPClient()
        do {
            let response = try await client.stream(HTTPRequest(url: "\(base)/watch"))
            #expect(response.status == 200)
        }
        await serverSawDisconnect.wait()
        await server.shutdown(deadline: 1)
    }

    @Test func `fails a stream that stays idle past the idle timeout`() async throws {
        let (server, base) = try await startServer { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("only\n".utf8))
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let client = HTTPClient(configuration: HTTPClientConfiguration(idleStreamTimeout: 0.3))
        // On a loaded machine the timeout may even fire before the head arrives; either way it is "idle".
        await #expect {
            let response = try await client.stream(HTTPRequest(url: "\(base)/watch"))
            for try await _ in response.lines {}
        } throws: { error in
            guard case HTTPError.timedOut(_, let which, let seconds) = error else { return false }
            return which == "idle" && seconds == 0.3
        }
        await server.shutdown(deadline: 1)
    }

    @Test func `carries two hundred concurrent streams`() async throws {
        let broadcast = Broadcast()
        let (server, base) = try await startServer { request in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("hello \(request.path)\n".utf8))
            await broadcast.add(producer)
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let client = HTTPClient()
        let count = 200
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
        #expect(results.count == count)
        #expect(Set(results.map { $0.first ?? "" }) == Set((0..<count).map { "hello /\($0)" }))
        #expect(results.allSatisfy { $0.count == 1 })
        await server.shutdown(deadline: 1)
    }
}
