import Foundation
import YAML

// Creates and updates.
extension ObjectStore {
    private static let namespacesKey = "/namespaces"
    private static let crdKey = "apiextensions.k8s.io/customresourcedefinitions"

    /// Creates `object` (served form) in `namespace`.
    func create(_ resource: ResourceDefinition, namespace: String, object: JSONValue, options: WriteOptions)
        throws(APIError) -> WriteResult
    {
        var candidate = object
        if resource.isNamespaced {
            let bodyNamespace = candidate.namespace
            if !bodyNamespace.isEmpty, bodyNamespace != namespace {
                throw APIError.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"
                )
            }
            candidate.setMetadata("namespace", .string(namespace))
            try requireNamespace(namespace)
        } else {
            candidate.setMetadata("namespace", nil)
        }
        if candidate.name.isEmpty, let prefix = candidate["metadata"]?["generateName"]?.stringValue, !prefix.isEmpty {
            candidate.setMetadata("name", .string(prefix + Self.randomSuffix()))
        }
        let key = Self.objectKey(namespace: resource.isNamespaced ? namespace : "", name: candidate.name)
        if !candidate.name.isEmpty, objects[resource.storageKey]?[key] != nil {
            throw APIError.alreadyExists(resource, name: candidate.name)
        }
        let timestamp = now()
        var stored = Conversion.toStored(candidate, resource: resource, storageVersion: storageVersion(resource))
        stored = Admission.prepareCreate(stored, resource: resource, now: timestamp)
        var (validated, warnings) = try Admission.validate(
            stored,
            old: nil,
            resource: resource,
            fieldValidation: options.fieldValidation,
            unknownFields: options.unknownFields
        )
        if resource.storageKey == Self.crdKey { validated = try establish(validated, timestamp: timestamp) }
        if let manager = options.fieldManager {
            var managed = ManagedFields(of: validated)
            managed.recordUpdate(
                manager: manager,
                old: nil,
                new: validated,
                apiVersion: resource.apiVersion,
                subresource: nil,
                listKeys: resource.isCustom ? .atomic : .builtin,
                now: timestamp
            )
            managed.store(into: &validated)
        }
        if options.dryRun {
            return WriteResult(
                object: Conversion.toServed(validated, resource: resource),
                created: true,
                warnings: warnings
            )
        }
        let stored2 = try commit(
            "ADDED",
            storageKey: resource.storageKey,
            objectKey: key,
            object: validated,
            previous: nil
        )
        if resource.storageKey == Self.crdKey { installDefinitions(of: stored2) }
        return WriteResult(object: Conversion.toServed(stored2, resource: resource), created: true, warnings: warnings)
    }

    /// Replaces an object with what `transform` makes of the current one (served form).
    ///
    /// `transform` receives `nil` when the object does not exist; with `allowCreate` the result is then
    /// created (server-side apply), otherwise the answer is 404.
    func update(
        _ resource: ResourceDefinition,
        namespace: String,
        name: String,
        options: WriteOptions,
        allowCreate: Bool = false,
        transform: @Sendable (JSONValue?) throws -> JSONValue
    ) throws(APIError) -> WriteResult {
        let key = Self.objectKey(namespace: resource.isNamespaced ? namespace : "", name: name)
        guard let current = objects[resource.storageKey]?[key] else {
            guard allowCreate else { throw APIError.notFound(resource, name: name) }
            var created = try Self.run(transform, nil)
            created.setMetadata("name", .string(name))
            return try create(resource, namespace: namespace, object: created, options: options)
        }
        var candidate = try Self.run(transform, Conversion.toServed(current, resource: resource))
        if candidate.name != name {
            throw APIError.badRequest(
                "the name of the object (\(candidate.name)) does not match the name on the URL (\(name))"
            )
        }
        if resource.isNamespaced {
            if !candidate.namespace.isEmpty, candidate.namespace != namespace {
                throw APIError.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"
                )
            }
            candidate.setMetadata("namespace", .string(namespace))
        }
        let sentVersion = candidate.resourceVersion
        if !sentVersion.isEmpty, sentVersion != current.resourceVersion {
            throw APIError.conflict(resource, name: name)
        }
        candidate.setMetadata("resourceVersion", .string(current.resourceVersion))
        let timestamp = now()
        var stored = Conversion.toStored(candidate, resource: resource, storageVersion: storageVersion(resource))
        stored = Admission.prepareUpdate(stored, old: current, resource: resource, endpoint: options.endpoint)
        var (validated, warnings) = try Admission.validate(
            stored,
            old: current,
            resource: resource,
            fieldValidation: options.fieldValidation,
            unknownFields: options.unknownFields
        )
        if resource.storageKey == Self.crdKey { validated = try establish(validated, timestamp: timestamp) }
        if let manager = options.fieldManager {
            var managed = ManagedFields(of: validated)
            managed.recordUpdate(
                manager: manager,
                old: current,
                new: validated,
                apiVersion: resource.apiVersion,
                subresource: options.endpoint == .status ? "status" : nil,
                listKeys: resource.isCustom ? .atomic : .builtin,
                now: timestamp
            )
            managed.store(into: &validated)
        }
        if Self.isUnchanged(validated, current) {
            return WriteResult(
                object: Conversion.toServed(current, resource: resource),
                created: false,
                warnings: warnings
            )
        }
        if options.dryRun {
            return WriteResult(
                object: Conversion.toServed(validated, resource: resource),
                created: false,
                warnings: warnings
            )
        }
        let result: JSONValue
        if validated.isBeingDeleted, validated.finalizers.isEmpty {
            result = try remove(ObjectRef(storageKey: resource.storageKey, objectKey: key), object: validated)
        } else {
            result = try commit(
                "MODIFIED",
                storageKey: resource.storageKey,
                objectKey: key,
                object: validated,
                previous: current
            )
            if resource.storageKey == Self.crdKey { installDefinitions(of: result) }
            try finishForegroundDeletions()
        }
        return WriteResult(object: Conversion.toServed(result, resource: resource), created: false, warnings: warnings)
    }

    private static func run(_ transform: @Sendable (JSONValue?) throws -> JSONValue, _ value: JSONValue?)
        throws(APIError) -> JSONValue
    {
        do {
            return try transform(value)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.internalError("\(error)")
        }
    }

    /// Whether an update changes nothing but bookkeeping (then no new revision is made, like the real server).
    private static func isUnchanged(_ new: JSONValue, _ old: JSONValue) -> Bool {
        func stripped(_ object: JSONValue) -> JSONValue {
            var copy = object
            copy.setMetadata("managedFields", nil)
            copy.setMetadata("resourceVersion", nil)
            return copy
        }
        return stripped(new) == stripped(old)
    }

    private func storageVersion(_ resource: ResourceDefinition) -> String {
        registry.storageDefinition(forKey: resource.storageKey)?.apiVersion ?? resource.apiVersion
    }

    /// 404 when the namespace is missing, 403 when it is being deleted.
    func requireNamespace(_ namespace: String) throws(APIError) {
        guard let object = objects[Self.namespacesKey]?[namespace] else {
            throw APIError(
                code: 404,
                reason: "NotFound",
                message: "namespaces \"\(namespace)\" not found",
                details: ["name": .string(namespace), "kind": "namespaces"]
            )
        }
        if object.isBeingDeleted {
            throw APIError(
                code: 403,
                reason: "Forbidden",
                message: "unable to create new content in namespace \(namespace) because it is being terminated",
                details: ["name": .string(namespace), "kind": "namespaces"]
            )
        }
    }

    private static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }

    /// Checks a CRD and marks it established; 422 when its names, versions, schema or CEL rules are invalid.
    private func establish(_ crd: JSONValue, timestamp: Date) throws(APIError) -> JSONValue {
        let result = CustomResourceDefinitions.definitions(from: crd)
        guard result.causes.isEmpty else {
            guard
                let resource = registry.definition(
                    group: "apiextensions.k8s.io",
                    version: "v1",
                    plural: "customresourcedefinitions"
                )
            else { throw APIError.internalError("customresourcedefinitions are not registered") }
            throw APIError.invalid(resource, name: crd.name, causes: result.causes)
        }
        for definition in result.definitions {
            let clash = registry.all.first {
                $0.group == definition.group && $0.plural == definition.plural && $0.version == definition.version
                    && !$0.isCustom
            }
            if clash != nil {
                throw APIError.badRequest("\(definition.qualifiedResource) is a built-in resource")
            }
        }
        var established = crd
        let existing = crd["status"]?["conditions"]?.arrayValue ?? []
        let stamp = existing.first?["lastTransitionTime"]?.stringValue ?? KubeTime.string(timestamp)
        established["status"] = CustomResourceDefinitions.establishedStatus(for: crd, now: stamp)
        return established
    }

    private func installDefinitions(of crd: JSONValue) {
        let result = CustomResourceDefinitions.definitions(from: crd)
        registry.install(crdName: crd.name, definitions: result.definitions)
    }
}
