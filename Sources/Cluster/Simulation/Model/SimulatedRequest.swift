/// One inference request offered to the simulated servers.
public struct SimulatedRequest: Sendable, Equatable {
    /// A sequence number, unique within one load source.
    public var id: Int
    /// Arrival time in simulation seconds.
    public var arrival: Double
    /// Prompt tokens.
    public var inputTokens: Int
    /// Tokens to generate.
    public var outputTokens: Int

    /// Creates a request.
    public init(id: Int, arrival: Double, inputTokens: Int, outputTokens: Int) {
        self.id = id
        self.arrival = arrival
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// What happened to one request: when it waited, started, produced its first token and finished.
public struct RequestRecord: Sendable, Equatable {
    /// How a request ended.
    public enum Outcome: String, Sendable, Equatable {
        /// Every output token was produced.
        case completed
        /// No ready replica could take it (a Service with no ready endpoints refuses the connection).
        case rejected
        /// Its replica went away before it finished.
        case aborted
    }

    /// The request.
    public var request: SimulatedRequest
    /// The replica that served it, if any.
    public var replica: String?
    /// When it left the waiting queue (admitted to the batch), in simulation seconds.
    public var started: Double?
    /// When its first token was produced.
    public var firstToken: Double?
    /// When it finished or was given up.
    public var finished: Double
    /// How it ended.
    public var outcome: Outcome

    /// Creates a record.
    public init(
        request: SimulatedRequest,
        replica: String?,
        started: Double?,
        firstToken: Double?,
        finished: Double,
        outcome: Outcome
    ) {
        self.request = request
        self.replica = replica
        self.started = started
        self.firstToken = firstToken
        self.finished = finished
        self.outcome = outcome
    }

    /// Seconds spent waiting before admission, when it was admitted.
    public var queueSeconds: Double? {
        started.map { $0 - request.arrival }
    }

    /// Time to first token in seconds, when one was produced.
    public var timeToFirstToken: Double? {
        firstToken.map { $0 - request.arrival }
    }

    /// End-to-end latency in seconds of a completed request.
    public var latency: Double? {
        outcome == .completed ? finished - request.arrival : nil
    }
}
