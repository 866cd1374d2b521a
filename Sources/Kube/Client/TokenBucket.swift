/// A client-side token bucket: on average `qps` requests a second, with bursts of up to `burst`.
///
/// Callers that find the bucket empty reserve a future token and sleep until it is due, so waiters
/// are served in arrival order. A `qps` of zero or less turns limiting off.
actor TokenBucket {
    private let qps: Double
    private let burst: Double
    private let clock: ContinuousClock
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    init(qps: Double, burst: Int, clock: ContinuousClock = ContinuousClock()) {
        self.qps = qps
        self.burst = Double(max(1, burst))
        self.clock = clock
        self.tokens = Double(max(1, burst))
        self.updated = clock.now
    }

    /// Takes one token, sleeping until one is available.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    func acquire() async throws {
        guard qps > 0 else { return }
        let now = clock.now
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(burst, tokens + seconds * qps)
        updated = now
        tokens -= 1
        guard tokens < 0 else { return }
        let wait = -tokens / qps
        try await Task.sleep(for: .seconds(wait), clock: clock)
    }
}
