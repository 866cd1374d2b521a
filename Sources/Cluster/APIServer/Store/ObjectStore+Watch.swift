import Foundation
import YAML

/// Where a watch starts.
enum WatchStart: Sendable, Equatable {
    /// `resourceVersion` unset or "0": synthetic ADDED events for the current state, then changes.
    case currentState
    /// An exact revision: only changes after it (410 when compacted).
    case after(Int64)
    /// `sendInitialEvents=true`: the current state, then a BOOKMARK marking its end, then changes.
    case initialEventsThenBookmark
}

// Opening watches.
extension ObjectStore {
    /// Opens a watch; the stream yields newline-terminated JSON events until the client or server ends it.
    func watch(_ request: WatchRequest, start: WatchStart) -> AsyncStream<[UInt8]> {
        var initial: [(type: String, object: JSONValue)] = []
        var bookmark: JSONValue?
        switch start {
        case .currentState, .initialEventsThenBookmark:
            let group = objects[request.resource.storageKey] ?? [:]
            for key in group.keys.sorted() {
                guard let object = group[key], request.matches(object) else { continue }
                initial.append(("ADDED", Conversion.toServed(object, resource: request.resource)))
            }
            if start == .initialEventsThenBookmark, request.allowsBookmarks {
                bookmark = [
                    "kind": .string(request.resource.kind), "apiVersion": .string(request.resource.apiVersion),
                    "metadata": [
                        "resourceVersion": .string(String(revision)),
                        "annotations": ["k8s.io/initial-events-end": "true"],
                    ],
                ]
            }
        case .after(let position):
            guard let events = history.events(after: position, storageKey: request.resource.storageKey) else {
                return Self.expiredStream(position: position, oldest: history.compactedRevision)
            }
            for event in events {
                guard let type = WatchHub.visibleType(event, for: request) else { continue }
                initial.append((type, Conversion.toServed(event.object, resource: request.resource)))
            }
        }
        return hub.open(
            request,
            initial: initial,
            initialBookmark: bookmark,
            revision: revision,
            cutAfterEvents: watchCutAfterEvents,
            cutAfterSeconds: watchCutAfterSeconds
        )
    }

    /// A stream with the single ERROR event a real server sends for a compacted position.
    private static func expiredStream(position: Int64, oldest: Int64) -> AsyncStream<[UInt8]> {
        let error = APIError.expired("too old resource version: \(position) (\(oldest + 1))")
        var line = (["type": "ERROR", "object": error.status] as JSONValue).compactJSONBytes()
        line.append(0x0A)
        return AsyncStream { continuation in
            continuation.yield(line)
            continuation.finish()
        }
    }
}
