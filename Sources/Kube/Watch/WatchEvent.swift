/// One event of a watch stream.
///
/// An `ERROR` event with code 410 (`Expired`/`Gone`) is not delivered as ``error(_:)``: the stream
/// throws ``KubeClientError/gone(verb:path:status:)`` instead, so callers relist in one place.
public enum WatchEvent<Object: Decodable & Sendable>: Sendable {
    /// An object appeared (or was listed, for watches that start without a resourceVersion).
    case added(Object)
    /// An object changed.
    case modified(Object)
    /// An object was removed; this is its last state.
    case deleted(Object)
    /// Progress marker: nothing changed up to `resourceVersion`, resume from here.
    case bookmark(resourceVersion: String)
    /// The server reported a problem other than an expired version; the stream usually ends next.
    case error(Status)

    /// The object of ADDED, MODIFIED and DELETED events.
    public var object: Object? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): return object
        case .bookmark, .error: return nil
        }
    }

    /// The event type as the API names it: `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK`, `ERROR`.
    public var type: String {
        switch self {
        case .added: return "ADDED"
        case .modified: return "MODIFIED"
        case .deleted: return "DELETED"
        case .bookmark: return "BOOKMARK"
        case .error: return "ERROR"
        }
    }
}

extension WatchEvent: Equatable where Object: Equatable {}

/// The `{"type": ..., "object": ...}` line of a watch stream, decoded in one pass.
struct WatchEnvelope<Object: Decodable & Sendable>: Decodable {
    var event: WatchEvent<Object>

    private struct BookmarkObject: Decodable {
        struct Metadata: Decodable { var resourceVersion: String? }
        var metadata: Metadata?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let type = try container.decode(String.self, forKey: "type")
        switch type {
        case "ADDED": event = .added(try container.decode(Object.self, forKey: "object"))
        case "MODIFIED": event = .modified(try container.decode(Object.self, forKey: "object"))
        case "DELETED": event = .deleted(try container.decode(Object.self, forKey: "object"))
        case "BOOKMARK":
            // Only the version matters; a bookmark without one still marks progress.
            let object = try container.decodeIfPresent(BookmarkObject.self, forKey: "object")
            event = .bookmark(resourceVersion: object?.metadata?.resourceVersion ?? "")
        case "ERROR": event = .error(try container.decode(Status.self, forKey: "object"))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: "type",
                in: container,
                debugDescription: "unknown watch event type \(type)"
            )
        }
    }
}
