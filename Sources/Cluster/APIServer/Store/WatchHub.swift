import Foundation
import Synchronization
import YAML

/// What one watch asked for.
struct WatchRequest: Sendable {
    /// The resource (and so the version) the client watches.
    var resource: ResourceDefinition
    /// Only this namespace, or all.
    var namespace: String?
    /// Label filter.
    var labelSelector: LabelSelector
    /// Field filter.
    var fieldSelector: FieldSelector
    /// Whether objects are sent as one-row Tables (kubectl `get -w`).
    var table: TableRenderer.IncludeObject?
    /// Whether BOOKMARK events may be sent.
    var allowsBookmarks: Bool
    /// When the server ends the watch (`timeoutSeconds`), if ever.
    var deadline: ContinuousClock.Instant?

    /// Whether `object` passes the namespace and selectors.
    func matches(_ object: JSONValue) -> Bool {
        if let namespace, object.namespace != namespace { return false }
        return labelSelector.matches(object.labels) && fieldSelector.matches(object)
    }
}

/// Fans store changes out to open watch streams.
///
/// The store calls ``publish(_:)`` inside its actor after each commit, so events reach every watcher in
/// commit order. Streams are bounded: a watcher that falls more than ``bufferLimit`` events behind is
/// closed (its client relists), never allowed to grow memory without bound. Lock-protected rather than
/// an actor so a stream's termination handler can deregister synchronously.
final class WatchHub: Sendable {
    private struct Watcher {
        var request: WatchRequest
        var continuation: AsyncStream<[UInt8]>.Continuation
        var sentHeaders = false
        var eventsSent = 0
        var cutAfterEvents: Int?
        var cutAt: ContinuousClock.Instant?
        var lastBookmark: ContinuousClock.Instant
    }

    private struct State {
        var watchers: [String: [Int: Watcher]] = [:]
        var nextID = 0
        var revision: Int64 = 0
    }

    /// Events a slow watcher may have queued before it is closed.
    static let bufferLimit = 20_000

    private let state = Mutex(State())

    /// Open watches, for tests and the admin endpoint.
    var count: Int { state.withLock { $0.watchers.values.reduce(0) { $0 + $1.count } } }

