internal import CSystem
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What a task waits for on a socket.
enum Interest: Sendable {
    /// Bytes to read, or the end of the stream.
    case read
    /// Room in the send buffer.
    case write
    /// The peer closed its side (or the socket failed); used to notice clients that leave a stream.
    case hangup
}

/// A socket as registered with the poller: its descriptor plus a token that changes when the number is reused.
struct PolledSocket: Hashable, Sendable {
    var fd: Int32
    var token: UInt64
}

/// How a wait on a socket ended.
enum Readiness: Sendable {
    /// The socket is ready for what was asked.
    case ready
    /// The wait was cut short: shutdown, cancellation, or the socket is being closed.
    case interrupted
    /// The wait's deadline passed first.
    case timedOut
}

/// One epoll instance driven by one dedicated thread; tasks await socket readiness through it.
///
/// Each registration is one-shot: a waiter is resumed once and removed, and the socket is re-armed
/// only with the interests that still have waiters. The thread blocks in `epoll_wait` and never runs
/// Swift tasks; it only resumes continuations. Deadlines (keep-alive and header timeouts) are checked
/// each time the thread wakes, and the thread sleeps no longer than the earliest deadline.
/// One poller serves every server in the process (``shared``), so a cluster with many pod
/// addresses still uses one thread.
final class Poller: Sendable {
    /// The process-wide poller, created on first use; `nil` when the kernel refused an epoll instance.
    static let shared: Poller? = try? Poller()

    private struct Waiters {
        var read: CheckedContinuation<Readiness, Never>?
        var write: CheckedContinuation<Readiness, Never>?
        var hangup: CheckedContinuation<Readiness, Never>?
        var isRegistered = false
        var isInterrupted = false
        var token: UInt64 = 0

        var mask: UInt32 {
            var mask: UInt32 = 0
            if read != nil { mask |= csystem_epollin | csystem_epollrdhup }
            if write != nil { mask |= csystem_epollout }
            if hangup != nil { mask |= csystem_epollrdhup }
            return mask
        }
    }

    private struct State {
        var sockets: [Int32: Waiters] = [:]
        /// Deadlines of read waits that have one (idle keep-alive connections, slow request heads).
        var deadlines: [Int32: ContinuousClock.Instant] = [:]
        var nextToken: UInt64 = 1
    }

    private let epollFD: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let state = Mutex(State())

    /// Creates the epoll instance and starts its thread.
    ///
    /// - Throws: ``HTTPError/bindFailed(address:reason:)`` when the kernel refuses an epoll instance or pipe.
    init() throws {
        let epollFD = epoll_create1(Int32(O_CLOEXEC))
        guard epollFD >= 0 else { throw HTTPError.bindFailed(address: "epoll", reason: errnoDescription()) }
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            close(epollFD)
            throw HTTPError.bindFailed(address: "epoll", reason: errnoDescription())
        }
        for fd in pipeFDs { Socket.makeNonBlocking(fd) }
        self.epollFD = epollFD
        self.wakeRead = pipeFDs[0]
        self.wakeWrite = pipeFDs[1]

