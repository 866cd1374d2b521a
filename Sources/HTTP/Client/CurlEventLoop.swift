internal import CCurl
import Foundation
import Synchronization

/// libcurl's process-wide initialisation, run once on first use.
enum CurlGlobal {
    /// Whether `curl_global_init` succeeded; evaluated once, thread-safely, by Swift's lazy globals.
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}

/// One thread that owns a libcurl multi handle and drives every transfer of one ``HTTPClient``.
///
/// Other tasks hand transfers in (and ask for cancellations) through a `Mutex`-protected inbox and
/// wake the thread with `curl_multi_wakeup`. The thread adds and removes easy handles, runs
/// `curl_multi_perform`, reads completions, fails streams that have been idle too long, and sleeps in
/// `curl_multi_poll`. Callbacks run on this thread and only resume continuations or yield into
/// streams, so no Swift task ever runs here.
final class CurlEventLoop: @unchecked Sendable {  // `multi` and `active`: loop thread only; inbox: Mutex.
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var cancelled: [CurlTransfer] = []
        var isStopping = false
        var exitsWhenIdle = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var nextIdleCheck: ContinuousClock.Instant?
    private let connectionCount = Atomic<Int>(0)

    /// How many connections the loop's transfers have opened so far (reused ones are not counted).
    var openedConnections: Int { connectionCount.load(ordering: .relaxed) }

    /// Creates the multi handle and starts the thread.
    ///
    /// - Throws: ``HTTPError/unsupported(_:)`` when libcurl cannot be initialised.
    init() throws {
        _ = SignalSetup.ignoresBrokenPipes
        guard CurlGlobal.isInitialized, let multi = curl_multi_init() else {
            throw HTTPError.unsupported("libcurl could not be initialised")
        }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        // Many watches share one HTTP/2 connection; the server's own limit still applies.
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_CONCURRENT_STREAMS, 1000)
        let thread = Thread { [self] in run() }
        thread.name = "poolpilot-curl"
        thread.start()
    }

    deinit {
        curl_multi_cleanup(multi)
    }

    /// Hands a transfer to the loop; `false` once the loop is stopping.
    func submit(_ transfer: CurlTransfer) -> Bool {
        let isAccepted = inbox.withLock { inbox in
            guard !inbox.isStopping else { return false }
            inbox.submitted.append(transfer)
            return true
        }
        if isAccepted { curl_multi_wakeup(multi) }
        return isAccepted
    }

    /// Aborts a transfer: its handle leaves the multi handle and its waiter gets ``HTTPError/cancelled``.
    func cancel(_ transfer: CurlTransfer) {
        guard transfer.markCancelled() else { return }
        inbox.withLock { $0.cancelled.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Aborts every transfer and ends the thread.
    func stop() {
        inbox.withLock { $0.isStopping = true }
        curl_multi_wakeup(multi)
    }

    /// Ends the thread once no transfer is left, without aborting any: for a client that was released
    /// while streams it started are still being read.
    func stopWhenIdle() {
        inbox.withLock { $0.exitsWhenIdle = true }
        curl_multi_wakeup(multi)
    }

    // MARK: - Loop thread

    private func run() {
        while true {
            let (submitted, cancelled, isStopping, exitsWhenIdle) = inbox.withLock { inbox in
                defer {
                    inbox.submitted.removeAll()
                    inbox.cancelled.removeAll()
                }
                return (inbox.submitted, inbox.cancelled, inbox.isStopping, inbox.exitsWhenIdle)
            }
            for transfer in submitted { add(transfer) }
            for transfer in cancelled { remove(transfer, failing: .cancelled) }
            if isStopping {
                for transfer in active.values { remove(transfer, failing: .cancelled) }
                return
            }
            if exitsWhenIdle && active.isEmpty { return }

            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            readCompletions()
            failIdleStreams()
            _ = curl_multi_poll(multi, nil, 0, pollTimeoutMilliseconds(), nil)
        }
    }

    private func add(_ transfer: CurlTransfer) {
        guard !transfer.isCancelled else {
            transfer.fail(.cancelled)
            return
        }
        guard curl_multi_add_handle(multi, transfer.easy) == CURLM_OK else {
            transfer.fail(.transport(url: transfer.url, code: -1, reason: "cannot add the transfer to the event loop"))
            return
        }
        active[transfer.easy] = transfer
        if let idle = transfer.idleTimeout {
            let due = ContinuousClock.now + .seconds(idle)
            nextIdleCheck = min(nextIdleCheck ?? due, due)
        }
    }

    private func remove(_ transfer: CurlTransfer, failing error: HTTPError) {
        guard active.removeValue(forKey: transfer.easy) != nil else { return }
        countConnections(of: transfer.easy)
        curl_multi_remove_handle(multi, transfer.easy)
        transfer.fail(error)
    }

    private func readCompletions() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active.removeValue(forKey: easy)
            else { continue }
            let code = message.pointee.data.result
            countConnections(of: easy)
            curl_multi_remove_handle(multi, easy)
            transfer.completed(code)
        }
    }

    private func countConnections(of easy: UnsafeMutableRawPointer) {
        var opened = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &opened)
        connectionCount.add(opened, ordering: .relaxed)
    }

    /// Fails streams that received nothing for their idle timeout; runs only when one may be due.
    private func failIdleStreams() {
        let now = ContinuousClock.now
        guard let due = nextIdleCheck, due <= now else { return }
        nextIdleCheck = nil
        for transfer in Array(active.values) {
            guard let idle = transfer.idleTimeout else { continue }
            let deadline = transfer.lastActivity + .seconds(idle)
            if deadline <= now {
                remove(transfer, failing: .timedOut(url: transfer.url, which: "idle", seconds: idle))
            } else {
                nextIdleCheck = min(nextIdleCheck ?? deadline, deadline)
            }
        }
    }

    private func pollTimeoutMilliseconds() -> Int32 {
        guard let due = nextIdleCheck else { return 1000 }
        let remaining = ContinuousClock.now.duration(to: due)
        let milliseconds =
            remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: min(1000, max(0, milliseconds + 1)))
    }
}
