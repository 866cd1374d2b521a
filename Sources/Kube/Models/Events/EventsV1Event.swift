// Event (events.k8s.io/v1): the newer events API.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// An Event in the events.k8s.io/v1 API: the same object as core/v1 ``Event`` with renamed fields.
///
/// `regarding` is `involvedObject`, `note` is `message`, and `reportingController` is required.
public struct EventsV1Event: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `events.k8s.io/v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Event`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// When the event first happened (MicroTime); required.
    public var eventTime: String?
    /// Data about a series of repeats.
    public var series: EventSeries?
    /// The controller that emitted the event.
    public var reportingController: String?
    /// The instance of that controller.
    public var reportingInstance: String?
    /// What was done.
    public var action: String?
    /// Why, in CamelCase.
    public var reason: String?
    /// The object the event is about.
    public var regarding: ObjectReference?
    /// A secondary object.
    public var related: ObjectReference?
    /// A human-readable description.
    public var note: String?
    /// `Normal` or `Warning`.
    public var type: String?
    /// The core/v1 `source`.
    public var deprecatedSource: EventSource?
    /// The core/v1 `firstTimestamp`.
    public var deprecatedFirstTimestamp: String?
    /// The core/v1 `lastTimestamp`.
    public var deprecatedLastTimestamp: String?
    /// The core/v1 `count`.
    public var deprecatedCount: Int?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "events.k8s.io/v1",
        kind: String = "Event",
        metadata: ObjectMeta = ObjectMeta(),
        eventTime: String? = nil,
        series: EventSeries? = nil,
        reportingController: String? = nil,
        reportingInstance: String? = nil,
        action: String? = nil,
        reason: String? = nil,
        regarding: ObjectReference? = nil,
        related: ObjectReference? = nil,
        note: String? = nil,
        type: String? = nil,
        deprecatedSource: EventSource? = nil,
        deprecatedFirstTimestamp: String? = nil,
        deprecatedLastTimestamp: String? = nil,
        deprecatedCount: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.eventTime = eventTime
        self.series = series
        self.reportingController = reportingController
        self.reportingInstance = reportingInstance
        self.action = action
        self.reason = reason
        self.regarding = regarding
        self.related = related
        self.note = note
        self.type = type
        self.deprecatedSource = deprecatedSource
        self.deprecatedFirstTimestamp = deprecatedFirstTimestamp
        self.deprecatedLastTimestamp = deprecatedLastTimestamp
        self.deprecatedCount = deprecatedCount
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "apiVersion", "kind", "metadata", "eventTime", "series", "reportingController", "reportingInstance", "action",
        "reason", "regarding", "related", "note", "type", "deprecatedSource", "deprecatedFirstTimestamp",
        "deprecatedLastTimestamp", "deprecatedCount",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "events.k8s.io/v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Event"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        eventTime = try container.decodeIfPresent(String.self, forKey: "eventTime")
        series = try container.decodeIfPresent(EventSeries.self, forKey: "series")
        reportingController = try container.decodeIfPresent(String.self, forKey: "reportingController")
        reportingInstance = try container.decodeIfPresent(String.self, forKey: "reportingInstance")
        action = try container.decodeIfPresent(String.self, forKey: "action")
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        regarding = try container.decodeIfPresent(ObjectReference.self, forKey: "regarding")
        related = try container.decodeIfPresent(ObjectReference.self, forKey: "related")
        note = try container.decodeIfPresent(String.self, forKey: "note")
        type = try container.decodeIfPresent(String.self, forKey: "type")
        deprecatedSource = try container.decodeIfPresent(EventSource.self, forKey: "deprecatedSource")
        deprecatedFirstTimestamp = try container.decodeIfPresent(String.self, forKey: "deprecatedFirstTimestamp")
        deprecatedLastTimestamp = try container.decodeIfPresent(String.self, forKey: "deprecatedLastTimestamp")
        deprecatedCount = try container.decodeIfPresent(Int.self, forKey: "deprecatedCount")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(metadata, forKey: "metadata")
        try container.encodeIfPresent(eventTime, forKey: "eventTime")
        try container.encodeIfPresent(series, forKey: "series")
        try container.encodeIfPresent(reportingController, forKey: "reportingController")
        try container.encodeIfPresent(reportingInstance, forKey: "reportingInstance")
        try container.encodeIfPresent(action, forKey: "action")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(regarding, forKey: "regarding")
        try container.encodeIfPresent(related, forKey: "related")
        try container.encodeIfPresent(note, forKey: "note")
        try container.encodeIfPresent(type, forKey: "type")
        try container.encodeIfPresent(deprecatedSource, forKey: "deprecatedSource")
        try container.encodeIfPresent(deprecatedFirstTimestamp, forKey: "deprecatedFirstTimestamp")
        try container.encodeIfPresent(deprecatedLastTimestamp, forKey: "deprecatedLastTimestamp")
        try container.encodeIfPresent(deprecatedCount, forKey: "deprecatedCount")
        try container.encodeUnknown(unknownFields)
    }
}

extension EventsV1Event: KubeResource {
    /// `events.k8s.io/v1` `events`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "events.k8s.io",
        version: "v1",
        plural: "events",
        kind: "Event",
        namespaced: true
    )
}
