import Foundation
import Metrics
import Operator
import YAML

/// An in-memory cluster for reconciler tests: objects by resource and key, every call recorded.
actor FakeCluster: ClusterAccess {
    private(set) var objects: [OperatorResource: [String: JSONValue]] = [:]
    private(set) var calls: [APICall] = []
    private(set) var scaleWrites: [(name: String, replicas: Int, resourceVersion: String?)] = []
    private var version = 100
    /// Writes to fail with a conflict before succeeding, per resource.
    var conflictsToInject: [OperatorResource: Int] = [:]
    /// Resources the fake API server does not serve.
    var unserved: Set<OperatorResource> = [.scaledObjects]

    private static func key(_ namespace: String?, _ name: String) -> String {
        "\(namespace ?? "")/\(name)"
    }

    func put(_ resource: OperatorResource, _ object: JSONValue) {
        var copy = object
        version += 1
        copy.setPath(["metadata", "resourceVersion"], .string(String(version)))
        let namespace = object.value(at: ["metadata", "namespace"])?.stringValue
        let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
        objects[resource, default: [:]][Self.key(namespace, name)] = copy
    }

    func injectConflicts(_ resource: OperatorResource, count: Int) {
        conflictsToInject[resource] = count
    }

    func object(_ resource: OperatorResource, _ namespace: String?, _ name: String) -> JSONValue? {
        objects[resource]?[Self.key(namespace, name)]
    }

    func get(_ resource: OperatorResource, namespace: String?, name: String) async throws -> JSONValue? {
        calls.append(APICall("get", resource))
        return object(resource, namespace, name)
    }

    func list(_ resource: OperatorResource, namespace: String?, labelSelector: String?) async throws -> [JSONValue] {
        calls.append(APICall("list", resource))
        if unserved.contains(resource) { throw OperatorError.notServed(resource.plural) }
        let wanted = (labelSelector ?? "").split(separator: ",").map { $0.split(separator: "=").map(String.init) }
        return (objects[resource] ?? [:]).values.filter { object in
            let inNamespace = namespace == nil || object.value(at: ["metadata", "namespace"])?.stringValue == namespace
            let labels = object.value(at: ["metadata", "labels"])
            return inNamespace && wanted.allSatisfy { $0.count == 2 && labels?[$0[0]]?.stringValue == $0[1] }
        }.sorted { ($0.value(at: ["metadata", "name"])?.stringValue ?? "") < ($1.value(at: ["metadata", "name"])?.stringValue ?? "") }
    }

    private func checkVersion(_ resource: OperatorResource, _ object: JSONValue) throws -> JSONValue {
        let namespace = object.value(at: ["metadata", "namespace"])?.stringValue
        let name = object.value(at: ["metadata", "name"])?.stringValue ?? ""
        guard let stored = self.object(resource, namespace, name) else { throw OperatorError.api("404 \(name)") }
        if let remaining = conflictsToInject[resource], remaining > 0 {
            conflictsToInject[resource] = remaining - 1
            version += 1
            var bumped = stored
            bumped.setPath(["metadata", "resourceVersion"], .string(String(version)))
            objects[resource, default: [:]][Self.key(namespace, name)] = bumped
            throw OperatorError.conflict("\(resource.plural) \(name)")
        }
        if object.value(at: ["metadata", "resourceVersion"]) != stored.value(at: ["metadata", "resourceVersion"]) {
            throw OperatorError.conflict("\(resource.plural) \(name)")
        }
        return stored
    }

    func update(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        calls.append(APICall("update", resource))
        let stored = try checkVersion(resource, object)
        var copy = object
        copy["status"] = stored["status"]
        put(resource, copy)
        return self.object(resource, object.value(at: ["metadata", "namespace"])?.stringValue, object.value(at: ["metadata", "name"])?.stringValue ?? "") ?? copy
    }

    func updateStatus(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        calls.append(APICall("update", resource, subresource: "status"))
        var stored = try checkVersion(resource, object)
        stored["status"] = object["status"]
        put(resource, stored)
        return stored
    }

    func updateScale(_ resource: OperatorResource, namespace: String, name: String, replicas: Int, resourceVersion: String?) async throws {
        calls.append(APICall("update", resource, subresource: "scale"))
        guard var stored = object(resource, namespace, name) else { throw OperatorError.api("404 \(name)") }
        if let resourceVersion, stored.value(at: ["metadata", "resourceVersion"])?.stringValue != resourceVersion {
            throw OperatorError.conflict("\(resource.plural) \(name) scale")
        }
        stored.setPath(["spec", "replicas"], .integer(Int64(replicas)))
        put(resource, stored)
        scaleWrites.append((name, replicas, resourceVersion))
    }

    func mergePatch(_ resource: OperatorResource, namespace: String?, name: String, _ patch: JSONValue) async throws -> JSONValue {
        calls.append(APICall("patch", resource))
        guard var stored = object(resource, namespace, name) else { throw OperatorError.api("404 \(name)") }
        for (key, value) in patch.objectValue ?? [:] { stored[key] = value }
        put(resource, stored)
        return stored
    }

    func create(_ resource: OperatorResource, namespace: String?, _ object: JSONValue) async throws -> JSONValue {
        calls.append(APICall("create", resource))
        put(resource, object)
        return object
    }
}

/// Signals served from a table, as a scraper would return them.
struct TableSignals: SignalReader {
    var perPod: @Sendable (String) -> PodSignals?

    func read(key: String, spec: InferencePoolSpec, pods: [PodInfo]) async -> SignalReading {
        var reading = SignalReading()
        for pod in pods {
            if let signals = perPod(pod.name) { reading.pods[pod.name] = signals }
        }
        if reading.pods.isEmpty && !pods.isEmpty { reading.error = "no pod answered" }
        return reading
    }
}

/// Events kept in memory.
actor EventLog: EventSink {
    private(set) var events: [PlannedEvent] = []

    func record(_ event: PlannedEvent, namespace: String, name: String, uid: String?) async {
        events.append(event)
    }
}
