import Foundation
import Kube
import YAML

/// Records Events on pools as core/v1 Events, aggregating repeats as client-go's recorder does.
///
/// The same reason and message on the same pool within ten minutes patches the existing Event's
/// `count` and `lastTimestamp` instead of creating another, so a flapping condition makes one
/// object, not hundreds. core/v1 Events are what `kubectl describe ipool` lists. Failures to
/// record are dropped (an Event is never worth failing a reconcile for).
public actor ClusterEventSink: EventSink {
    private struct Series {
        var name: String
        var count: Int
        var last: Date
    }

    private let access: any ClusterAccess
    private let component: String
    private let clock: @Sendable () -> Date
    private var series: [String: Series] = [:]
    private var sequence: UInt64 = 0

    /// Creates a sink writing through `access`, naming `component` as the Events' source.
    public init(access: any ClusterAccess, component: String = "poolpilot", clock: @escaping @Sendable () -> Date = { Date() }) {
        self.access = access
        self.component = component
        self.clock = clock
    }

    /// Records `event` on the pool, or bumps the count of the same recent Event.
    public func record(_ event: PlannedEvent, namespace: String, name: String, uid: String?) async {
        let now = clock()
        let key = "\(namespace)/\(name)/\(event.reason.rawValue)/\(event.message)"
        if var existing = series[key], now.timeIntervalSince(existing.last) < 600 {
            existing.count += 1
            existing.last = now
            let patch: JSONValue = ["count": .integer(Int64(existing.count)), "lastTimestamp": .string(KubeTime.format(now))]
            if (try? await access.mergePatch(.coreEvents, namespace: namespace, name: existing.name, patch)) != nil {
                series[key] = existing
                return
            }
        }
        sequence += 1
        let stamp = UInt64(now.timeIntervalSince1970 * 1_000_000) &+ sequence
        let eventName = "\(name).\(String(stamp, radix: 16))"
        var involved: JSONValue = [
            "apiVersion": .string("\(InferencePoolAPI.group)/\(InferencePoolAPI.version)"),
            "kind": .string(InferencePoolCRD.kind),
            "namespace": .string(namespace),
            "name": .string(name),
        ]
        if let uid { involved["uid"] = .string(uid) }
        let object: JSONValue = [
            "apiVersion": "v1",
            "kind": "Event",
            "metadata": ["name": .string(eventName), "namespace": .string(namespace)],
            "involvedObject": involved,
            "reason": .string(event.reason.rawValue),
            "message": .string(event.message),
            "type": .string(event.type),
            "source": ["component": .string(component)],
            "reportingComponent": .string(component),
            "firstTimestamp": .string(KubeTime.format(now)),
            "lastTimestamp": .string(KubeTime.format(now)),
            "count": 1,
        ]
        if (try? await access.create(.coreEvents, namespace: namespace, object)) != nil {
            series[key] = Series(name: eventName, count: 1, last: now)
        }
        if series.count > 2000 { series = series.filter { now.timeIntervalSince($0.value.last) < 600 } }
    }
}
