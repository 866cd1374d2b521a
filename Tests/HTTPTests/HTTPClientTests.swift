import Foundation
import HTTP
import Synchronization
import Testing

/// A server on loopback for one test, shut down by the test.
func startServer(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    handler: @escaping HTTPServer.Handler
) async throws -> (server: HTTPServer, base: String) {
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try await server.start()
    let scheme = configuration.tls == nil ? "http" : "https"
    return (server, "\(scheme)://\(configuration.host):\(port)")
}

/// A handler that echoes the method, path, selected headers and body.
@Sendable func echoHandler(_ request: HTTPServerRequest) async -> HTTPServerResponse {
    var headers: HTTPHeaders = ["Content-Type": "text/plain"]
    headers.add("X-Method", request.method)
    headers.add("X-Content-Type", request.headers["Content-Type"] ?? "none")
    headers.add("X-Accept-Encoding", request.headers["Accept-Encoding"] ?? "none")
    headers.add("X-Custom", request.headers["X-Custom"] ?? "none")
    return HTTPServerResponse(
        status: 201,
        headers: headers,
        body: .bytes(Array("\(request.target)|".utf8) + request.body)
    )
}

@Suite struct HTTPClientTests {
    @Test(arguments: [HTTPMethod.get, .post, .put, .patch, .delete])
    func `round-trips every method with its body`(method: HTTPMethod) async throws {
        let (server, base) = try await startServer(handler: echoHandler)
        let client = HTTPClient()
        let body: [UInt8]? = method == .get ? nil : Array(#"{"spec":{"replicas":3}}"#.utf8)
        let response = try await client.execute(
            HTTPRequest(url: "\(base)/apis/x?dryRun=All", method: method, headers: ["X-Custom": "yes"], body: body)
        )
        #expect(response.status == 201)
        #expect(response.httpVersion == "1.1")
        #expect(response.headers["X-Method"] == method.rawValue)
        #expect(response.headers["X-Custom"] == "yes")
        #expect(response.headers["X-Content-Type"] == "none")
        #expect(response.body == Array("/apis/x?dryRun=All|".utf8) + (body ?? []))
        await server.shutdown(deadline: 1)
    }

    @Test func `sends a large body without waiting for 100-continue`() async throws {
        let (server, base) = try await startServer(handler: echoHandler)
        let client = HTTPClient()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 2_000_000)
        let response = try await client.execute(
            HTTPRequest(url: "\(base)/big", method: .post, headers: ["Content-Type": "application/json"], body: body)
        )
        #expect(response.body.count == body.count + "/big|".utf8.count)
        #expect(response.headers["X-Content-Type"] == "application/json")
        await server.shutdown(deadline: 1)
    }

    @Test func `answers HEAD without a body`() async throws {
        let (server, base) = try await startServer(handler: echoHandler)
        let response = try await HTTPClient().execute(HTTPRequest(url: "\(base)/h", method: .head))
        #expect(response.status == 201)
        #expect(response.headers["Content-Length"] == "3")
        #expect(response.body.isEmpty)
        await server.shutdown(deadline: 1)
    }

    @Test func `gets 413 from the server for a body over its limit`() async throws {
        let (server, base) = try await startServer(
            HTTPServerConfiguration(maxRequestBodyBytes: 100),
            handler: echoHandler
        )
        let response = try await HTTPClient().execute(
            HTTPRequest(url: "\(base)/", method: .post, body: [UInt8](repeating: 1, count: 1000))
        )
        #expect(response.status == 413)
        await server.shutdown(deadline: 1)
    }

    @Test func `decompresses gzip bodies`() async throws {
        // "hello gzip world\n", compressed with gzip -9n.
        let compressed: [UInt8] = [
            31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 72, 175, 202, 44, 80, 40, 207, 47, 202, 73,
            225, 2, 0, 62, 86, 0, 232, 17, 0, 0, 0,
        ]
        let (server, base) = try await startServer { request in
            let acceptsGzip = request.headers["Accept-Encoding"]?.contains("gzip") ?? false
            guard acceptsGzip else { return HTTPServerResponse(status: 406) }
            return HTTPServerResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: .bytes(compressed))
        }
        let response = try await HTTPClient().execute(HTTPRequest(url: "\(base)/z"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello gzip world\n")
        await server.shutdown(deadline: 1)
    }

    @Test func `reports a refused connection without leaking the authorization header`() async throws {
        let (server, base) = try await startServer(handler: echoHandler)
        await server.shutdown(deadline: 1)
        let request = HTTPRequest(url: "\(base)/", headers: ["Authorization": "Bearer s3cr3t-token"])
        do {
            _ = try await HTTPClient().execute(request)
            Issue.record("expected a connection failure")
        } catch let error as HTTPError {
            guard case .connectFailed = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.isRetryable)
            #expect(!error.description.contains("s3cr3t"))
        }
    }

    @Test func `rejects URLs that are not http`() async throws {
        await #expect {
            _ = try await HTTPClient().execute(HTTPRequest(url: "file:///etc/passwd"))
        } throws: { error in
            guard case HTTPError.invalidURL = error else { return false }
            return true
        }
    }

    @Test func `times out a slow request`() async throws {
        let release = Signal()
        let (server, base) = try await startServer { _ in
            await release.wait()
            return HTTPServerResponse(status: 200)
        }
        await #expect {
            _ = try await HTTPClient().execute(HTTPRequest(url: "\(base)/slow", timeout: 0.3))
        } throws: { error in
            guard case HTTPError.timedOut(_, let which, _) = error else { return false }
            return which == "request"
        }
        release.fire()
        await server.shutdown(deadline: 1)
    }

    @Test func `cancels an in-flight request when its task is cancelled`() async throws {
        let handlerStarted = Signal()
        let release = Signal()
        let (server, base) = try await startServer { _ in
            handlerStarted.fire()
            await release.wait()
            return HTTPServerResponse(status: 200)
        }
        let client = HTTPClient()
        let task = Task { try await client.execute(HTTPRequest(url: "\(base)/slow")) }
        await handlerStarted.wait()
        task.cancel()
        await #expect {
            _ = try await task.value
        } throws: { error in
            guard case HTTPError.cancelled = error else { return false }
            return true
        }
        release.fire()
        await server.shutdown(deadline: 1)
    }

    @Test func `fails requests after shutdown`() async throws {
        let client = HTTPClient()
        client.shutdown()
        await #expect(throws: HTTPError.self) { _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:1/")) }
    }
}
