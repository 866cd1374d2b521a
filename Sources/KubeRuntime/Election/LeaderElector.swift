import Telemetry

/// Runs leader election on a ``LeaseLock``: acquires, renews every retry period, releases on stop.
///
/// ``status`` answers "do I lead right now?" synchronously and turns false by itself when a
/// renewal is overdue, so writes stop at once. ``run()`` returns ``Outcome/lost`` when leadership
/// is lost (the process should exit, as controller-runtime does) and ``Outcome/stopped`` after
/// ``stop()``, having released the lease so a follower takes over within about a second.
///
/// ```swift
/// let elector = LeaderElector(configuration: config, lock: KubeLeaseLock(client: client, namespace: "poolpilot", name: "poolpilot"))
/// async let outcome = elector.run()
/// await elector.status.waitUntilLeading()
/// ```
public final class LeaderElector: Sendable {
    /// How ``run()`` ended.
    public enum Outcome: Sendable, Equatable {
        /// ``stop()`` was called (the lease was released if held).
        case stopped
        /// Leadership was lost; writes already stopped.
        case lost
    }

    /// The configuration.
    public let configuration: LeaderElectionConfiguration
    /// The live leadership answer.
    public let status: LeadershipStatus

    private let lock: any LeaseLock
    private let clock: any RuntimeClock
    private let logger: Logger
    private let metrics: RuntimeMetrics?
    private let jitter: @Sendable () -> Double
    private let stopSignal = StopSignal()

    /// Creates an elector.
    ///
    /// - Parameters:
    ///   - jitter: A factor in 1...1.2 applied to a follower's retry period (injected in tests). Default: random.
    public init(
        configuration: LeaderElectionConfiguration,
        lock: any LeaseLock,
        clock: any RuntimeClock = SystemRuntimeClock(),
        logger: Logger = .disabled,
        metrics: RuntimeMetrics? = nil,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 1...1.2) }
    ) {
        self.configuration = configuration
        self.lock = lock
        self.clock = clock
        self.logger = logger.with(["lease": .string(lock.description)])
        self.metrics = metrics
        self.jitter = jitter
        self.status = LeadershipStatus(clock: clock)
    }

    /// Asks ``run()`` to release the lease (if held) and return.
    public func stop() {
        stopSignal.fire()
    }

    /// Takes part in the election until ``stop()`` or until leadership is lost.
    public func run() async -> Outcome {
        var state = LeaderElectionState(configuration: configuration)
        setLeaderGauge(false)
        while !stopSignal.isFired && !Task.isCancelled {
            let action = await attempt(&state)
            if action == .stoppedLeading {
                status.follow(holder: state.observedRecord?.holderIdentity)
                setLeaderGauge(false)
                logger.info("leader lost", ["identity": .string(configuration.identity)])
                return .lost
            }
            let wait = state.isLeader ? configuration.retryPeriod : configuration.retryPeriod * jitter()
            guard await stopSignal.sleep(on: clock, until: clock.now.advanced(by: wait)) else { break }
        }
        await release(&state)
        return .stopped
    }

    /// One attempt: read or renew, then write; returns the final action.
    private func attempt(_ state: inout LeaderElectionState) async -> LeaderElectionState.Action {
        var action = state.willAttempt(now: clock.now, wallTime: clock.wallTime)
        if action == .fetchLease {
            do {
                let fetched = try await lock.fetch()
                status.observe(holder: fetched?.record.holderIdentity)
                action = state.leaseFetched(
                    fetched?.record,
                    resourceVersion: fetched?.resourceVersion,
                    now: clock.now,
                    wallTime: clock.wallTime
                )
            } catch {
                logger.debug("lease read failed, will retry", ["error": .error(error)])
                return state.leaseFetchFailed(now: clock.now)
            }
        }
        switch action {
        case .createLease(let record):
            return await write(&state, record) { try await lock.create(record) }
        case .updateLease(let record, let resourceVersion):
            return await write(&state, record) { try await lock.update(record, resourceVersion: resourceVersion) }
        default:
            return action
        }
    }

    private func write(
        _ state: inout LeaderElectionState,
        _ record: LeaseRecord,
        _ body: () async throws -> String?
    ) async -> LeaderElectionState.Action {
        do {
            let resourceVersion = try await body()
            let action = state.leaseWritten(record, resourceVersion: resourceVersion, now: clock.now)
            if let until = state.leadingUntil { status.lead(until: until) }
            status.observe(holder: record.holderIdentity)
            if action == .startedLeading {
                setLeaderGauge(true)
                logger.info("leader elected", ["identity": .string(configuration.identity)])
            }
            return action
        } catch {
            logger.debug("lease write failed, will retry", ["error": .error(error)])
            return state.leaseWriteFailed(now: clock.now)
        }
    }

    private func release(_ state: inout LeaderElectionState) async {
        guard case .releaseLease(let record, let resourceVersion) = state.willShutDown(wallTime: clock.wallTime) else {
            return
        }
        status.follow(holder: nil)
        setLeaderGauge(false)
        do {
            _ = try await lock.update(record, resourceVersion: resourceVersion)
            logger.info("leader lease released")
        } catch {
            logger.info("lease release failed", ["error": .error(error)])
        }
    }

    private func setLeaderGauge(_ isLeading: Bool) {
        metrics?.leader.set(isLeading ? 1 : 0, labels: ["lease": lock.description])
    }
}
