import Foundation
import Kube
import YAML

/// Where aggregated events are written; ``KubeEventSink`` writes real Event objects.
public protocol EventSink: Sendable {
    /// Creates the Event object of a series.
    func create(_ series: EventAggregator.Series, reportingController: String, reportingInstance: String) async throws
    /// Updates an existing Event object's count and last time.
    ///
    /// - Throws: an error whose ``EventSinkError/isNotFound`` is true when the object is gone.
    func updateSeries(_ series: EventAggregator.Series) async throws
}

/// Failures of an ``EventSink``.
public enum EventSinkError: Error, Sendable, CustomStringConvertible {
    /// The Event object does not exist (expired by the server's TTL, or deleted).
    case notFound(String)

    /// A lowercase explanation.
    public var description: String {
        switch self {
        case .notFound(let name): "event \(name) not found"
        }
    }
}

/// Writes events.k8s.io/v1 Events, falling back to core/v1 when the server does not serve the
/// events.k8s.io group (a 404 on the first write).
public actor KubeEventSink: EventSink {
    private let client: KubeClient
    private let counting: APIRequestCounting
    private var usesCoreEvents = false

    /// Creates a sink.
    public init(client: KubeClient, metrics: RuntimeMetrics? = nil) {
        self.client = client
        self.counting = APIRequestCounting(metrics: metrics)
    }

    /// Whether the sink fell back to core/v1 Events.
    public var isUsingCoreEvents: Bool { usesCoreEvents }

    /// Creates the Event, in the regarding object's namespace (`default` for cluster-scoped objects).
    public func create(
        _ series: EventAggregator.Series,
        reportingController: String,
        reportingInstance: String
    ) async throws {
        if !usesCoreEvents {
            do {
                let event = Self.eventsV1(series, reportingController, reportingInstance)
                _ = try await counting.call("create") { try await client.create(event) }
                return
            } catch let error as KubeClientError where error.isNotFound {
                // The server does not serve events.k8s.io/v1: use core/v1 from now on.
                usesCoreEvents = true
            }
        }
        let event = Self.coreEvent(series, reportingController, reportingInstance)
        _ = try await counting.call("create") { try await client.create(event) }
    }

    /// Patches the series count (merge patch).
    public func updateSeries(_ series: EventAggregator.Series) async throws {
        let namespace = Self.namespace(of: series)
        let time = KubeTime.formatMicro(series.lastTime)
        do {
            if usesCoreEvents {
                let patch: JSONValue = [
                    "count": .integer(Int64(series.count)),
                    "lastTimestamp": .string(KubeTime.format(series.lastTime)),
                    "series": ["count": .integer(Int64(series.count)), "lastObservedTime": .string(time)],
                ]
                _ = try await counting.call("patch") {
                    try await client.patch(Event.self, name: series.name, namespace: namespace, patch: .merge(patch))
                }
            } else {
                let patch: JSONValue = [
                    "series": ["count": .integer(Int64(series.count)), "lastObservedTime": .string(time)]
                ]
                _ = try await counting.call("patch") {
                    try await client.patch(
                        EventsV1Event.self,
                        name: series.name,
                        namespace: namespace,
                        patch: .merge(patch)
                    )
                }
            }
        } catch let error as KubeClientError where error.isNotFound {
            throw EventSinkError.notFound(series.name)
        }
    }

    static func namespace(of series: EventAggregator.Series) -> String {
        let namespace = series.occurrence.regarding.namespace ?? ""
        return namespace.isEmpty ? "default" : namespace
    }

    static func eventsV1(_ series: EventAggregator.Series, _ controller: String, _ instance: String) -> EventsV1Event {
        var event = EventsV1Event(metadata: ObjectMeta(name: series.name, namespace: namespace(of: series)))
        event.eventTime = KubeTime.formatMicro(series.firstTime)
        event.reportingController = controller
        event.reportingInstance = instance
        event.action = series.occurrence.action
        event.reason = series.occurrence.reason
        event.regarding = series.occurrence.regarding
        event.note = series.occurrence.note
        event.type = series.occurrence.severity.rawValue
        if series.count > 1 {
            event.series = EventSeries(count: series.count, lastObservedTime: KubeTime.formatMicro(series.lastTime))
        }
        return event
    }

    static func coreEvent(_ series: EventAggregator.Series, _ controller: String, _ instance: String) -> Event {
        var event = Event(
            metadata: ObjectMeta(name: series.name, namespace: namespace(of: series)),
            involvedObject: series.occurrence.regarding
        )
        event.reason = series.occurrence.reason
        event.message = series.occurrence.note
        event.type = series.occurrence.severity.rawValue
        event.source = EventSource(component: controller)
        event.firstTimestamp = KubeTime.format(series.firstTime)
        event.lastTimestamp = KubeTime.format(series.lastTime)
        event.count = series.count
        event.eventTime = KubeTime.formatMicro(series.firstTime)
        event.action = series.occurrence.action
        event.reportingComponent = controller
        event.reportingInstance = instance
        return event
    }
}
