import Foundation
import YAML

/// Where one object lives in the store.
struct ObjectRef: Sendable, Hashable {
    /// The resource's storage key, such as `apps/deployments`.
    var storageKey: String
    /// `namespace/name`, or `name` for cluster-scoped objects.
    var objectKey: String
}

/// One page of a list.
struct ListPage: Sendable {
    /// The objects, in the served version.
    var items: [JSONValue]
    /// The revision the page reflects (shared by every page of one list).
    var revision: Int64
    /// The token for the next page, if any.
    var continueToken: String?
    /// How many objects remain after this page, when there is a next page.
    var remainingItemCount: Int?
}

/// Options that shape one write.
struct WriteOptions: Sendable {
    /// `dryRun=All`: run everything, persist nothing.
    var dryRun = false
    /// The manager recorded in `managedFields`; `nil` records nothing (server-side apply records itself).
    var fieldManager: String?
    /// How unknown fields are treated.
    var fieldValidation: Admission.FieldValidation = .warn
    /// Unknown or duplicate fields the handler found while decoding the body.
    var unknownFields: [String] = []
    /// Which endpoint the write came through.
    var endpoint: Admission.Endpoint = .main
}

/// The result of a write.
struct WriteResult: Sendable {
    /// The object as stored (served version).
    var object: JSONValue
    /// Whether the write created the object.
    var created: Bool
    /// `Warning` header texts.
    var warnings: [String]
}

