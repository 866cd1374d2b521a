/// The replicas behind one Service: routes each arriving request to a ready replica, least
/// loaded first, and keeps every request's record for SLO accounting.
///
/// Replicas are keyed by pod name. A replica that is removed while it still holds requests drains:
/// it takes no new ones and disappears once idle (its pod's grace period). A request that arrives
/// while no replica is ready is rejected, as a Service without ready endpoints refuses connections.
public struct ServingPoolModel: Sendable {
    /// Service parameters of new replicas.
    public var parameters: ServerParameters
    /// Simulation time the pool has been advanced to.
    public private(set) var now: Double = 0
    /// Records of every finished, rejected or aborted request, in the order they ended.
    public private(set) var records: [RequestRecord] = []
    /// Requests offered so far.
    public private(set) var arrivals = 0

    private var replicas: [String: ReplicaModel] = [:]
    private var draining: [String: ReplicaModel] = [:]

    /// Creates an empty pool.
    public init(parameters: ServerParameters) {
        self.parameters = parameters
    }

    /// Names of the replicas that take traffic or load their model, sorted.
    public var replicaNames: [String] { replicas.keys.sorted() }

    /// One replica's state, including draining ones.
    public func replica(named name: String) -> ReplicaModel? {
        replicas[name] ?? draining[name]
    }

    /// Adds a replica that is loading its model (not ready).
    ///
    /// Adding an existing name does nothing.
    public mutating func addReplica(named name: String) {
        guard replicas[name] == nil else { return }
        replicas[name] = ReplicaModel(name: name, parameters: parameters, now: now)
    }

    /// Marks a replica ready (it takes traffic from now on) or not ready.
    public mutating func setReady(_ isReady: Bool, replica name: String) {
        replicas[name]?.isReady = isReady
        replicas[name]?.advance(to: now)
    }

    /// Stops routing to a replica; it finishes what it holds, then goes away.
    public mutating func removeReplica(named name: String) {
        guard var replica = replicas.removeValue(forKey: name) else { return }
        if replica.isReady {
            draining[name] = replica
        } else {
            records += replica.abortAll()
        }
    }

    /// Offers a request at its arrival time: routed to the ready replica with the least load.
    public mutating func submit(_ request: SimulatedRequest) {
        advance(to: request.arrival)
        arrivals += 1
        let target = replicas.values.filter(\.isReady).min { left, right in
            left.load != right.load ? left.load < right.load : left.name < right.name
        }
        guard let name = target?.name else {
            records.append(
                RequestRecord(
                    request: request,
                    replica: nil,
                    started: nil,
                    firstToken: nil,
                    finished: now,
                    outcome: .rejected
                )
            )
            return
        }
        replicas[name]?.submit(request)
    }

    /// Offers a request to one replica directly (a client that dialled the pod's IP), bypassing
    /// the router; rejected when that replica is missing or not ready.
    public mutating func submit(_ request: SimulatedRequest, to name: String) {
        advance(to: request.arrival)
        arrivals += 1
        guard replicas[name]?.isReady == true else {
            records.append(
                RequestRecord(
                    request: request,
                    replica: name,
                    started: nil,
                    firstToken: nil,
                    finished: now,
                    outcome: .rejected
                )
            )
            return
        }
        replicas[name]?.submit(request)
    }

    /// Advances every replica to `time`, collecting finished records and retiring drained replicas.
    public mutating func advance(to time: Double) {
        now = max(now, time)
        for name in replicas.keys.sorted() {
            replicas[name]?.advance(to: now)
            records += replicas[name]?.takeFinishedRecords() ?? []
        }
        for name in draining.keys.sorted() {
            draining[name]?.advance(to: now)
            records += draining[name]?.takeFinishedRecords() ?? []
            if draining[name]?.load == 0 { draining[name] = nil }
        }
    }

    /// A summary of the pool now.
    public var snapshot: PoolSnapshot {
        let all = Array(replicas.values)
        return PoolSnapshot(
            time: now,
            replicas: all.count,
            readyReplicas: all.filter(\.isReady).count,
            waiting: all.reduce(0) { $0 + $1.waitingCount },
            running: all.reduce(0) { $0 + $1.runningCount } + draining.values.reduce(0) { $0 + $1.runningCount },
            gpuMemoryUsedBytes: all.reduce(0) { $0 + $1.gpuMemoryUsedBytes },
            gpuMemoryTotalBytes: Int64(all.count) * parameters.gpuMemoryTotalBytes
        )
    }
}

/// The state of a serving pool at one instant.
public struct PoolSnapshot: Sendable, Equatable {
    /// Simulation time, seconds.
    public var time: Double
    /// Replicas present (loading or ready), draining ones excluded.
    public var replicas: Int
    /// Replicas taking traffic.
    public var readyReplicas: Int
    /// Requests waiting across replicas.
    public var waiting: Int
    /// Requests running across replicas.
    public var running: Int
    /// GPU memory in use across replicas, bytes.
    public var gpuMemoryUsedBytes: Int64
    /// GPU memory of the replicas' devices, bytes.
    public var gpuMemoryTotalBytes: Int64
}
