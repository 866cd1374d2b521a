import Metrics

/// What one reading of a pool's signals produced.
public struct SignalReading: Sendable, Equatable {
    /// Signals per pod name, for the pods that answered.
    public var pods: [String: PodSignals]
    /// Custom scraped metrics per pod name, by custom target name.
    public var customPerPod: [String: [String: Double]]
    /// Pool-wide totals by engine signal name (custom PromQL targets, the activation query).
    public var poolTotals: [String: Double]
    /// Engine signal names whose source failed outright.
    public var failedSignals: [String]
    /// Why the reading failed as a whole (every pod unreachable, Prometheus down), if it did.
    public var error: String?

    /// Creates a reading.
    public init(
        pods: [String: PodSignals] = [:],
        customPerPod: [String: [String: Double]] = [:],
        poolTotals: [String: Double] = [:],
        failedSignals: [String] = [],
        error: String? = nil
    ) {
        self.pods = pods
        self.customPerPod = customPerPod
        self.poolTotals = poolTotals
        self.failedSignals = failedSignals
        self.error = error
    }
}

/// Reads a pool's signals: by scraping its ready pods, or from Prometheus.
public protocol SignalReader: Sendable {
    /// Reads the signals of `pods` (the pool's pods) for the pool `key` with `spec`.
    ///
    /// Never throws for an unreachable pod: a pod that does not answer is simply absent from
    /// ``SignalReading/pods`` (a missing signal, never zero).
    func read(key: String, spec: InferencePoolSpec, pods: [PodInfo]) async -> SignalReading
}

/// Where the reconciler records Events on a pool.
public protocol EventSink: Sendable {
    /// Records `event` on the pool `namespace/name` (with its uid, for the involved object).
    func record(_ event: PlannedEvent, namespace: String, name: String, uid: String?) async
}
