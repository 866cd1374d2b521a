import YAML

/// Options of a list request (and of the list half of list+watch).
public struct ListOptions: Sendable, Equatable {
    /// A label selector such as `app=web,tier in (gpu)`.
    public var labelSelector: String?
    /// A field selector such as `metadata.name=web` or `spec.nodeName=gpu-1`.
    public var fieldSelector: String?
    /// The most items per page; `nil` asks for everything at once.
    public var limit: Int?
    /// The token from the previous page's `metadata.continue`.
    public var continueToken: String?
    /// `"0"` allows a cached (possibly stale) answer; `nil` asks for a consistent read.
    public var resourceVersion: String?

    /// Creates list options.
    public init(
        labelSelector: String? = nil,
        fieldSelector: String? = nil,
        limit: Int? = nil,
        continueToken: String? = nil,
        resourceVersion: String? = nil
    ) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let labelSelector { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector { items.append(("fieldSelector", fieldSelector)) }
        if let limit { items.append(("limit", String(limit))) }
        if let continueToken { items.append(("continue", continueToken)) }
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        return items
    }
}

/// Options of a watch request.
public struct WatchOptions: Sendable, Equatable {
    /// Start after this version; `nil` (or `"0"`) first replays the current objects as ADDED events.
    public var resourceVersion: String?
    /// A label selector.
    public var labelSelector: String?
    /// A field selector; `metadata.name=x` watches one object.
    public var fieldSelector: String?
    /// Ask for BOOKMARK events that carry a newer resourceVersion.
    ///
    /// Default: true.
    public var allowWatchBookmarks: Bool
    /// Ask the server to end the stream cleanly after this many seconds.
    ///
    /// Default: 290 (below the
    /// server's 5-minute cap, as kube-rs does); callers re-watch from the last version they saw.
    public var timeoutSeconds: Int?

    /// Creates watch options.
    public init(
        resourceVersion: String? = nil,
        labelSelector: String? = nil,
        fieldSelector: String? = nil,
        allowWatchBookmarks: Bool = true,
        timeoutSeconds: Int? = 290
    ) {
        self.resourceVersion = resourceVersion
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.allowWatchBookmarks = allowWatchBookmarks
        self.timeoutSeconds = timeoutSeconds
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = [("watch", "true")]
        if let resourceVersion { items.append(("resourceVersion", resourceVersion)) }
        if let labelSelector { items.append(("labelSelector", labelSelector)) }
        if let fieldSelector { items.append(("fieldSelector", fieldSelector)) }
        if allowWatchBookmarks { items.append(("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { items.append(("timeoutSeconds", String(timeoutSeconds))) }
        return items
    }
}

/// Options of create and update requests.
public struct WriteOptions: Sendable, Equatable {
    /// Run admission and validation without persisting (`dryRun=All`).
    ///
    /// Default: false.
    public var dryRun: Bool
    /// The field manager recorded in `managedFields`.
    public var fieldManager: String?

    /// Creates write options.
    public init(dryRun: Bool = false, fieldManager: String? = nil) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
    }

    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if dryRun { items.append(("dryRun", "All")) }
        if let fieldManager { items.append(("fieldManager", fieldManager)) }
        return items
    }
}

/// A patch body and the patch type it is sent as.
public enum Patch: Sendable, Equatable {
    /// RFC 6902 JSON patch: a list of operations (`add`, `remove`, `replace`, `move`, `copy`, `test`).
    case json([JSONPatchOperation])
    /// RFC 7386 JSON merge patch: objects merge, `null` deletes, lists are replaced whole.
    case merge(JSONValue)
    /// Strategic merge patch: lists merge by key (`containers` by `name`); built-in types only.
    case strategic(JSONValue)
    /// Server-side apply of a partial object; needs ``PatchOptions/fieldManager``.
    case apply(JSONValue)

    /// The `Content-Type` of the request.
    public var contentType: String {
        switch self {
        case .json: return "application/json-patch+json"
        case .merge: return "application/merge-patch+json"
        case .strategic: return "application/strategic-merge-patch+json"
        case .apply: return "application/apply-patch+yaml"
        }
    }

