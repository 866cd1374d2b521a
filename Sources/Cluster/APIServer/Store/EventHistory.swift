import YAML

/// One change to the store, as watchers see it.
struct StoreEvent: Sendable {
    /// `ADDED`, `MODIFIED` or `DELETED`.
    var type: String
    /// Which resource's storage the object belongs to.
    var storageKey: String
    /// The object after the change; for `DELETED`, its last state with the deletion's resourceVersion.
    var object: JSONValue
    /// The object before the change, `nil` for `ADDED`.
    var previous: JSONValue?
    /// The resourceVersion this change produced.
    var resourceVersion: Int64
}

/// A bounded ring of recent changes: it serves watches that resume from a resourceVersion and
/// consistent list pages.
///
/// Anything older than ``compactedRevision`` is gone (410 Expired).
struct EventHistory: Sendable {
    private var ring: [StoreEvent?]
    private var start = 0
    private(set) var count = 0
    /// Positions at or below this revision can no longer be resumed from.
    private(set) var compactedRevision: Int64

    /// Creates an empty history that keeps `capacity` events; `revision` is the store's current revision.
    init(capacity: Int, revision: Int64) {
        ring = Array(repeating: nil, count: max(1, capacity))
        compactedRevision = revision
    }

    /// Adds an event, dropping the oldest when full.
    mutating func append(_ event: StoreEvent) {
        if count == ring.count {
            if let dropped = ring[start] { compactedRevision = dropped.resourceVersion }
            ring[start] = event
            start = (start + 1) % ring.count
        } else {
            ring[(start + count) % ring.count] = event
            count += 1
        }
    }

    /// Drops every event, so only positions at `revision` or later can be resumed.
    mutating func compact(to revision: Int64) {
        ring = Array(repeating: nil, count: ring.count)
        start = 0
        count = 0
        compactedRevision = revision
    }

    /// Events newer than `revision` for `storageKey` in order, or `nil` when `revision` was compacted away.
    func events(after revision: Int64, storageKey: String?) -> [StoreEvent]? {
        guard revision >= compactedRevision else { return nil }
        var result: [StoreEvent] = []
        for offset in 0..<count {
            guard let event = ring[(start + offset) % ring.count], event.resourceVersion > revision else { continue }
            if storageKey == nil || event.storageKey == storageKey { result.append(event) }
        }
        return result
    }
}
