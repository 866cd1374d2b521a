/// How long a failing key waits before its next try: the larger of a per-key exponential backoff
/// and an overall token bucket, like client-go's default controller rate limiter.
///
/// Pure: time comes in as an argument. Defaults: backoff 5 ms × 2^failures capped at 1000 s, and a
/// bucket of 10 per second with a burst of 100.
public struct RateLimiter<Key: Hashable & Sendable>: Sendable {
    /// The delay after the first failure (default 5 ms).
    public var baseDelay: Duration
    /// The largest per-key delay (default 1000 s).
    public var maxDelay: Duration
    /// The overall bucket.
    public var bucket: TokenBucket
    private var failures: [Key: Int] = [:]

    /// Creates a limiter.
    public init(
        baseDelay: Duration = .milliseconds(5),
        maxDelay: Duration = .seconds(1000),
        bucket: TokenBucket = TokenBucket(ratePerSecond: 10, burst: 100)
    ) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.bucket = bucket
    }

    /// Records one more failure of `key` and returns how long it must wait.
    public mutating func delay(for key: Key, now: ContinuousClock.Instant) -> Duration {
        let count = failures[key, default: 0]
        failures[key] = count + 1
        let factor = Double(UInt64(1) << UInt64(min(count, 62)))
        let seconds = min(baseDelay / .seconds(1) * factor, maxDelay / .seconds(1))
        return max(.seconds(seconds), bucket.reserve(now: now))
    }

    /// Forgets the failures of `key`, after a success.
    public mutating func forget(_ key: Key) {
        failures[key] = nil
    }

    /// How many failures in a row `key` has.
    public func failureCount(of key: Key) -> Int {
        failures[key, default: 0]
    }
}

/// A token bucket that hands out reservations: each returns how long to wait for its token.
public struct TokenBucket: Sendable {
    /// Tokens added per second.
    public var ratePerSecond: Double
    /// The most tokens held at once.
    public var burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant?

    /// Creates a full bucket.
    public init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = Double(burst)
        self.tokens = Double(burst)
    }

    /// Takes one token (possibly going into debt) and returns the wait until that token exists.
    public mutating func reserve(now: ContinuousClock.Instant) -> Duration {
        if let updated {
            let elapsed = (now - updated) / .seconds(1)
            tokens = min(burst, tokens + max(0, elapsed) * ratePerSecond)
        }
        updated = now
        tokens -= 1
        guard tokens < 0, ratePerSecond > 0 else { return .zero }
        return .seconds(-tokens / ratePerSecond)
    }

    /// Returns one token taken by a reservation that was not used.
    public mutating func refund() {
        tokens = min(burst, tokens + 1)
    }
}