    /// Opens a stream for `request`, first sending `initial` events; faults may cut it early.
    func open(
        _ request: WatchRequest,
        initial: [(type: String, object: JSONValue)],
        initialBookmark: JSONValue?,
        revision: Int64,
        cutAfterEvents: Int?,
        cutAfterSeconds: Double?
    ) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: [UInt8].self,
            bufferingPolicy: .bufferingOldest(Self.bufferLimit)
        )
        let now = ContinuousClock.now
        var watcher = Watcher(
            request: request,
            continuation: continuation,
            cutAfterEvents: cutAfterEvents,
            cutAt: cutAfterSeconds.map { now + .milliseconds(Int($0 * 1000)) },
            lastBookmark: now
        )
        var isOpen = true
        for event in initial where isOpen {
            var cache: [String: [UInt8]] = [:]
            isOpen = send(&watcher, type: event.type, object: event.object, cache: &cache)
        }
        if let initialBookmark, isOpen {
            var cache: [String: [UInt8]] = [:]
            isOpen = send(&watcher, type: "BOOKMARK", object: initialBookmark, cache: &cache)
        }
        guard isOpen else {
            continuation.finish()
            return stream
        }
        let key = request.resource.storageKey
        let id = state.withLock { state -> Int in
            state.nextID += 1
            state.revision = max(state.revision, revision)
            state.watchers[key, default: [:]][state.nextID] = watcher
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in state.watchers[key]?[id] = nil }
        }
        return stream
    }

    /// Delivers one committed change to every matching watcher.
    func publish(_ event: StoreEvent) {
        var finished: [AsyncStream<[UInt8]>.Continuation] = []
        state.withLock { state in
            state.revision = event.resourceVersion
            guard var group = state.watchers[event.storageKey] else { return }
            var cache: [String: [UInt8]] = [:]
            var served: [String: JSONValue] = [:]
            for (id, watcher) in group {
                var watcher = watcher
                guard let type = Self.visibleType(event, for: watcher.request) else { continue }
                let resource = watcher.request.resource
                let object = served[resource.apiVersion] ?? Conversion.toServed(event.object, resource: resource)
                served[resource.apiVersion] = object
                if !send(&watcher, type: type, object: object, cache: &cache) {
                    finished.append(watcher.continuation)
                    group[id] = nil
                } else {
                    group[id] = watcher
                }
            }
            state.watchers[event.storageKey] = group
        }
        for continuation in finished { continuation.finish() }
    }

    /// What a watcher sees of a change, given its filters (a change can move an object in or out of view).
    static func visibleType(_ event: StoreEvent, for request: WatchRequest) -> String? {
        let isVisible = request.matches(event.object)
        let wasVisible = event.previous.map(request.matches) ?? false
        switch event.type {
        case "ADDED": return isVisible ? "ADDED" : nil
        case "DELETED": return isVisible || wasVisible ? "DELETED" : nil
        default:
            switch (wasVisible, isVisible) {
            case (true, true): return "MODIFIED"
            case (false, true): return "ADDED"
            case (true, false): return "DELETED"
            case (false, false): return nil
            }
        }
    }

    /// Encodes and queues one event (reusing `cache`, per event, across watchers); false means close it.
    private func send(_ watcher: inout Watcher, type: String, object: JSONValue, cache: inout [String: [UInt8]]) -> Bool
    {
        var line: [UInt8]
        if let include = watcher.request.table, type != "BOOKMARK" {
            let table = TableRenderer.table(
                [object],
                resource: watcher.request.resource,
                include: include,
                listMetadata: ["resourceVersion": .string(object.resourceVersion)],
                withHeaders: !watcher.sentHeaders,
                now: Date()
            )
            watcher.sentHeaders = true
            line = (["type": .string(type), "object": table] as JSONValue).compactJSONBytes()
        } else if let cached = cache["\(type) \(watcher.request.resource.apiVersion)"] {
            line = cached
        } else {
            line = (["type": .string(type), "object": object] as JSONValue).compactJSONBytes()
            cache["\(type) \(watcher.request.resource.apiVersion)"] = line
        }
        line.append(0x0A)
        if case .dropped = watcher.continuation.yield(line) { return false }
        watcher.eventsSent += 1
        if let limit = watcher.cutAfterEvents, watcher.eventsSent >= limit { return false }
        return true
    }

    /// Ends watches whose time is up and sends BOOKMARKs every `bookmarkInterval` seconds.
    func tick(now: ContinuousClock.Instant, bookmarkInterval: Double) {
        var finished: [AsyncStream<[UInt8]>.Continuation] = []
        state.withLock { state in
            let revision = String(state.revision)
            for (key, group) in state.watchers {
                var updated = group
                for (id, watcher) in group {
                    var watcher = watcher
                    let deadlines = [watcher.request.deadline, watcher.cutAt].compactMap { $0 }
                    if deadlines.contains(where: { $0 <= now }) {
                        finished.append(watcher.continuation)
                        updated[id] = nil
                        continue
                    }
                    guard watcher.request.allowsBookmarks,
                        now - watcher.lastBookmark >= .milliseconds(Int(bookmarkInterval * 1000))
                    else { continue }
                    watcher.lastBookmark = now
                    let resource = watcher.request.resource
                    let bookmark: JSONValue = [
                        "kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion),
                        "metadata": ["resourceVersion": .string(revision)],
                    ]
                    var line = (["type": "BOOKMARK", "object": bookmark] as JSONValue).compactJSONBytes()
                    line.append(0x0A)
                    _ = watcher.continuation.yield(line)
                    updated[id] = watcher
                }
                state.watchers[key] = updated
            }
        }
        for continuation in finished { continuation.finish() }
    }

    /// Closes every open watch (a simulated restart, or shutdown).
    func closeAll() {
        let all = state.withLock { state -> [AsyncStream<[UInt8]>.Continuation] in
            let continuations = state.watchers.values.flatMap { $0.values.map(\.continuation) }
            state.watchers = [:]
            return continuations
        }
        for continuation in all { continuation.finish() }
    }
}