    func body() throws -> [UInt8] {
        switch self {
        case .json(let operations): return try JSONValue.array(operations.map(\.value)).jsonBytes()
        case .merge(let value), .strategic(let value), .apply(let value): return try value.jsonBytes()
        }
    }
}

/// One RFC 6902 operation.
public struct JSONPatchOperation: Sendable, Equatable {
    /// The operation as JSON: `{"op": ..., "path": ..., "value"/"from": ...}`.
    public var value: JSONValue

    /// `add` at a JSON pointer such as `/metadata/finalizers/-`.
    public static func add(_ path: String, _ value: JSONValue) -> Self {
        Self(value: ["op": "add", "path": .string(path), "value": value])
    }
    /// `replace` the value at a path.
    public static func replace(_ path: String, _ value: JSONValue) -> Self {
        Self(value: ["op": "replace", "path": .string(path), "value": value])
    }
    /// `remove` the value at a path.
    public static func remove(_ path: String) -> Self {
        Self(value: ["op": "remove", "path": .string(path)])
    }
    /// `test` that the value at a path equals `value`; the whole patch fails if it does not.
    public static func test(_ path: String, _ value: JSONValue) -> Self {
        Self(value: ["op": "test", "path": .string(path), "value": value])
    }
    /// `move` a value from one path to another.
    public static func move(from: String, to path: String) -> Self {
        Self(value: ["op": "move", "from": .string(from), "path": .string(path)])
    }
    /// `copy` a value from one path to another.
    public static func copy(from: String, to path: String) -> Self {
        Self(value: ["op": "copy", "from": .string(from), "path": .string(path)])
    }
}

/// Options of a patch request.
public struct PatchOptions: Sendable, Equatable {
    /// The field manager; required for ``Patch/apply(_:)``.
    public var fieldManager: String?
    /// For apply: take ownership of fields other managers own instead of failing with 409.
    public var force: Bool
    /// Run without persisting (`dryRun=All`).
    public var dryRun: Bool

    /// Creates patch options.
    public init(fieldManager: String? = nil, force: Bool = false, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
    }

    func queryItems(for patch: Patch) -> [(String, String)] {
        var items: [(String, String)] = []
        if dryRun { items.append(("dryRun", "All")) }
        if let fieldManager { items.append(("fieldManager", fieldManager)) }
        if case .apply = patch { items.append(("force", force ? "true" : "false")) }
        return items
    }
}

/// Options of a delete request, sent as a `DeleteOptions` body.
public struct DeleteOptions: Sendable, Equatable {
    /// How dependents are deleted.
    public enum PropagationPolicy: String, Sendable {
        /// Delete the owner now; the garbage collector deletes dependents afterwards (kubectl's default).
        case background = "Background"
        /// Delete dependents first, then the owner.
        case foreground = "Foreground"
        /// Leave dependents, removing their owner references.
        case orphan = "Orphan"
    }

    /// The propagation policy; `nil` leaves the server's default.
    public var propagationPolicy: PropagationPolicy?
    /// Delete only if the object still has this UID.
    public var preconditionUID: String?
    /// Delete only if the object is still at this resourceVersion.
    public var preconditionResourceVersion: String?
    /// Grace period in seconds; `0` deletes at once.
    public var gracePeriodSeconds: Int?
    /// Run without persisting (`dryRun=All`).
    public var dryRun: Bool

    /// Creates delete options.
    public init(
        propagationPolicy: PropagationPolicy? = nil,
        preconditionUID: String? = nil,
        preconditionResourceVersion: String? = nil,
        gracePeriodSeconds: Int? = nil,
        dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    var body: JSONValue {
        var members: [String: JSONValue] = ["kind": "DeleteOptions", "apiVersion": "v1"]
        if let propagationPolicy { members["propagationPolicy"] = .string(propagationPolicy.rawValue) }
        if let gracePeriodSeconds { members["gracePeriodSeconds"] = .integer(Int64(gracePeriodSeconds)) }
        if dryRun { members["dryRun"] = ["All"] }
        var preconditions: [String: JSONValue] = [:]
        if let preconditionUID { preconditions["uid"] = .string(preconditionUID) }
        if let preconditionResourceVersion { preconditions["resourceVersion"] = .string(preconditionResourceVersion) }
        if !preconditions.isEmpty { members["preconditions"] = .object(preconditions) }
        return .object(members)
    }
}