        var event = epoll_event()
        event.events = csystem_epollin
        event.data.fd = wakeRead
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeRead, &event)

        let thread = Thread { [self] in self.run() }
        thread.start()
    }

    /// Waits until `fd` is ready for `interest`, the optional deadline passes, or the wait is interrupted.
    func wait(_ fd: Int32, for interest: Interest, deadline: ContinuousClock.Instant? = nil) async -> Readiness {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Readiness, Never>) in
                let immediate: Readiness? = state.withLock { state in
                    var waiters = state.sockets[fd] ?? Waiters()
                    if waiters.isInterrupted || Task.isCancelled { return .interrupted }
                    switch interest {
                    case .read:
                        waiters.read = continuation
                        state.deadlines[fd] = deadline
                    case .write: waiters.write = continuation
                    case .hangup: waiters.hangup = continuation
                    }
                    arm(fd, &waiters)
                    state.sockets[fd] = waiters
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                } else if deadline != nil {
                    wake()
                }
            }
        } onCancel: {
            cancelWait(fd, for: interest)
        }
    }

    /// Resumes the waiter for one interest with ``Readiness/interrupted`` because its task was cancelled.
    private func cancelWait(_ fd: Int32, for interest: Interest) {
        let taken: CheckedContinuation<Readiness, Never>? = state.withLock { state in
            guard var waiters = state.sockets[fd] else { return nil }
            let taken: CheckedContinuation<Readiness, Never>?
            switch interest {
            case .read:
                taken = waiters.read
                waiters.read = nil
                state.deadlines[fd] = nil
            case .write:
                taken = waiters.write
                waiters.write = nil
            case .hangup:
                taken = waiters.hangup
                waiters.hangup = nil
            }
            state.sockets[fd] = waiters
            return taken
        }
        taken?.resume(returning: .interrupted)
    }

    /// Starts tracking a new socket; the token lets ``interrupt(_:)`` ignore a later socket with the same number.
    func register(_ fd: Int32) -> PolledSocket {
        state.withLock { state in
            let token = state.nextToken
            state.nextToken += 1
            state.sockets[fd] = Waiters(token: token)
            state.deadlines[fd] = nil
            return PolledSocket(fd: fd, token: token)
        }
    }

    /// Resumes every waiter on the socket with ``Readiness/interrupted``, and makes later waits return at once.
    ///
    /// Lasts until ``forget(_:)``. Does nothing when the socket was already forgotten, since its number
    /// may belong to a new connection by now.
    func interrupt(_ socket: PolledSocket) {
        let fd = socket.fd
        let resumed: [CheckedContinuation<Readiness, Never>] = state.withLock { state in
            guard var waiters = state.sockets[fd], waiters.token == socket.token else { return [] }
            waiters.isInterrupted = true
            let taken = [waiters.read, waiters.write, waiters.hangup].compactMap { $0 }
            waiters.read = nil
            waiters.write = nil
            waiters.hangup = nil
            state.sockets[fd] = waiters
            state.deadlines[fd] = nil
            return taken
        }
        for continuation in resumed { continuation.resume(returning: .interrupted) }
    }

    /// Removes `fd` from the epoll set; call before closing the socket so its number can be reused.
    func forget(_ fd: Int32) {
        let resumed: [CheckedContinuation<Readiness, Never>] = state.withLock { state in
            state.deadlines[fd] = nil
            guard let waiters = state.sockets.removeValue(forKey: fd) else { return [] }
            if waiters.isRegistered { epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil) }
            return [waiters.read, waiters.write, waiters.hangup].compactMap { $0 }
        }
        for continuation in resumed { continuation.resume(returning: .interrupted) }
    }

    // MARK: - Event thread

    private func arm(_ fd: Int32, _ waiters: inout Waiters) {
        var event = epoll_event()
        event.events = waiters.mask | csystem_epolloneshot
        event.data.fd = fd
        if waiters.isRegistered {
            epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
        } else {
            epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
            waiters.isRegistered = true
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let timeout = millisecondsUntilNextDeadline()
            let count = epoll_wait(epollFD, &events, Int32(events.count), timeout)
            if count < 0 && errno != EINTR { break }

            var resumed: [(CheckedContinuation<Readiness, Never>, Readiness)] = []
            state.withLock { state in
                for index in 0..<max(0, Int(count)) {
                    let fd = events[index].data.fd
                    if fd == wakeRead {
                        drainWakePipe()
                        continue
                    }
                    dispatch(fd, events: events[index].events, state: &state, into: &resumed)
                }
                expireDeadlines(state: &state, into: &resumed)
            }
            for (continuation, readiness) in resumed { continuation.resume(returning: readiness) }
        }
    }

    private func dispatch(
        _ fd: Int32,
        events: UInt32,
        state: inout State,
        into resumed: inout [(CheckedContinuation<Readiness, Never>, Readiness)]
    ) {
        guard var waiters = state.sockets[fd] else { return }
        let failed = events & (csystem_epollhup | csystem_epollerr) != 0
        if let read = waiters.read, failed || events & (csystem_epollin | csystem_epollrdhup) != 0 {
            resumed.append((read, .ready))
            waiters.read = nil
            state.deadlines[fd] = nil
        }
        if let write = waiters.write, failed || events & csystem_epollout != 0 {
            resumed.append((write, .ready))
            waiters.write = nil
        }
        if let hangup = waiters.hangup, failed || events & csystem_epollrdhup != 0 {
            resumed.append((hangup, .ready))
            waiters.hangup = nil
        }
        if waiters.mask != 0 { arm(fd, &waiters) }
        state.sockets[fd] = waiters
    }

    private func expireDeadlines(
        state: inout State,
        into resumed: inout [(CheckedContinuation<Readiness, Never>, Readiness)]
    ) {
        let now = ContinuousClock.now
        for (fd, deadline) in state.deadlines where deadline <= now {
            state.deadlines[fd] = nil
            guard var waiters = state.sockets[fd], let read = waiters.read else { continue }
            waiters.read = nil
            resumed.append((read, .timedOut))
            if waiters.mask != 0 { arm(fd, &waiters) }
            state.sockets[fd] = waiters
        }
    }

    private func millisecondsUntilNextDeadline() -> Int32 {
        let earliest = state.withLock { state in state.deadlines.values.min() }
        guard let earliest else { return -1 }
        let remaining = ContinuousClock.now.duration(to: earliest)
        let milliseconds =
            remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds + 1))
    }

    private func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}

/// Process-wide signal set-up for socket code.
enum SignalSetup {
    /// Ignores SIGPIPE once, so a write to a closed connection fails with EPIPE instead of ending the process.
    static let ignoresBrokenPipes: Bool = {
        csystem_ignore_sigpipe()
        return true
    }()
}

/// The current `errno` as text.
func errnoDescription(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
