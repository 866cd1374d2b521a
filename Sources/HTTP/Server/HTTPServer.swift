import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets, with optional TLS.
///
/// Every server in the process shares one epoll thread; each connection is a Swift task that awaits
/// socket readiness, so hundreds of long-lived watch streams cost tasks, not threads. Connections are
/// kept alive between requests (``HTTPServerConfiguration/keepAliveTimeout``), request bodies may use
/// Content-Length or chunked framing, and limits answer 413 or 431. A ``HTTPServerResponse/Body/stream(_:)``
/// body is sent chunked with each element written at once; when the client disconnects the stream's
/// iteration is cancelled, so a producer that sets `onTermination` learns it can stop.
///
/// ```swift
/// let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.1.7")) { request in
///     HTTPServerResponse(status: 200, body: .bytes(Array("ok\n".utf8)))
/// }
/// let port = try await server.start()
/// // ...
/// await server.shutdown(deadline: 5)
/// ```
public final class HTTPServer: Sendable {
    /// The handler every request goes to.
    public typealias Handler = @Sendable (HTTPServerRequest) async -> HTTPServerResponse

    /// The settings this server was created with.
    public let configuration: HTTPServerConfiguration
    private let handler: Handler
    private let registry = ConnectionRegistry()
    private let state = Mutex(State())

    private struct State {
        var listener: PolledSocket?
        var acceptTask: Task<Void, Never>?
        var port: Int?
    }

    /// Creates a server; it listens only after ``start()``.
    public init(configuration: HTTPServerConfiguration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The bound port once started, else `nil`.
    public var port: Int? { state.withLock { $0.port } }

    /// Binds and starts accepting connections; returns the bound port.
    ///
    /// - Throws: ``HTTPError/bindFailed(address:reason:)`` when the address is in use or not allowed,
    ///   or the server was already started; ``HTTPError/tls(_:)`` when the TLS material does not load.
    public func start() async throws -> Int {
        _ = SignalSetup.ignoresBrokenPipes
        guard let poller = Poller.shared else {
            throw HTTPError.bindFailed(address: configuration.host, reason: "no epoll instance")
        }
        let makeTransport = try transportFactory(poller: poller)
        let (listener, port) = try Socket.listen(host: configuration.host, port: configuration.port)

        let isFresh = state.withLock { state in
            guard state.listener == nil, !registry.isShuttingDown else { return false }
            state.listener = poller.register(listener)
            state.port = port
            return true
        }
        guard isFresh else {
            close(listener)
            throw HTTPError.bindFailed(address: "\(configuration.host):\(port)", reason: "server already started")
        }

        let task = Task { await acceptLoop(listener: listener, poller: poller, makeTransport: makeTransport) }
        state.withLock { $0.acceptTask = task }
        return port
    }

    /// Stops accepting, lets in-flight requests finish until `deadline` seconds pass, then closes everything.
    ///
    /// Idle keep-alive connections close at once. Open streamed responses end at once with their
    /// terminating chunk (a watch client sees a clean end and re-watches elsewhere), and their
    /// producers see cancellation. Requests whose handler is still running get until the deadline;
    /// after it their sockets are closed and their tasks cancelled, and this call returns once those
    /// handlers return.
    public func shutdown(deadline: Double = 5) async {
        let interruptNow = registry.beginShutdown()
        let (listener, task) = state.withLock { ($0.listener, $0.acceptTask) }
        guard let poller = Poller.shared, let listener, let task else { return }
        poller.interrupt(listener)
        for fd in interruptNow { poller.interrupt(fd) }

        let registry = self.registry
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await task.value }
            group.addTask {
                guard (try? await Task.sleep(for: .seconds(max(0, deadline)))) != nil else { return }
                for fd in registry.all() { poller.interrupt(fd) }
                task.cancel()
            }
            _ = await group.next()
            group.cancelAll()
        }
        await task.value
    }

    // MARK: - Accepting

    private func acceptLoop(
        listener: Int32,
        poller: Poller,
        makeTransport: @escaping @Sendable (Int32) -> any ServerTransport
    ) async {
        let registry = self.registry
        let configuration = self.configuration
        let handler = self.handler
        await withDiscardingTaskGroup { group in
            accepting: while true {
                switch Socket.accept(listener) {
                case .accepted(let fd, let peer):
                    guard registry.add(poller.register(fd)) else {
                        poller.forget(fd)
                        close(fd)
                        continue
                    }
                    let connection = ServerConnection(
                        transport: makeTransport(fd),
                        remoteAddress: peer,
                        poller: poller,
                        registry: registry,
                        configuration: configuration,
                        handler: handler
                    )
                    group.addTask { await connection.run() }
                case .wouldBlock:
                    if await poller.wait(listener, for: .read) != .ready { break accepting }
                case .failed:
                    // Out of descriptors or memory: back off briefly instead of spinning on a ready listener.
                    if (try? await Task.sleep(for: .milliseconds(20))) == nil { break accepting }
                }
            }
            poller.forget(listener)
            close(listener)
        }
    }

    private func transportFactory(poller: Poller) throws -> @Sendable (Int32) -> any ServerTransport {
        guard let tls = configuration.tls else { return { fd in PlainTransport(fd: fd, poller: poller) } }
        let context = try TLSServerContext(tls)
        return { fd in TLSTransport(fd: fd, poller: poller, context: context) }
    }
}
