import Synchronization
import Telemetry

/// Where an endpoint listens.
public struct ListenAddress: Sendable, Equatable {
    /// The host: `0.0.0.0` in a pod, `127.0.0.1` locally.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}

/// Settings of a ``Manager``.
public struct ManagerConfiguration: Sendable {
    /// Where `/healthz`, `/readyz` and `/metrics` are served; empty serves nothing.
    public var endpointAddresses: [ListenAddress]
    /// Leader election, or `nil` to always lead (one replica).
    public var leaderElection: LeaderElectionConfiguration?
    /// How long in-flight reconciles may finish after a stop request (default 30 s).
    public var gracefulShutdownTimeout: Duration
    /// Whether SIGTERM and SIGINT stop the manager (default true; tests turn it off).
    public var handlesSignals: Bool

    /// Creates settings.
    public init(
        endpointAddresses: [ListenAddress] = [],
        leaderElection: LeaderElectionConfiguration? = nil,
        gracefulShutdownTimeout: Duration = .seconds(30),
        handlesSignals: Bool = true
    ) {
        self.endpointAddresses = endpointAddresses
        self.leaderElection = leaderElection
        self.gracefulShutdownTimeout = gracefulShutdownTimeout
        self.handlesSignals = handlesSignals
    }
}

/// Runs informers on every replica and controllers only on the leader, serves health, readiness
/// and metrics, and shuts down gracefully.
///
/// Start-up: endpoints, informers (followers keep warm caches), the event recorder and the
/// elector. Once this replica leads and every cache has synced, controllers start and `/readyz`
/// turns 200. Stop (``stop()``, SIGTERM or SIGINT): controllers stop taking keys, in-flight
/// reconciles get ``ManagerConfiguration/gracefulShutdownTimeout`` to finish (then they are
/// cancelled), events are flushed, the lease is released, informers and endpoints stop, and
/// ``run()`` returns ``Outcome/stopped`` (exit 0). Losing the lease cancels reconciles at once and
/// returns ``Outcome/leadershipLost`` (exit non-zero so the pod restarts as a follower).
public final class Manager: Sendable {
    /// How ``run()`` ended.
    public enum Outcome: Sendable, Equatable {
        /// A requested, graceful stop.
        case stopped
        /// The lease was lost.
        case leadershipLost
    }

    /// The configuration.
    public let configuration: ManagerConfiguration
    /// Whether this replica leads (always, without election).
    public let leadership: LeadershipStatus
    /// The elector, when leader election is configured.
    public let elector: LeaderElector?

    private let registry: MetricsRegistry?
    private let logger: Logger
    private let clock: any RuntimeClock
    private let informers = Mutex<[any CacheSyncing]>([])
    private let controllers = Mutex<[any Runnable]>([])
    private let companions = Mutex<[any Runnable]>([])
    private let stopSignal = StopSignal()
    private let synced = Mutex(false)
    private let controllersStarted = Mutex(false)
    private let boundPorts = Mutex<[Int]>([])

    /// Creates a manager; with leader election configured, `lock` must be given.
    ///
    /// - Throws: ``RuntimeError/invalidConfiguration(_:)`` for invalid election timings or a missing lock.
    public init(
        configuration: ManagerConfiguration,
        lock: (any LeaseLock)? = nil,
        registry: MetricsRegistry? = nil,
        metrics: RuntimeMetrics? = nil,
        clock: any RuntimeClock = SystemRuntimeClock(),
        logger: Logger = .disabled
    ) throws {
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.clock = clock
        if let election = configuration.leaderElection {
            guard election.isValid else {
                throw RuntimeError.invalidConfiguration("need leaseDuration > renewDeadline > 1.2 x retryPeriod")
            }
            guard let lock else { throw RuntimeError.invalidConfiguration("leader election needs a lease lock") }
            let elector = LeaderElector(
                configuration: election,
                lock: lock,
                clock: clock,
                logger: logger,
                metrics: metrics
            )
            self.elector = elector
            self.leadership = elector.status
        } else {
            self.elector = nil
            self.leadership = LeadershipStatus.alwaysLeading()
        }
    }

    /// Adds an informer; it runs on every replica.
    public func add(informer: any CacheSyncing) {
        informers.withLock { $0.append(informer) }
    }

