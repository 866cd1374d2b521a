import Foundation
import Kube
import Synchronization
import Telemetry

/// Records Kubernetes Events for controllers without ever blocking them.
///
/// ``record(_:)`` only appends to an in-memory buffer (bounded: beyond ``bufferLimit`` pending
/// occurrences, new ones are dropped and counted). ``run()`` drains the buffer every
/// ``flushInterval``: occurrences are aggregated by ``EventAggregator`` and each changed series is
/// written once per flush, so a storm of identical events becomes one Event object with a count,
/// and each object gets at most a bounded number of distinct Event objects. When a
/// ``LeadershipStatus`` is given, nothing is written while this process does not lead.
///
/// ```swift
/// let recorder = EventRecorder(sink: KubeEventSink(client: client), controller: "poolpilot", instance: podName)
/// recorder.record(EventOccurrence(regarding: ref, severity: .normal, reason: "ScaledUp", action: "Scale", note: "2 -> 4"))
/// ```
public final class EventRecorder: Sendable {
    /// The `reportingController` written on events.
    public let controller: String
    /// The `reportingInstance` written on events.
    public let instance: String
    /// Time between writes of the buffered occurrences (default 500 ms).
    public let flushInterval: Duration
    /// The most occurrences buffered between flushes (default 1000).
    public let bufferLimit: Int

    private let sink: any EventSink
    private let clock: any RuntimeClock
    private let leadership: LeadershipStatus?
    private let logger: Logger
    private let metrics: RuntimeMetrics?
    private let pending = Mutex<[EventOccurrence]>([])
    private let aggregator: Mutex<EventAggregator>
    private let stopSignal = StopSignal()

    /// Creates a recorder.
    public init(
        sink: any EventSink,
        controller: String,
        instance: String,
        aggregator: EventAggregator = EventAggregator(),
        flushInterval: Duration = .milliseconds(500),
        bufferLimit: Int = 1000,
        clock: any RuntimeClock = SystemRuntimeClock(),
        leadership: LeadershipStatus? = nil,
        logger: Logger = .disabled,
        metrics: RuntimeMetrics? = nil
    ) {
        self.sink = sink
        self.controller = controller
        self.instance = instance
        self.aggregator = Mutex(aggregator)
        self.flushInterval = flushInterval
        self.bufferLimit = bufferLimit
        self.clock = clock
        self.leadership = leadership
        self.logger = logger
        self.metrics = metrics
    }

    /// Buffers one occurrence; returns at once.
    public func record(_ occurrence: EventOccurrence) {
        let accepted = pending.withLock { pending in
            guard pending.count < bufferLimit else { return false }
            pending.append(occurrence)
            return true
        }
        if !accepted { metrics?.events.increment(labels: ["result": "dropped"]) }
    }

    /// Buffers an event about a typed object.
    public func record<Object: KubeResource>(
        about object: Object,
        severity: EventOccurrence.Severity,
        reason: String,
        action: String,
        note: String
    ) {
        let reference = ObjectReference(
            kind: Object.resource.kind,
            namespace: object.metadata.namespace,
            name: object.metadata.name,
            uid: object.metadata.uid,
            apiVersion: Object.resource.apiVersion,
            resourceVersion: object.metadata.resourceVersion
        )
        record(EventOccurrence(regarding: reference, severity: severity, reason: reason, action: action, note: note))
    }

    /// Asks ``run()`` to write what is buffered and return.
    public func stop() {
        stopSignal.fire()
    }

    /// Flushes every ``flushInterval`` until ``stop()``, then flushes once more.
    public func run() async {
        while await stopSignal.sleep(on: clock, until: clock.now.advanced(by: flushInterval)) {
            await flush()
        }
        await flush()
    }

    /// Aggregates the buffered occurrences and writes every changed series once.
    public func flush() async {
        let batch = pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        let now = clock.now
        let wallTime = clock.wallTime
        var dropped = 0
        let dirty = aggregator.withLock { aggregator in
            for occurrence in batch where !aggregator.observe(occurrence, now: now, wallTime: wallTime) {
                dropped += 1
            }
            return aggregator.dirtySeries
        }
        if dropped > 0 { metrics?.events.increment(by: Double(dropped), labels: ["result": "dropped"]) }
        guard leadership?.isLeading ?? true else { return }
        for series in dirty {
            await write(series)
        }
    }

    private func write(_ series: EventAggregator.Series) async {
        do {
            if series.isCreated {
                try await sink.updateSeries(series)
                metrics?.events.increment(labels: ["result": "updated"])
            } else {
                try await sink.create(series, reportingController: controller, reportingInstance: instance)
                metrics?.events.increment(labels: ["result": "created"])
            }
            aggregator.withLock { $0.markWritten(series.name, count: series.count) }
        } catch EventSinkError.notFound {
            aggregator.withLock { $0.markMissing(series.name) }
        } catch {
            aggregator.withLock { $0.discard(series.name) }
            metrics?.events.increment(labels: ["result": "failed"])
            logger.debug("event write failed", ["error": .error(error), "reason": .string(series.occurrence.reason)])
        }
    }
}
