import Foundation
import YAML

/// How dependents are treated when their owner is deleted.
enum PropagationPolicy: String, Sendable {
    case background = "Background"
    case foreground = "Foreground"
    case orphan = "Orphan"
}

/// What a DELETE asked for.
struct DeleteRequest: Sendable {
    var propagation: PropagationPolicy = .background
    var preconditionUID: String?
    var preconditionResourceVersion: String?
    var dryRun = false
}

// Deletion, finalizers, namespaces and garbage collection through ownerReferences.
extension ObjectStore {
    /// Deletes an object: at once, or by marking it when finalizers (or foreground deletion) hold it.
    ///
    /// - Returns: the object (its last state) and whether it is gone already.
    func delete(_ resource: ResourceDefinition, namespace: String, name: String, request: DeleteRequest)
        throws(APIError) -> (object: JSONValue, isGone: Bool)
    {
        let ref = ObjectRef(
            storageKey: resource.storageKey,
            objectKey: Self.objectKey(namespace: resource.isNamespaced ? namespace : "", name: name)
        )
        guard let current = objects[ref.storageKey]?[ref.objectKey] else {
            throw APIError.notFound(resource, name: name)
        }
        if let uid = request.preconditionUID, uid != current.uid {
            throw APIError(
                code: 409,
                reason: "Conflict",
                message: "Operation cannot be fulfilled on \(resource.qualifiedResource) \"\(name)\": Precondition "
                    + "failed: UID in precondition: \(uid), UID in object meta: \(current.uid)",
                details: APIError.details(name: name, group: resource.group, resource: resource.plural)
            )
        }
        if let version = request.preconditionResourceVersion, version != current.resourceVersion {
            throw APIError.conflict(resource, name: name)
        }
        let served = Conversion.toServed(current, resource: resource)
        if request.dryRun { return (served, current.finalizers.isEmpty) }
        if current.isBeingDeleted { return (served, false) }
        let result = try delete(ref, current: current, policy: request.propagation)
        return (Conversion.toServed(result.object, resource: resource), result.isGone)
    }

    private func delete(_ ref: ObjectRef, current: JSONValue, policy: PropagationPolicy) throws(APIError) -> (
        object: JSONValue, isGone: Bool
    ) {
        let hasDependents = !(dependents[current.uid] ?? []).isEmpty
        if policy == .orphan, hasDependents { try orphanDependents(of: current.uid) }
        var finalizers = current.finalizers
        if policy == .foreground, hasDependents, !finalizers.contains("foregroundDeletion") {
            finalizers.append("foregroundDeletion")
        }
        let isNamespace = ref.storageKey == "/namespaces"
        guard !finalizers.isEmpty || isNamespace else {
            return (try remove(ref, object: current), true)
        }
        var marked = current
        marked.setMetadata("deletionTimestamp", .string(KubeTime.string(now())))
        marked.setMetadata("deletionGracePeriodSeconds", 0)
        marked.setMetadata("finalizers", finalizers.isEmpty ? nil : .array(finalizers.map(JSONValue.string)))
        if let generation = current["metadata"]?["generation"]?.integerValue {
            marked.setMetadata("generation", .integer(generation + 1))
        }
        if isNamespace { marked.setValue("Terminating", at: ["status", "phase"]) }
        let stored = try commit(
            "MODIFIED",
            storageKey: ref.storageKey,
            objectKey: ref.objectKey,
            object: marked,
            previous: current
        )
        if finalizers.contains("foregroundDeletion") {
            foregroundPending.insert(ref)
            try collectGarbage(ownerUID: current.uid)
            try finishForegroundDeletions()
        }
        if isNamespace {
            // Like the real namespace controller, contents go a little later, not inside this request.
            pendingNamespaces[current.name] = now().addingTimeInterval(namespaceCleanupDelay)
            return (stored, false)
        }
        return (objects[ref.storageKey]?[ref.objectKey] ?? stored, objects[ref.storageKey]?[ref.objectKey] == nil)
    }

    /// Removes an object for good, then deletes what it owned and finishes anything waiting on it.
    @discardableResult
    func remove(_ ref: ObjectRef, object: JSONValue) throws(APIError) -> JSONValue {
        guard let previous = objects[ref.storageKey]?[ref.objectKey] else { return object }
        let removed = try commit(
            "DELETED",
            storageKey: ref.storageKey,
            objectKey: ref.objectKey,
            object: object,
            previous: previous
        )
        if ref.storageKey == "apiextensions.k8s.io/customresourcedefinitions" {
            try removeCustomResources(of: removed)
        }
        try collectGarbage(ownerUID: removed.uid)
        try finishForegroundDeletions()
        let namespace = removed.namespace
        if !namespace.isEmpty, objects["/namespaces"]?[namespace]?.isBeingDeleted == true {
            try finalizeNamespace(namespace)
        }
        return removed
    }