    /// Adds a controller; it runs only while this replica leads, after every cache synced.
    public func add(controller: any Runnable) {
        controllers.withLock { $0.append(controller) }
    }

    /// Adds a helper that runs on every replica and stops after the controllers (the event recorder).
    public func add(companion: any Runnable) {
        companions.withLock { $0.append(companion) }
    }

    /// Requests a graceful stop.
    public func stop() {
        stopSignal.fire()
    }

    /// The ports the endpoints listen on, once started.
    public var endpointPorts: [Int] { boundPorts.withLock { $0 } }

    /// The readiness answer: `nil` when ready, else the reason.
    public func readiness() -> String? {
        guard synced.withLock({ $0 }) else { return "caches not synced" }
        guard leadership.isLeading else { return "not the leader" }
        guard !stopSignal.isFired else { return "shutting down" }
        return nil
    }

    /// Runs everything until a stop request or the loss of the lease.
    ///
    /// - Throws: ``HTTP/HTTPError`` when an endpoint address cannot be bound.
    public func run() async throws -> Outcome {
        let endpoints = try await startEndpoints()
        let lost = StopSignal()
        let informers = informers.withLock { $0 }
        let companions = companions.withLock { $0 }
        logger.info(
            "manager started",
            ["informers": .integer(informers.count), "leader.election": .bool(elector != nil)]
        )

        await withTaskGroup(of: Void.self) { group in
            for informer in informers { group.addTask { await informer.run() } }
            for companion in companions { group.addTask { await companion.run() } }
            if let elector {
                group.addTask { if await elector.run() == .lost { lost.fire() } }
            }
            if configuration.handlesSignals {
                group.addTask { await SignalHandler.watch(firing: self.stopSignal, clock: self.clock) }
            }
            await runLeaderWork(informers: informers, lost: lost)

            // Controllers are done: flush events, release the lease, stop the caches.
            for companion in companions { await companion.stop() }
            elector?.stop()
            for informer in informers { await informer.stop() }
            stopSignal.fire()
            await group.waitForAll()
        }
        await endpoints?.shutdown()
        let outcome: Outcome = lost.isFired ? .leadershipLost : .stopped
        logger.info("manager stopped", ["outcome": .string(outcome == .stopped ? "stopped" : "leadership lost")])
        return outcome
    }

    private func startEndpoints() async throws -> HealthEndpoints? {
        guard !configuration.endpointAddresses.isEmpty else { return nil }
        let endpoints = HealthEndpoints(
            addresses: configuration.endpointAddresses.map { ($0.host, $0.port) },
            registry: registry,
            readiness: { self.readiness() }
        )
        let ports = try await endpoints.start()
        boundPorts.withLock { $0 = ports }
        return endpoints
    }

    /// Waits for leadership and synced caches, runs the controllers, and stops them on request
    /// (with the grace period) or at once when the lease is lost.
    private func runLeaderWork(informers: [any CacheSyncing], lost: StopSignal) async {
        let controllers = controllers.withLock { $0 }
        await withTaskGroup(of: Void.self) { work in
            work.addTask {
                for informer in informers { await informer.waitUntilSynced() }
                guard !Task.isCancelled else { return }
                self.synced.withLock { $0 = true }
                await self.leadership.waitUntilLeading()
                guard !Task.isCancelled, !self.stopSignal.isFired else { return }
                self.controllersStarted.withLock { $0 = true }
                self.logger.info("controllers starting", ["controllers": .integer(controllers.count)])
                await withTaskGroup(of: Void.self) { running in
                    for controller in controllers { running.addTask { await controller.run() } }
                }
            }
            work.addTask {
                await Self.firstOf(self.stopSignal, lost)
                guard !lost.isFired else { return }
                for controller in controllers { await controller.stop() }
                guard self.controllersStarted.withLock({ $0 }) else { return }
                let deadline = self.clock.now.advanced(by: self.configuration.gracefulShutdownTimeout)
                if await lost.sleep(on: self.clock, until: deadline) {
                    self.logger.info("shutdown deadline passed, cancelling reconciles")
                }
            }
            await work.next()
            work.cancelAll()
        }
    }

    /// Returns once either signal fires.
    static func firstOf(_ first: StopSignal, _ second: StopSignal) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await first.wait() }
            group.addTask { await second.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
