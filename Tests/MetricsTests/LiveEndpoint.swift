import Foundation
import HTTP
import Testing

/// A loopback metrics endpoint served by `HTTP.HTTPServer` for scraping tests.
final class LiveEndpoint: Sendable {
    let server: HTTPServer
    let port: Int

    /// Starts a server on 127.0.0.1 with a free port; cancels the test when the HTTP server engine
    /// is not built yet (it lands separately from this module).
    init(handler: @escaping HTTPServer.Handler) async throws {
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), handler: handler)
        do {
            port = try await server.start()
        } catch HTTPError.unsupported(let what) {
            try Test.cancel("needs the HTTP server engine: \(what)")
        }
    }

    /// Serves a fixed page with a Content-Type.
    convenience init(page: [UInt8], contentType: String) async throws {
        try await self.init { _ in
            HTTPServerResponse(status: 200, headers: ["Content-Type": contentType], body: .bytes(page))
        }
    }

    /// Cancels the test when the HTTP client engine is not built yet.
    static func requireClientEngine(_ client: HTTPClient, port: Int) async throws {
        do {
            _ = try await client.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/", timeout: 60))
        } catch HTTPError.unsupported(let what) {
            try Test.cancel("needs the HTTP client engine: \(what)")
        }
    }

    func stop() async {
        await server.shutdown(deadline: 1)
    }
}