    /// Deletes or un-owns every dependent of `ownerUID` (background propagation).
    private func collectGarbage(ownerUID: String) throws(APIError) {
        for ref in (dependents[ownerUID] ?? []).sorted(by: { $0.objectKey < $1.objectKey }) {
            guard let dependent = objects[ref.storageKey]?[ref.objectKey] else { continue }
            let otherOwners = dependent.ownerUIDs.filter { $0 != ownerUID && uidIndex[$0] != nil }
            if otherOwners.isEmpty {
                if dependent.isBeingDeleted { continue }
                _ = try delete(ref, current: dependent, policy: .background)
            } else if uidIndex[ownerUID] == nil {
                try stripOwner(ownerUID, from: ref, dependent: dependent)
            }
        }
    }

    private func orphanDependents(of ownerUID: String) throws(APIError) {
        for ref in dependents[ownerUID] ?? [] {
            guard let dependent = objects[ref.storageKey]?[ref.objectKey] else { continue }
            try stripOwner(ownerUID, from: ref, dependent: dependent)
        }
    }

    private func stripOwner(_ ownerUID: String, from ref: ObjectRef, dependent: JSONValue) throws(APIError) {
        var updated = dependent
        let remaining = (dependent["metadata"]?["ownerReferences"]?.arrayValue ?? []).filter {
            $0["uid"]?.stringValue != ownerUID
        }
        updated.setMetadata("ownerReferences", remaining.isEmpty ? nil : .array(remaining))
        try commit(
            "MODIFIED",
            storageKey: ref.storageKey,
            objectKey: ref.objectKey,
            object: updated,
            previous: dependent
        )
    }

    /// Releases owners in foreground deletion whose dependents are all gone.
    func finishForegroundDeletions() throws(APIError) {
        for ref in foregroundPending.sorted(by: { $0.objectKey < $1.objectKey }) {
            guard let owner = objects[ref.storageKey]?[ref.objectKey] else {
                foregroundPending.remove(ref)
                continue
            }
            let waiting = (dependents[owner.uid] ?? []).contains { objects[$0.storageKey]?[$0.objectKey] != nil }
            if waiting { continue }
            foregroundPending.remove(ref)
            var released = owner
            let finalizers = owner.finalizers.filter { $0 != "foregroundDeletion" }
            released.setMetadata("finalizers", finalizers.isEmpty ? nil : .array(finalizers.map(JSONValue.string)))
            if finalizers.isEmpty {
                try remove(ref, object: released)
            } else {
                try commit(
                    "MODIFIED",
                    storageKey: ref.storageKey,
                    objectKey: ref.objectKey,
                    object: released,
                    previous: owner
                )
            }
        }
    }

    /// Deletes the contents of terminating namespaces whose cleanup time has come (the namespace controller).
    func collectTerminatedNamespaces() throws(APIError) {
        let due = pendingNamespaces.filter { $0.value <= now() }.keys.sorted()
        for namespace in due {
            pendingNamespaces[namespace] = nil
            try emptyNamespace(namespace)
        }
    }

    private func emptyNamespace(_ namespace: String) throws(APIError) {
        let prefix = namespace + "/"
        for storageKey in objects.keys.sorted() {
            for (objectKey, object) in objects[storageKey] ?? [:] where objectKey.hasPrefix(prefix) {
                if object.isBeingDeleted { continue }
                _ = try delete(
                    ObjectRef(storageKey: storageKey, objectKey: objectKey),
                    current: object,
                    policy: .background
                )
            }
        }
        try finalizeNamespace(namespace)
    }

    private func finalizeNamespace(_ namespace: String) throws(APIError) {
        let prefix = namespace + "/"
        let remaining = objects.values.contains { group in group.keys.contains { $0.hasPrefix(prefix) } }
        guard !remaining, let object = objects["/namespaces"]?[namespace] else { return }
        var finalized = object
        finalized.setValue(nil, at: ["spec", "finalizers"])
        try remove(ObjectRef(storageKey: "/namespaces", objectKey: namespace), object: finalized)
    }

    private func removeCustomResources(of crd: JSONValue) throws(APIError) {
        let group = crd["spec"]?["group"]?.stringValue ?? ""
        let plural = crd["spec"]?["names"]?["plural"]?.stringValue ?? ""
        let storageKey = "\(group)/\(plural)"
        for (objectKey, object) in objects[storageKey] ?? [:] {
            try remove(ObjectRef(storageKey: storageKey, objectKey: objectKey), object: object)
        }
        registry.remove(crdName: crd.name)
    }
}