/// The in-memory object store with revisions, history, watches, garbage collection and optional persistence.
///
/// One actor serialises every write, so revisions are strictly increasing and watchers see changes in
/// commit order. Objects are kept in their storage version as unstructured JSON.
actor ObjectStore {
    let registry: ResourceRegistry
    let hub: WatchHub
    var objects: [String: [String: JSONValue]] = [:]
    var revision: Int64 = 0
    var history: EventHistory
    let persistence: Persistence?
    var dependents: [String: Set<ObjectRef>] = [:]
    /// Where each uid lives, for owner lookups during garbage collection.
    var uidIndex: [String: ObjectRef] = [:]
    /// Objects waiting in foreground deletion for their dependents to go.
    var foregroundPending: Set<ObjectRef> = []
    /// Terminating namespaces and when their contents are deleted.
    var pendingNamespaces: [String: Date] = [:]
    /// Seconds between a namespace's deletion and the deletion of its contents (default 2).
    var namespaceCleanupDelay: TimeInterval = 2
    let now: @Sendable () -> Date
    /// Watch cuts injected by the fault settings.
    var watchCutAfterEvents: Int?
    var watchCutAfterSeconds: Double?

    /// Opens a store, loading `dataDirectory` when given.
    init(
        registry: ResourceRegistry,
        hub: WatchHub,
        dataDirectory: URL?,
        historyLimit: Int,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.registry = registry
        self.hub = hub
        self.now = now
        if let dataDirectory {
            let persistence = try Persistence(directory: dataDirectory)
            let loaded = try persistence.load()
            self.persistence = persistence
            objects = loaded.objects
            revision = loaded.revision
        } else {
            persistence = nil
        }
        history = EventHistory(capacity: historyLimit, revision: revision)
        for (storageKey, group) in objects {
            for (objectKey, object) in group {
                uidIndex[object.uid] = ObjectRef(storageKey: storageKey, objectKey: objectKey)
                if object.finalizers.contains("foregroundDeletion") {
                    foregroundPending.insert(ObjectRef(storageKey: storageKey, objectKey: objectKey))
                }
                for owner in object.ownerUIDs {
                    dependents[owner, default: []].insert(ObjectRef(storageKey: storageKey, objectKey: objectKey))
                }
            }
        }
        for namespace in (objects["/namespaces"] ?? [:]).values where namespace.isBeingDeleted {
            pendingNamespaces[namespace.name] = Date()
        }
        for crd in (objects["apiextensions.k8s.io/customresourcedefinitions"] ?? [:]).values {
            let result = CustomResourceDefinitions.definitions(from: crd)
            if !result.definitions.isEmpty { registry.install(crdName: crd.name, definitions: result.definitions) }
        }
    }

    /// Creates the namespaces every cluster has, when missing.
    func bootstrap() throws(APIError) {
        guard let namespaces = registry.definition(group: "", version: "v1", plural: "namespaces") else { return }
        for name in ["default", "kube-system", "kube-public", "kube-node-lease"]
        where objects[namespaces.storageKey]?[name] == nil {
            let object: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
            _ = try create(
                namespaces,
                namespace: "",
                object: object,
                options: WriteOptions(fieldManager: "kube-apiserver")
            )
        }
    }

    static func objectKey(namespace: String, name: String) -> String {
        namespace.isEmpty ? name : "\(namespace)/\(name)"
    }

    /// The current revision.
    var currentRevision: Int64 { revision }

    /// How many objects are stored in total.
    var objectCount: Int { objects.values.reduce(0) { $0 + $1.count } }

    // MARK: - Reads

    /// One object in `resource`'s version, or 404.
    func get(_ resource: ResourceDefinition, namespace: String, name: String) throws(APIError) -> JSONValue {
        let key = Self.objectKey(namespace: resource.isNamespaced ? namespace : "", name: name)
        guard let object = objects[resource.storageKey]?[key] else { throw APIError.notFound(resource, name: name) }
        return Conversion.toServed(object, resource: resource)
    }

    /// One page of the objects matching the filters.
    func list(
        _ resource: ResourceDefinition,
        namespace: String?,
        labelSelector: LabelSelector,
        fieldSelector: FieldSelector,
        limit: Int?,
        continueToken: String?
    ) throws(APIError) -> ListPage {
        var snapshotRevision = revision
        var startAfter: String?
        var source = objects[resource.storageKey] ?? [:]
        if let continueToken, !continueToken.isEmpty {
            guard let token = ContinueToken.decode(continueToken) else {
                throw APIError.badRequest("continue key is not valid: incorrect encoded start resourceVersion")
            }
            guard let reconstructed = snapshot(resource.storageKey, at: token.revision) else {
                throw APIError.expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start "
                        + "a new list without the continue parameter, or use the continue token in this response to "
                        + "retrieve the remainder of the results. Continuing with the provided token results in an "
                        + "inconsistent list - objects that were created, modified, or deleted between the time the "
                        + "first chunk was returned and now may show up in the list."
                )
            }
            source = reconstructed
            snapshotRevision = token.revision
            startAfter = token.startAfter
        }
        var keys = source.keys.sorted()
        if let startAfter { keys = keys.filter { $0 > startAfter } }
        var items: [JSONValue] = []
        var lastKey: String?
        var remaining = 0
        for key in keys {
            guard let object = source[key] else { continue }
            let request = WatchRequest(
                resource: resource,
                namespace: namespace,
                labelSelector: labelSelector,
                fieldSelector: fieldSelector,
                table: nil,
                allowsBookmarks: false,
                deadline: nil
            )
            guard request.matches(object) else { continue }
            if let limit, limit > 0, items.count >= limit {
                remaining += 1
                continue
            }
            items.append(Conversion.toServed(object, resource: resource))
            lastKey = key
        }
        var page = ListPage(items: items, revision: snapshotRevision)
        if remaining > 0, let lastKey {
            page.continueToken = ContinueToken(revision: snapshotRevision, startAfter: lastKey).encoded
            page.remainingItemCount = remaining
        }
        return page
    }

    /// The objects of `storageKey` as they were at `target`, or `nil` when history no longer reaches back.
    func snapshot(_ storageKey: String, at target: Int64) -> [String: JSONValue]? {
        guard let newer = history.events(after: target, storageKey: storageKey) else { return nil }
        var state = objects[storageKey] ?? [:]
        for event in newer.reversed() {
            let key = Self.objectKey(namespace: event.object.namespace, name: event.object.name)
            state[key] = event.previous
        }
        return state
    }

    // MARK: - Commit

    /// Stores `object` (or removes it) under a new revision, logs it and tells the watchers.
    @discardableResult
    func commit(_ type: String, storageKey: String, objectKey: String, object: JSONValue, previous: JSONValue?)
        throws(APIError) -> JSONValue
    {
        revision += 1
        var stored = object
        stored.setMetadata("resourceVersion", .string(String(revision)))
        do {
            try persistence?.append(
                revision: revision,
                storageKey: storageKey,
                objectKey: objectKey,
                object: type == "DELETED" ? nil : stored
            )
        } catch {
            revision -= 1
            throw APIError.internalError("\(error)")
        }
        let ref = ObjectRef(storageKey: storageKey, objectKey: objectKey)
        for owner in previous?.ownerUIDs ?? [] { dependents[owner]?.remove(ref) }
        if type == "DELETED" {
            objects[storageKey]?[objectKey] = nil
            uidIndex[stored.uid] = nil
            foregroundPending.remove(ref)
        } else {
            objects[storageKey, default: [:]][objectKey] = stored
            uidIndex[stored.uid] = ref
            for owner in stored.ownerUIDs { dependents[owner, default: []].insert(ref) }
        }
        let event = StoreEvent(
            type: type,
            storageKey: storageKey,
            object: stored,
            previous: previous,
            resourceVersion: revision
        )
        history.append(event)
        hub.publish(event)
        if let persistence, persistence.needsCompaction {
            try? persistence.writeSnapshot(objects: objects, revision: revision)
        }
        return stored
    }

    /// Drops the watch history so that resuming from any earlier revision answers 410.
    func compactHistory() {
        history.compact(to: revision)
    }

    /// Sets how long namespace contents outlive the namespace's deletion.
    func setNamespaceCleanupDelay(_ seconds: TimeInterval) {
        namespaceCleanupDelay = seconds
    }

    /// Sets the watch cuts of the fault settings.
    func setWatchCuts(afterEvents: Int?, afterSeconds: Double?) {
        watchCutAfterEvents = afterEvents
        watchCutAfterSeconds = afterSeconds
    }
}

/// The opaque `continue` token: the list's revision and the last key served, base64-encoded JSON.
struct ContinueToken: Sendable {
    var revision: Int64
    var startAfter: String

    var encoded: String {
        Base64.encode((["rv": .integer(revision), "start": .string(startAfter)] as JSONValue).compactJSONBytes())
    }

    static func decode(_ text: String) -> ContinueToken? {
        guard let data = Data(base64Encoded: text), let value = try? JSONValue(jsonBytes: data),
            let revision = value["rv"]?.integerValue, let start = value["start"]?.stringValue
        else { return nil }
        return ContinueToken(revision: revision, startAfter: start)
    }
}
