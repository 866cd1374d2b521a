import Foundation
import HTTP
import Kube
import Synchronization

/// Whether the API server answers, from the outcomes of watches and reconciles.
///
/// Failures are reported as warnings, rate-limited to one every `warnInterval` seconds (the rest
/// are counted into the next warning): the first failure that shows the server cannot be reached
/// warns at once, other failures (5xx, 403) warn once they repeat. While the last request could
/// not reach the server, ``isReachable`` is false and `/readyz` answers 503; the first success
/// clears it and says so once.
public final class APIServerHealth: Sendable {
    private struct State {
        var failures = 0
        var unreported = 0
        var lastWarning: Date?
        var warned = false
        var unreachable = false
    }

    private let state = Mutex(State())
    private let warnInterval: Double
    private let clock: @Sendable () -> Date

    /// Creates a tracker; `clock` is injected so tests control time.
    public init(warnInterval: Double = 30, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.warnInterval = warnInterval
        self.clock = clock
    }

    /// Whether the last request reached the API server (true before any request).
    public var isReachable: Bool {
        state.withLock { !$0.unreachable }
    }

    /// Records a failed request; returns the warning to log now, or `nil` while rate-limited.
    public func failed(_ what: String, error: any Error) -> String? {
        let now = clock()
        let unreachable = Self.isUnreachable(error)
        return state.withLock { state in
            state.failures += 1
            state.unreported += 1
            if unreachable { state.unreachable = true }
            guard unreachable || state.failures >= 2 else { return nil }
            if let last = state.lastWarning, now.timeIntervalSince(last) < warnInterval { return nil }
            let count = state.unreported
            state.unreported = 0
            state.lastWarning = now
            state.warned = true
            let place = state.unreachable ? "the API server cannot be reached" : "API server requests keep failing"
            return "\(place) (\(count) failed request\(count == 1 ? "" : "s") since the last report): \(what): \(error)"
        }
    }

    /// Records a successful request; returns a message to log when this ends reported failures.
    public func succeeded() -> String? {
        state.withLock { state in
            defer { state = State() }
            guard state.warned else { return nil }
            return "the API server answers again after \(state.failures) failed requests"
        }
    }

    /// Whether `error` shows the API server could not be reached at all (no HTTP answer).
    public static func isUnreachable(_ error: any Error) -> Bool {
        if case .transport = error as? KubeClientError { return true }
        return error is HTTPError
    }
}
