/// A small HTTP/1.1 server on POSIX sockets.
///
/// Interface contract for the other modules; the socket engine replaces these bodies.
public final class HTTPServer: Sendable {
    /// The handler every request goes to.
    public typealias Handler = @Sendable (HTTPServerRequest) async -> HTTPServerResponse

    /// The settings this server was created with.
    public let configuration: HTTPServerConfiguration
    private let handler: Handler

    /// Creates a server; it listens only after ``start()``.
    public init(configuration: HTTPServerConfiguration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Binds and starts accepting connections; returns the bound port.
    ///
    /// - Throws: ``HTTPError/bindFailed(address:reason:)`` when the address is in use or not allowed.
    public func start() async throws -> Int {
        throw HTTPError.unsupported("http server engine is not built yet")
    }

    /// Stops accepting, lets in-flight requests finish until `deadline` seconds pass, then closes everything.
    public func shutdown(deadline: Double = 5) async {}
}
