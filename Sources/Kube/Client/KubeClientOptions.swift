/// Tuning of a ``KubeClient``: rate limits, retries, timeouts.
///
/// The defaults suit a controller: QPS 20 with bursts of 30 (what controller-runtime sets, four times
/// client-go's bare 5/10, because informers and status writes come in bursts after a resync), and up to
/// 5 retries per request with exponential backoff from 0.2 s doubling to at most 30 s, with jitter.
public struct KubeClientOptions: Sendable {
    /// Average requests per second the client sends; `0` turns the limiter off.
    ///
    /// Default: 20.
    public var qps: Double
    /// Requests that may go at once before the limiter waits.
    ///
    /// Default: 30.
    public var burst: Int
    /// How often a failed request is retried (so at most `maxRetries + 1` attempts).
    ///
    /// Default: 5.
    ///
    /// Retried: 429 for every verb (the server did not act); 5xx except 501, timeouts and broken
    /// connections for idempotent verbs (GET, PUT, DELETE); refused connections for every verb.
    /// A `Retry-After` header sets the wait (capped at ``maxRetryAfter``); otherwise backoff applies.
    public var maxRetries: Int
    /// The first backoff in seconds.
    ///
    /// Default: 0.2.
    public var initialBackoff: Double
    /// The longest backoff in seconds.
    ///
    /// Default: 30.
    public var maxBackoff: Double
    /// The longest `Retry-After` honoured, in seconds; longer values are cut to this.
    ///
    /// Default: 60.
    public var maxRetryAfter: Double
    /// Whole-request timeout in seconds for non-watch requests.
    ///
    /// Default: 60.
    public var requestTimeout: Double
    /// Connect timeout in seconds.
    ///
    /// Default: 10.
    public var connectTimeout: Double
    /// For watches: the longest silence in seconds before the stream is considered dead.
    ///
    /// Default: 330
    /// (above the default watch `timeoutSeconds` of 290).
    public var watchIdleTimeout: Double
    /// Receives one-line warnings from the HTTP layer, such as that TLS verification is off.
    ///
    /// `nil` drops them. Kube never logs by itself: pass a closure that logs at warning level.
    public var warningHandler: (@Sendable (String) -> Void)?
    /// The `User-Agent` header.
    ///
    /// Default: `poolpilot`.
    public var userAgent: String

    /// Creates options; see each property for its default.
    public init(
        qps: Double = 20,
        burst: Int = 30,
        maxRetries: Int = 5,
        initialBackoff: Double = 0.2,
        maxBackoff: Double = 30,
        maxRetryAfter: Double = 60,
        requestTimeout: Double = 60,
        connectTimeout: Double = 10,
        watchIdleTimeout: Double = 330,
        userAgent: String = "poolpilot",
        warningHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.qps = qps
        self.burst = burst
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.watchIdleTimeout = watchIdleTimeout
        self.userAgent = userAgent
        self.warningHandler = warningHandler
    }
}
