import Foundation
import Kube
import KubeRuntime
import Synchronization
import Telemetry
import Testing

/// Keeps written events in memory, keyed by name, with their counts.
final class MemoryEventSink: EventSink, Sendable {
    let counts = Mutex<[String: Int]>([:])
    let writes = Mutex(0)

    func create(_ series: EventAggregator.Series, reportingController: String, reportingInstance: String) async throws {
        counts.withLock { $0[series.name] = series.count }
        writes.withLock { $0 += 1 }
    }

    func updateSeries(_ series: EventAggregator.Series) async throws {
        try counts.withLock { counts in
            guard counts[series.name] != nil else { throw EventSinkError.notFound(series.name) }
            counts[series.name] = series.count
        }
        writes.withLock { $0 += 1 }
    }
}

@Suite struct EventAggregatorTests {
    let pod = ObjectReference(kind: "Pod", namespace: "ml", name: "chat-0", uid: "u1")
    let wall = Date(timeIntervalSince1970: 1_767_225_600)

    func occurrence(_ note: String = "scaled", reason: String = "ScaledUp") -> EventOccurrence {
        EventOccurrence(regarding: pod, severity: .normal, reason: reason, action: "Scale", note: note)
    }

    @Test func `counts repeats of one event in a single series`() {
        var aggregator = EventAggregator()
        let now = ContinuousClock.now
        let results = (0..<50).map { _ in aggregator.observe(occurrence(), now: now, wallTime: wall) }
        #expect(results.allSatisfy { $0 })
        #expect(aggregator.dirtySeries.count == 1)
        #expect(aggregator.dirtySeries.first?.count == 50)
    }

    @Test func `limits distinct events per object to the burst, then one per refill interval`() {
        var aggregator = EventAggregator()
        let now = ContinuousClock.now
        let accepted = (0..<40).filter { aggregator.observe(occurrence("note \($0)"), now: now, wallTime: wall) }
        #expect(accepted.count == 25)
        let late = aggregator.observe(occurrence("late"), now: now.advanced(by: .seconds(299)), wallTime: wall)
        let later = aggregator.observe(occurrence("later"), now: now.advanced(by: .seconds(300)), wallTime: wall)
        #expect(!late && later)
        let other = EventOccurrence(
            regarding: ObjectReference(kind: "Pod", namespace: "ml", name: "chat-1"),
            severity: .warning,
            reason: "Failed",
            action: "Scrape",
            note: "x"
        )
        let otherAccepted = aggregator.observe(other, now: now, wallTime: wall)
        #expect(otherAccepted)
    }

    @Test func `starts a new series after the series window passes`() {
        var aggregator = EventAggregator()
        let now = ContinuousClock.now
        _ = aggregator.observe(occurrence(), now: now, wallTime: wall)
        let first = aggregator.dirtySeries.first?.name ?? ""
        aggregator.markWritten(first, count: 1)
        _ = aggregator.observe(occurrence(), now: now.advanced(by: .seconds(361)), wallTime: wall)
        let names = aggregator.dirtySeries.map(\.name)
        #expect(names.count == 1 && names.first != first)
    }
}

@Suite struct EventRecorderTests {
    let pod = ObjectReference(kind: "Pod", namespace: "ml", name: "chat-0", uid: "u1")

    @Test func `turns an event storm into bounded objects with counts`() async {
        let sink = MemoryEventSink()
        let recorder = EventRecorder(sink: sink, controller: "poolpilot", instance: "test", clock: ManualClock())
        for index in 0..<1000 {
            recorder.record(
                EventOccurrence(
                    regarding: pod,
                    severity: .warning,
                    reason: "ScrapeFailed",
                    action: "Scrape",
                    note: "timeout"
                )
            )
            if index % 100 == 99 { await recorder.flush() }
        }
        for index in 0..<100 {
            recorder.record(
                EventOccurrence(regarding: pod, severity: .normal, reason: "Other", action: "X", note: "n\(index)")
            )
        }
        await recorder.flush()
        let counts = sink.counts.withLock { $0 }
        #expect(counts.count == 25)
        #expect(counts.values.max() == 1000)
        #expect(sink.writes.withLock { $0 } <= 10 + 24)
    }

    @Test func `drops occurrences beyond the buffer without blocking`() async throws {
        let sink = MemoryEventSink()
        let registry = Telemetry.MetricsRegistry()
        let metrics = try await RuntimeMetrics.register(in: registry)
        let recorder = EventRecorder(sink: sink, controller: "c", instance: "i", bufferLimit: 10, metrics: metrics)
        for index in 0..<15 {
            recorder.record(
                EventOccurrence(regarding: pod, severity: .normal, reason: "R", action: "A", note: "\(index)")
            )
        }
        #expect(await registry.value(of: "poolpilot_events_total", labels: ["result": "dropped"]) == 5)
    }

    @Test func `writes nothing while not leading`() async {
        let sink = MemoryEventSink()
        let recorder = EventRecorder(sink: sink, controller: "c", instance: "i", leadership: LeadershipStatus())
        recorder.record(EventOccurrence(regarding: pod, severity: .normal, reason: "R", action: "A", note: "n"))
        await recorder.flush()
        #expect(sink.writes.withLock { $0 } == 0)
    }

    @Test func `recreates an event whose object disappeared`() async {
        let sink = MemoryEventSink()
        let recorder = EventRecorder(sink: sink, controller: "c", instance: "i")
        let occurrence = EventOccurrence(regarding: pod, severity: .normal, reason: "R", action: "A", note: "n")
        recorder.record(occurrence)
        await recorder.flush()
        sink.counts.withLock { $0.removeAll() }
        recorder.record(occurrence)
        await recorder.flush()
        await recorder.flush()
        #expect(sink.counts.withLock { $0 }.values.first == 2)
    }
}
