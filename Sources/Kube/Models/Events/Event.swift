// Event (core/v1): what `kubectl describe` shows.
// The models follow Kubernetes 1.32; members they do not name travel in `unknownFields`.
import YAML

/// An Event (core/v1), the form `kubectl describe` lists.
public struct Event: Codable, Sendable, Equatable {
    /// The API version.
    ///
    /// Default: `v1`.
    public var apiVersion: String
    /// The kind.
    ///
    /// Default: `Event`.
    public var kind: String
    /// Standard object metadata.
    public var metadata: ObjectMeta
    /// The object the event is about.
    public var involvedObject: ObjectReference
    /// A short CamelCase reason, for example `ScaledUp`.
    public var reason: String?
    /// A human-readable description.
    public var message: String?
    /// `Normal` or `Warning`.
    public var type: String?
    /// The component that reported the event.
    public var source: EventSource?
    /// When the event was first seen (RFC 3339).
    public var firstTimestamp: String?
    /// When the event was last seen (RFC 3339).
    public var lastTimestamp: String?
    /// How often the event occurred.
    public var count: Int?
    /// When the event first happened (MicroTime).
    public var eventTime: String?
    /// Data about a series of repeats.
    public var series: EventSeries?
    /// What was done, for example `Scale`.
    public var action: String?
    /// A secondary object.
    public var related: ObjectReference?
    /// The controller that emitted the event, for example `poolpilot.dev/operator`.
    public var reportingComponent: String?
    /// The instance of that controller.
    public var reportingInstance: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        apiVersion: String = "v1",
        kind: String = "Event",
        metadata: ObjectMeta = ObjectMeta(),
        involvedObject: ObjectReference = ObjectReference(),
        reason: String? = nil,
        message: String? = nil,
        type: String? = nil,
        source: EventSource? = nil,
        firstTimestamp: String? = nil,
        lastTimestamp: String? = nil,
        count: Int? = nil,
        eventTime: String? = nil,
        series: EventSeries? = nil,
        action: String? = nil,
        related: ObjectReference? = nil,
        reportingComponent: String? = nil,
        reportingInstance: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.type = type
        self.source = source
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.count = count
        self.eventTime = eventTime
        self.series = series
        self.action = action
        self.related = related
        self.reportingComponent = reportingComponent
        self.reportingInstance = reportingInstance
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "apiVersion", "kind", "metadata", "involvedObject", "reason", "message", "type", "source", "firstTimestamp",
        "lastTimestamp", "count", "eventTime", "series", "action", "related", "reportingComponent", "reportingInstance",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion") ?? "v1"
        kind = try container.decodeIfPresent(String.self, forKey: "kind") ?? "Event"
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: "metadata") ?? ObjectMeta()
        involvedObject =
            try container.decodeIfPresent(ObjectReference.self, forKey: "involvedObject") ?? ObjectReference()
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        type = try container.decodeIfPresent(String.self, forKey: "type")
        source = try container.decodeIfPresent(EventSource.self, forKey: "source")
        firstTimestamp = try container.decodeIfPresent(String.self, forKey: "firstTimestamp")
        lastTimestamp = try container.decodeIfPresent(String.self, forKey: "lastTimestamp")
        count = try container.decodeIfPresent(Int.self, forKey: "count")
        eventTime = try container.decodeIfPresent(String.self, forKey: "eventTime")
        series = try container.decodeIfPresent(EventSeries.self, forKey: "series")
        action = try container.decodeIfPresent(String.self, forKey: "action")
        related = try container.decodeIfPresent(ObjectReference.self, forKey: "related")
        reportingComponent = try container.decodeIfPresent(String.self, forKey: "reportingComponent")
        reportingInstance = try container.decodeIfPresent(String.self, forKey: "reportingInstance")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(apiVersion, forKey: "apiVersion")
        try container.encode(kind, forKey: "kind")
        try container.encode(metadata, forKey: "metadata")
        try container.encode(involvedObject, forKey: "involvedObject")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(type, forKey: "type")
        try container.encodeIfPresent(source, forKey: "source")
        try container.encodeIfPresent(firstTimestamp, forKey: "firstTimestamp")
        try container.encodeIfPresent(lastTimestamp, forKey: "lastTimestamp")
        try container.encodeIfPresent(count, forKey: "count")
        try container.encodeIfPresent(eventTime, forKey: "eventTime")
        try container.encodeIfPresent(series, forKey: "series")
        try container.encodeIfPresent(action, forKey: "action")
        try container.encodeIfPresent(related, forKey: "related")
        try container.encodeIfPresent(reportingComponent, forKey: "reportingComponent")
        try container.encodeIfPresent(reportingInstance, forKey: "reportingInstance")
        try container.encodeUnknown(unknownFields)
    }
}

