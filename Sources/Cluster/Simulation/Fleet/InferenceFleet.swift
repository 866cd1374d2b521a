/// Every simulated inference server in the cluster: one ``ServingPoolModel`` per Deployment, the
/// load offered to it, and what each pod's `/metrics` shows.
///
/// The kubelet adds a replica when it starts a pod and marks it ready after the model-load time;
/// ``tick()`` offers due arrivals (each at its exact arrival time, so results do not depend on how
/// often it runs) and advances every pool to the clock's time. The clock is injected: the cluster
/// uses elapsed wall time, tests a manual one.
public actor InferenceFleet {
    /// Identifies a pool: the Deployment's namespace and name.
    public struct PoolKey: Sendable, Hashable, CustomStringConvertible {
        /// Namespace.
        public var namespace: String
        /// Deployment name.
        public var name: String

        /// Creates a key.
        public init(namespace: String, name: String) {
            self.namespace = namespace
            self.name = name
        }

        /// `namespace/name`.
        public var description: String { "\(namespace)/\(name)" }
    }

    /// One pool's settings, from its Deployment.
    public struct PoolSettings: Sendable, Equatable {
        /// The server the pods run.
        public var kind: ServerKind
        /// The served model's name (vLLM `model_name`, Triton `model`).
        public var modelName: String
        /// Replica service parameters.
        public var parameters: ServerParameters
        /// The TTFT objective for SLO attainment, seconds.
        ///
        /// Default: 2.
        public var timeToFirstTokenBound: Double
        /// Seconds a pod needs to load its model (reported by Triton as load duration).
        public var modelLoadSeconds: Double

        /// Creates settings.
        public init(
            kind: ServerKind,
            modelName: String,
            parameters: ServerParameters = ServerParameters(),
            timeToFirstTokenBound: Double = 2,
            modelLoadSeconds: Double = 10
        ) {
            self.kind = kind
            self.modelName = modelName
            self.parameters = parameters
            self.timeToFirstTokenBound = timeToFirstTokenBound
            self.modelLoadSeconds = modelLoadSeconds
        }
    }

    private struct Pool {
        var settings: PoolSettings
        var model: ServingPoolModel
        var load: [SimulatedRequest] = []
        var nextArrival = 0
        var loadKey: String?
        var recordsCounted = 0
        var met = 0
        var recentArrivals: [Double] = []
    }

    private let clock: @Sendable () -> Double
    private var pools: [PoolKey: Pool] = [:]
    private var podPools: [String: PoolKey] = [:]
    private var trace: RequestTrace?
    private var waiters: [Int: CheckedContinuation<RequestRecord, Never>] = [:]
    private var nextDirectID = 1 << 40

    /// Creates a fleet whose time is `clock()` seconds.
    public init(clock: @escaping @Sendable () -> Double) {
        self.clock = clock
    }

    /// Creates a fleet on elapsed wall time since now.
    public init() {
        let start = ContinuousClock.now
        self.clock = {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
    }

    /// The fleet's current time, seconds.
    public var now: Double { clock() }

    /// Creates a pool or updates its settings (new settings apply to replicas added later).
    public func configurePool(_ key: PoolKey, settings: PoolSettings) {
        if var pool = pools[key] {
            pool.settings = settings
            pool.model.parameters = settings.parameters
            pools[key] = pool
        } else {
            pools[key] = Pool(settings: settings, model: ServingPoolModel(parameters: settings.parameters))
        }
    }

    /// Sets the load of a pool; a `key` equal to the current one keeps the running load, another
    /// restarts it with arrivals counted from now.
    ///
    /// - Throws: ``SimulationError/invalidLoad(_:)`` when the spec names an unknown trace or pattern.
    public func setLoad(_ key: PoolKey, spec: LoadSpec?, specKey: String?) throws {
        guard var pool = pools[key], pool.loadKey != specKey else { return }
        pool.loadKey = specKey
        let trace = try spec?.trace == nil ? nil : bundledTrace()
        pool.load =
            try spec?.requests(origin: clock(), trace: { try trace ?? RequestTrace.azureConversation2023() }) ?? []
        pool.nextArrival = 0
        pools[key] = pool
    }

    /// Adds a loading replica for a pod of the pool.
    public func addReplica(_ pod: String, to key: PoolKey) {
        guard pools[key] != nil else { return }
        advance(key)
        pools[key]?.model.addReplica(named: pod)
        podPools[pod] = key
    }

    /// Marks a pod's replica ready or not.
    public func setReady(_ isReady: Bool, pod: String) {
        guard let key = podPools[pod] else { return }
        advance(key)
        pools[key]?.model.setReady(isReady, replica: pod)
    }

    /// Removes a pod's replica: it drains what it holds.
    public func removeReplica(_ pod: String) {
        guard let key = podPools.removeValue(forKey: pod) else { return }
        advance(key)
        pools[key]?.model.removeReplica(named: pod)
    }

    /// Offers due arrivals and advances every pool to now.
    public func tick() {
        for key in pools.keys { advance(key) }
    }

    /// A pod's `/metrics` body and content type; `nil` for an unknown pod.
    public func metrics(pod: String) -> (body: String, contentType: String)? {
        guard let key = podPools[pod] else { return nil }
        advance(key)
        guard let pool = pools[key], let replica = pool.model.replica(named: pod) else { return nil }
        switch pool.settings.kind {
        case .vllm:
            return (VLLMExposition(modelName: pool.settings.modelName).render(replica), VLLMExposition.contentType)
        case .triton:
            let exposition = TritonExposition(
                model: pool.settings.modelName,
                gpuUUID: TritonExposition.gpuUUID(for: pod),
                loadSeconds: pool.settings.modelLoadSeconds
            )
            return (exposition.render(replica), TritonExposition.contentType)
        }
    }

    /// Whether a pod's replica is ready.
    public func isReady(pod: String) -> Bool {
        guard let key = podPools[pod] else { return false }
        return pools[key]?.model.replica(named: pod)?.isReady ?? false
    }

    /// Serves one request sent straight to a pod and returns its record once it has finished,
    /// been rejected (the pod is not ready) or aborted; `nil` for an unknown pod.
    ///
    /// The record arrives at the first ``tick()`` (or other call) after the request's completion time.
    public func infer(pod: String, inputTokens: Int, outputTokens: Int) async -> RequestRecord? {
        guard let key = podPools[pod] else { return nil }
        advance(key)
        let request = SimulatedRequest(
            id: nextDirectID,
            arrival: clock(),
            inputTokens: max(1, inputTokens),
            outputTokens: max(1, outputTokens)
        )
        nextDirectID += 1
        return await withCheckedContinuation { continuation in
            waiters[request.id] = continuation
            pools[key]?.model.submit(request, to: pod)
            advance(key)
        }
    }

    /// Pool keys known to the fleet.
    public var poolKeys: [PoolKey] {
        pools.keys.sorted { $0.description < $1.description }
    }

    /// Statistics of a pool now; `nil` for an unknown pool.
    public func stats(_ key: PoolKey) -> PoolStats? {
        advance(key)
        guard let pool = pools[key] else { return nil }
        let snapshot = pool.model.snapshot
        let window = 5.0
        let recent = pool.recentArrivals.filter { $0 > snapshot.time - window }.count
        return PoolStats(
            time: snapshot.time,
            arrivals: pool.nextArrival,
            arrivalRate: Double(recent) / window,
            waiting: snapshot.waiting,
            running: snapshot.running,
            replicas: snapshot.replicas,
            readyReplicas: snapshot.readyReplicas,
            gpuMemoryUsedBytes: snapshot.gpuMemoryUsedBytes,
            gpuMemoryTotalBytes: snapshot.gpuMemoryTotalBytes,
            finished: pool.recordsCounted,
            met: pool.met,
            rejected: pool.model.records.filter { $0.outcome == .rejected }.count,
            timeToFirstTokenBound: pool.settings.timeToFirstTokenBound,
            isLoadComplete: pool.nextArrival >= pool.load.count
        )
    }

    /// Every record of a pool so far.
    public func records(_ key: PoolKey) -> [RequestRecord] {
        advance(key)
        return pools[key]?.model.records ?? []
    }

    // Offers arrivals due by now, each at its own time, then advances the pool and counts SLOs.
    private func advance(_ key: PoolKey) {
        guard var pool = pools[key] else { return }
        let time = clock()
        while pool.nextArrival < pool.load.count, pool.load[pool.nextArrival].arrival <= time {
            let request = pool.load[pool.nextArrival]
            pool.model.submit(request)
            pool.recentArrivals.append(request.arrival)
            pool.nextArrival += 1
        }
        pool.model.advance(to: time)
        pool.recentArrivals.removeAll { $0 <= time - 5 }

        let records = pool.model.records
        pool.met +=
            records[pool.recordsCounted...].filter { record in
                record.outcome == .completed
                    && (record.timeToFirstToken ?? .infinity) <= pool.settings.timeToFirstTokenBound
            }.count
        for record in records[pool.recordsCounted...] {
            waiters.removeValue(forKey: record.request.id)?.resume(returning: record)
        }
        pool.recordsCounted = records.count
        pools[key] = pool
    }

    // The bundled trace, parsed on first use.
    private func bundledTrace() throws -> RequestTrace {
        if let trace { return trace }
        let loaded = try RequestTrace.azureConversation2023()
        trace = loaded
        return loaded
    }
}
