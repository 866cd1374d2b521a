import Foundation
import Kube

/// One occurrence a controller reports about an object.
public struct EventOccurrence: Sendable, Equatable {
    /// `Normal` or `Warning`.
    public enum Severity: String, Sendable {
        /// Something expected happened.
        case normal = "Normal"
        /// Something a person may need to look at.
        case warning = "Warning"
    }

    /// The object the event is about.
    public var regarding: ObjectReference
    /// Normal or warning.
    public var severity: Severity
    /// A short UpperCamelCase reason, such as `ScaledUp`.
    public var reason: String
    /// What was done, such as `Scale`.
    public var action: String
    /// A human-readable note (at most 1 KiB is kept).
    public var note: String

    /// Creates an occurrence.
    public init(regarding: ObjectReference, severity: Severity, reason: String, action: String, note: String) {
        self.regarding = regarding
        self.severity = severity
        self.reason = reason
        self.action = action
        self.note = String(note.prefix(1024))
    }
}

/// Client-go-like aggregation of events, as a pure state machine.
///
/// - Isomorphic occurrences (same object, severity, reason, action and note) within
///   ``seriesWindow`` of each other form one series: one Event object whose series count grows.
/// - New distinct events for one object pass a token bucket (burst 25, one more per 300 s by
///   default); the rest are dropped, so an event storm creates a bounded number of objects.
/// - At most ``cacheCapacity`` series are remembered; the least recently seen are forgotten.
public struct EventAggregator: Sendable {
    /// A series: one Event object and how often it happened.
    public struct Series: Sendable, Equatable {
        /// The Event object's name (`<object>.<hex nanoseconds>`).
        public var name: String
        /// The latest occurrence.
        public var occurrence: EventOccurrence
        /// How many times it happened.
        public var count: Int
        /// The first occurrence's wall time.
        public var firstTime: Date
        /// The latest occurrence's wall time.
        public var lastTime: Date
        /// Whether the Event object exists on the server already.
        public var isCreated: Bool
        /// Whether the count changed since the last write.
        public var isDirty: Bool
        var lastSeen: ContinuousClock.Instant
    }

    struct Key: Hashable {
        var object: String
        var severity: String
        var reason: String
        var action: String
        var note: String
    }

    /// How long without an occurrence before a series closes (default 6 minutes, as client-go).
    public var seriesWindow: Duration
    /// Series remembered at once (default 4096).
    public var cacheCapacity: Int
    private let burst: Int
    private let refillPerSecond: Double
    private var series: [Key: Series] = [:]
    private var buckets: [String: TokenBucket] = [:]
    private var sequence: UInt64 = 0

    /// Creates an aggregator.
    ///
    /// - Parameters:
    ///   - burst: New distinct events per object before limiting. Default: 25.
    ///   - refillInterval: Time for one more token. Default: 300 s.
    public init(
        burst: Int = 25,
        refillInterval: Duration = .seconds(300),
        seriesWindow: Duration = .seconds(360),
        cacheCapacity: Int = 4096
    ) {
        self.burst = burst
        self.refillPerSecond = 1 / max(refillInterval / .seconds(1), 0.001)
        self.seriesWindow = seriesWindow
        self.cacheCapacity = cacheCapacity
    }

    /// Records one occurrence; returns `false` when it was dropped by the per-object limit.
    public mutating func observe(_ occurrence: EventOccurrence, now: ContinuousClock.Instant, wallTime: Date) -> Bool {
        let key = Self.key(of: occurrence)
        if var existing = series[key], now - existing.lastSeen < seriesWindow {
            existing.count += 1
            existing.lastTime = wallTime
            existing.lastSeen = now
            existing.occurrence = occurrence
            existing.isDirty = true
            series[key] = existing
            return true
        }
        var bucket = buckets[key.object] ?? TokenBucket(ratePerSecond: refillPerSecond, burst: burst)
        let wait = bucket.reserve(now: now)
        guard wait == .zero else {
            // Give the token back: a dropped event must not push the next allowed one further out.
            bucket = bucket.refunded()
            buckets[key.object] = bucket
            return false
        }
        buckets[key.object] = bucket
        sequence += 1
        series[key] = Series(
            name: Self.eventName(for: occurrence, at: wallTime, sequence: sequence),
            occurrence: occurrence,
            count: 1,
            firstTime: wallTime,
            lastTime: wallTime,
            isCreated: false,
            isDirty: true,
            lastSeen: now
        )
        evictIfNeeded()
        return true
    }

    /// Series with changes to write, oldest first.
    public var dirtySeries: [Series] {
        series.values.filter(\.isDirty).sorted { $0.lastSeen < $1.lastSeen }
    }

    /// Marks a series written: created on the server, and clean unless it changed meanwhile.
    public mutating func markWritten(_ name: String, count: Int) {
        guard let key = series.first(where: { $0.value.name == name })?.key else { return }
        series[key]?.isCreated = true
        if series[key]?.count == count { series[key]?.isDirty = false }
    }

    /// Forgets that a series' object exists, so the next write creates it again (after a 404).
    public mutating func markMissing(_ name: String) {
        guard let key = series.first(where: { $0.value.name == name })?.key else { return }
        series[key]?.isCreated = false
        series[key]?.isDirty = true
    }

    /// Drops a series that could not be written.
    public mutating func discard(_ name: String) {
        series = series.filter { $0.value.name != name }
    }

    private mutating func evictIfNeeded() {
        guard series.count > cacheCapacity else { return }
        let oldest = series.filter { !$0.value.isDirty }.min { $0.value.lastSeen < $1.value.lastSeen }
        if let oldest { series[oldest.key] = nil }
    }

    static func key(of occurrence: EventOccurrence) -> Key {
        let object = occurrence.regarding
        let objectKey = [object.kind, object.namespace, object.name, object.uid, object.fieldPath]
            .map { $0 ?? "" }.joined(separator: "/")
        return Key(
            object: objectKey,
            severity: occurrence.severity.rawValue,
            reason: occurrence.reason,
            action: occurrence.action,
            note: occurrence.note
        )
    }

    /// The Event object name: the object's name, a dot, and hex Unix nanoseconds (as client-go).
    ///
    /// The sequence number keeps names unique when two events share a timestamp.
    static func eventName(for occurrence: EventOccurrence, at time: Date, sequence: UInt64) -> String {
        let nanos = UInt64(max(0, time.timeIntervalSince1970 * 1e9)) &+ sequence
        return "\(occurrence.regarding.name ?? "object").\(String(nanos, radix: 16))"
    }
}

extension TokenBucket {
    /// The bucket with one token returned.
    func refunded() -> TokenBucket {
        var copy = self
        copy.refund()
        return copy
    }
}