extension Event: KubeResource {
    /// `v1` `events`, namespaced.
    public static let resource = ResourceDescriptor(
        group: "",
        version: "v1",
        plural: "events",
        kind: "Event",
        namespaced: true
    )
}

/// A reference to an object, as events and bindings use it.
public struct ObjectReference: Codable, Sendable, Equatable {
    /// The kind.
    public var kind: String?
    /// The namespace.
    public var namespace: String?
    /// The name.
    public var name: String?
    /// The UID.
    public var uid: String?
    /// The API version.
    public var apiVersion: String?
    /// The version of the object the reference was made from.
    public var resourceVersion: String?
    /// A part of the object, for example `spec.containers{server}`.
    public var fieldPath: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        kind: String? = nil,
        namespace: String? = nil,
        name: String? = nil,
        uid: String? = nil,
        apiVersion: String? = nil,
        resourceVersion: String? = nil,
        fieldPath: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = [
        "kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath",
    ]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        kind = try container.decodeIfPresent(String.self, forKey: "kind")
        namespace = try container.decodeIfPresent(String.self, forKey: "namespace")
        name = try container.decodeIfPresent(String.self, forKey: "name")
        uid = try container.decodeIfPresent(String.self, forKey: "uid")
        apiVersion = try container.decodeIfPresent(String.self, forKey: "apiVersion")
        resourceVersion = try container.decodeIfPresent(String.self, forKey: "resourceVersion")
        fieldPath = try container.decodeIfPresent(String.self, forKey: "fieldPath")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(kind, forKey: "kind")
        try container.encodeIfPresent(namespace, forKey: "namespace")
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(uid, forKey: "uid")
        try container.encodeIfPresent(apiVersion, forKey: "apiVersion")
        try container.encodeIfPresent(resourceVersion, forKey: "resourceVersion")
        try container.encodeIfPresent(fieldPath, forKey: "fieldPath")
        try container.encodeUnknown(unknownFields)
    }
}

/// The component and host that reported a core/v1 event.
public struct EventSource: Codable, Sendable, Equatable {
    /// The component name.
    public var component: String?
    /// The node name.
    public var host: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        component: String? = nil,
        host: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.component = component
        self.host = host
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["component", "host"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        component = try container.decodeIfPresent(String.self, forKey: "component")
        host = try container.decodeIfPresent(String.self, forKey: "host")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(component, forKey: "component")
        try container.encodeIfPresent(host, forKey: "host")
        try container.encodeUnknown(unknownFields)
    }
}

/// How often an event repeated and when last.
public struct EventSeries: Codable, Sendable, Equatable {
    /// The number of occurrences in the series.
    public var count: Int?
    /// When the last occurrence was seen (MicroTime).
    public var lastObservedTime: String?
    /// Members this model does not know, kept so that a read-modify-write loses nothing.
    public var unknownFields: [String: JSONValue]

    /// Creates a value; members left out are unset.
    public init(
        count: Int? = nil,
        lastObservedTime: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.count = count
        self.lastObservedTime = lastObservedTime
        self.unknownFields = unknownFields
    }

    private static let knownKeys: Set<String> = ["count", "lastObservedTime"]

    /// Decodes the known members and keeps the rest in ``unknownFields``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        count = try container.decodeIfPresent(Int.self, forKey: "count")
        lastObservedTime = try container.decodeIfPresent(String.self, forKey: "lastObservedTime")
        unknownFields = try container.unknownFields(known: Self.knownKeys)
    }

    /// Encodes the members that are set, then the unknown ones.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encodeIfPresent(count, forKey: "count")
        try container.encodeIfPresent(lastObservedTime, forKey: "lastObservedTime")
        try container.encodeUnknown(unknownFields)
    }
}
