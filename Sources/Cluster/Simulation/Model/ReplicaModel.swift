/// One simulated inference server replica: a batch of running requests and a waiting queue.
///
/// A replica is a plain value advanced by simulation time: ``submit(_:)`` queues a request at its
/// arrival, ``advance(to:)`` finishes requests whose last token is due and admits waiting ones. A
/// replica that is not ready (its model still loading) takes no requests: the router skips it.
/// Parameters and formulas: ``ServerParameters``.
public struct ReplicaModel: Sendable {
    /// A request in the running batch.
    struct Running: Sendable {
        var request: SimulatedRequest
        var started: Double
        var firstToken: Double
        var finish: Double
        var secondsPerToken: Double
    }

    /// The replica's name (its pod's name).
    public let name: String
    /// The service parameters.
    public let parameters: ServerParameters
    /// Whether the model has loaded and the replica takes traffic.
    public var isReady = false
    /// Simulation time this replica has been advanced to.
    public private(set) var now: Double
    /// Counters since start.
    public private(set) var counters = ReplicaCounters()

    private var waiting: [SimulatedRequest] = []
    private var waitingHead = 0
    private var running: [Running] = []
    private var finishedRecords: [RequestRecord] = []

    /// Creates an idle, not-yet-ready replica at simulation time `now`.
    public init(name: String, parameters: ServerParameters, now: Double = 0) {
        self.name = name
        self.parameters = parameters
        self.now = now
    }

    /// Requests waiting for a batch slot.
    public var waitingCount: Int { waiting.count - waitingHead }
    /// Requests in the running batch.
    public var runningCount: Int { running.count }
    /// Running plus waiting: what the router balances on.
    public var load: Int { waitingCount + runningCount }

    /// KV-cache tokens held now: each running request's prompt plus the tokens generated so far.
    public var kvCacheTokensInUse: Int {
        running.reduce(0) { total, item in
            let generated = max(
                0,
                min(Double(item.request.outputTokens), (now - item.firstToken) / item.secondsPerToken)
            )
            return total + item.request.inputTokens + Int(generated)
        }
    }

    /// Fraction of the KV cache in use, 0...1 (vLLM `kv_cache_usage_perc`).
    public var kvCacheUsage: Double {
        min(1, Double(kvCacheTokensInUse) / Double(max(1, parameters.kvCacheTokens)))
    }

    /// GPU memory in use, bytes: the base footprint plus the KV-cache tokens held.
    public var gpuMemoryUsedBytes: Int64 {
        min(
            parameters.gpuMemoryTotalBytes,
            parameters.gpuMemoryBaseBytes + parameters.kvBytesPerToken * Int64(kvCacheTokensInUse)
        )
    }

    /// Queues a request that arrives now; advances to its arrival first.
    public mutating func submit(_ request: SimulatedRequest) {
        advance(to: request.arrival)
        waiting.append(request)
        admit(at: now)
    }

    /// Moves simulation time forward: finishes due requests in order and admits waiting ones.
    public mutating func advance(to time: Double) {
        while let next = running.indices.min(by: { running[$0].finish < running[$1].finish }),
            running[next].finish <= time
        {
            let done = running.remove(at: next)
            now = max(now, done.finish)
            complete(done)
            admit(at: now)
        }
        now = max(now, time)
        admit(at: now)
    }

    /// Gives up every running and waiting request (the pod went away); returns their records.
    public mutating func abortAll() -> [RequestRecord] {
        var records = running.map { item in
            RequestRecord(
                request: item.request,
                replica: name,
                started: item.started,
                firstToken: item.firstToken <= now ? item.firstToken : nil,
                finished: now,
                outcome: .aborted
            )
        }
        records += waiting[waitingHead...].map { request in
            RequestRecord(
                request: request,
                replica: name,
                started: nil,
                firstToken: nil,
                finished: now,
                outcome: .aborted
            )
        }
        counters.aborted += records.count
        running.removeAll()
        waiting.removeAll()
        waitingHead = 0
        return records
    }

    /// Hands over the records of requests finished since the last call.
    public mutating func takeFinishedRecords() -> [RequestRecord] {
        defer { finishedRecords.removeAll() }
        return finishedRecords
    }

    // Admits waiting requests in arrival order while a batch slot and their KV footprint are free.
    private mutating func admit(at time: Double) {
        guard isReady else { return }
        var reserved = running.reduce(0) { $0 + $1.request.inputTokens + $1.request.outputTokens }
        var admittedAny = false
        while waitingHead < waiting.count, running.count < parameters.maxConcurrency {
            let request = waiting[waitingHead]
            let footprint = request.inputTokens + request.outputTokens
            guard reserved + footprint <= parameters.kvCacheTokens || running.isEmpty else { break }
            waitingHead += 1
            reserved += footprint
            admittedAny = true

            let perToken = parameters.decodeSecondsPerToken(running: running.count + 1)
            let firstToken = time + parameters.prefillSeconds(inputTokens: request.inputTokens)
            let finish = firstToken + perToken * Double(max(0, request.outputTokens - 1))
            running.append(
                Running(
                    request: request,
                    started: time,
                    firstToken: firstToken,
                    finish: finish,
                    secondsPerToken: perToken
                )
            )
            counters.promptTokens += request.inputTokens
        }
        if admittedAny { counters.executions += 1 }
        compactWaitingQueue()
    }

    private mutating func complete(_ item: Running) {
        let record = RequestRecord(
            request: item.request,
            replica: name,
            started: item.started,
            firstToken: item.firstToken,
            finished: item.finish,
            outcome: .completed
        )
        counters.recordCompletion(record)
        finishedRecords.append(record)
    }

    // Drops consumed entries from the front once they dominate the array.
    private mutating func compactWaitingQueue() {
        if waitingHead > 64, waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }
}
