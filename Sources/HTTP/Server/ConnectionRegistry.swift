import Synchronization

/// What an open connection is doing, so shutdown knows which ones it may interrupt at once.
enum ConnectionPhase: Sendable {
    /// Waiting for the next request; safe to close.
    case idle
    /// Reading a request, running the handler, or writing a response; left to finish.
    case busy
    /// Sending a streamed body that may never end on its own; ended at shutdown.
    case streaming
}

/// The server's open connections and whether it is shutting down.
final class ConnectionRegistry: Sendable {
    private struct State {
        var phases: [Int32: ConnectionPhase] = [:]
        var sockets: [Int32: PolledSocket] = [:]
        var isShuttingDown = false
    }

    private let state = Mutex(State())

    /// Whether ``beginShutdown()`` has been called.
    var isShuttingDown: Bool { state.withLock { $0.isShuttingDown } }

    /// The number of open connections.
    var count: Int { state.withLock { $0.phases.count } }

    /// Records a new connection as busy; `false` when the server is shutting down and it must be closed.
    func add(_ socket: PolledSocket) -> Bool {
        state.withLock { state in
            guard !state.isShuttingDown else { return false }
            state.phases[socket.fd] = .busy
            state.sockets[socket.fd] = socket
            return true
        }
    }

    /// Moves a connection to `phase`; `false` when shutdown has begun and the phase is idle or streaming,
    /// which the connection must then end instead of entering.
    func enter(_ fd: Int32, _ phase: ConnectionPhase) -> Bool {
        state.withLock { state in
            if state.isShuttingDown && phase != .busy { return false }
            state.phases[fd] = phase
            return true
        }
    }

    /// Forgets a closed connection.
    func remove(_ fd: Int32) {
        state.withLock { state in
            state.phases[fd] = nil
            state.sockets[fd] = nil
        }
    }

    /// Marks the server as shutting down; returns the idle and streaming connections to interrupt now.
    func beginShutdown() -> [PolledSocket] {
        state.withLock { state in
            state.isShuttingDown = true
            return state.phases.filter { $0.value != .busy }.compactMap { state.sockets[$0.key] }
        }
    }

    /// Every open connection, for the forced close after the shutdown deadline.
    func all() -> [PolledSocket] {
        state.withLock { Array($0.sockets.values) }
    }
}
