import Foundation
import YAML

/// The server-side rules applied to every write before it is stored: defaults, immutable metadata,
/// generation, the status subresource split and validation (names, built-in invariants, CRD schemas).
enum Admission {
    /// How unknown fields are treated (`fieldValidation`).
    enum FieldValidation: String, Sendable {
        case strict = "Strict"
        case warn = "Warn"
        case ignore = "Ignore"
    }

    /// Which endpoint a write came through.
    enum Endpoint: Sendable, Equatable {
        case main
        case status
    }

    private static let withoutGeneration: Set<String> = [
        "configmaps", "secrets", "events", "endpoints", "serviceaccounts", "leases", "endpointslices",
        "roles", "rolebindings", "clusterroles", "clusterrolebindings",
    ]

    /// Fills in the server-owned metadata and the per-kind defaults of a new object.
    static func prepareCreate(_ input: JSONValue, resource: ResourceDefinition, now: Date) -> JSONValue {
        var object = input
        var metadata = object.metadata
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        metadata["creationTimestamp"] = .string(KubeTime.string(now))
        for key in ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"] {
            metadata[key] = nil
        }
        if withoutGeneration.contains(resource.plural) {
            metadata["generation"] = nil
        } else {
            metadata["generation"] = 1
        }
        object.metadata = metadata
        if resource.hasStatus, resource.plural != "customresourcedefinitions" { object["status"] = nil }
        return Defaults.apply(object, resource: resource)
    }

    /// Carries the immutable and server-owned parts of `old` into an update, and bumps `generation`.
    static func prepareUpdate(_ input: JSONValue, old: JSONValue, resource: ResourceDefinition, endpoint: Endpoint)
        -> JSONValue
    {
        var object: JSONValue
        switch endpoint {
        case .status:
            object = old
            object["status"] = input["status"]
            var metadata = old.metadata
            metadata["resourceVersion"] = input["metadata"]?["resourceVersion"]
            metadata["managedFields"] = input["metadata"]?["managedFields"] ?? old["metadata"]?["managedFields"]
            object.metadata = metadata
        case .main:
            object = input
            if resource.hasStatus { object["status"] = old["status"] }
        }
        var metadata = object.metadata
        for key in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
            metadata[key] = old["metadata"]?[key]
        }
        let ignored: Set<String> = resource.hasStatus ? ["metadata", "status"] : ["metadata"]
        let changed = object.removing(Array(ignored)) != old.removing(Array(ignored))
        if changed, let generation = old["metadata"]?["generation"]?.integerValue {
            metadata["generation"] = .integer(generation + 1)
        }
        object.metadata = metadata
        return Defaults.apply(object, resource: resource)
    }

    /// Checks an object about to be stored; returns warnings for `Warn` field validation.
    static func validate(
        _ object: JSONValue,
        old: JSONValue?,
        resource: ResourceDefinition,
        fieldValidation: FieldValidation,
        unknownFields: [String]
    ) throws(APIError) -> (object: JSONValue, warnings: [String]) {
        var causes: [FieldCause] = []
        let name = object.name
        if name.isEmpty {
            causes.append(
                FieldCause(
                    reason: "FieldValueRequired",
                    field: "metadata.name",
                    message: "Required value: name or generateName is required"
                )
            )
        } else if let problem = nameProblem(name, resource: resource) {
            causes.append(
                FieldCause(
                    reason: "FieldValueInvalid",
                    field: "metadata.name",
                    message: "Invalid value: \"\(name)\": \(problem)"
                )
            )
        }
        if let old, old.isBeingDeleted {
            let added = Set(object.finalizers).subtracting(old.finalizers)
            if !added.isEmpty {
                causes.append(
                    FieldCause(
                        reason: "FieldValueForbidden",
                        field: "metadata.finalizers",
                        message:
                            "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers \(added.sorted())"
                    )
                )
            }
        }
        causes += BuiltinValidation.causes(object, resource: resource)
        var result = object
        var unknown = unknownFields
        if let schema = resource.schema {
            let (checked, validator) = SchemaValidator.apply(schema, to: object, old: old)
            result = checked
            causes += validator.causes
            unknown += validator.unknownFields.map { String($0.drop { $0 == "." }) }
        }
        if !causes.isEmpty { throw APIError.invalid(resource, name: name, causes: causes) }
        switch fieldValidation {
        case .ignore: return (result, [])
        case .warn: return (result, unknown.map { "unknown field \"\($0)\"" })
        case .strict:
            guard unknown.isEmpty else {
                let list = unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
                throw APIError.badRequest("strict decoding error: \(list)")
            }
            return (result, [])
        }
    }

    private static func nameProblem(_ name: String, resource: ResourceDefinition) -> String? {
        let isLabel = resource.plural == "namespaces"
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-" + (isLabel ? "" : "."))
        let limit = isLabel ? 63 : 253
        let valid =
            name.count <= limit && name.allSatisfy(allowed.contains)
            && name.first.map { $0.isLetter || $0.isNumber } == true
            && name.last.map { $0.isLetter || $0.isNumber } == true
        if valid { return nil }
        if isLabel {
            return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
                + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        }
        return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    }

    /// Top-level fields outside the known set of built-in kinds, for strict field validation.
    static func unknownTopLevelFields(_ object: JSONValue, resource: ResourceDefinition) -> [String] {
        guard !resource.isCustom, let known = BuiltinValidation.knownTopLevelFields[resource.kind] else { return [] }
        var unknown = (object.objectValue ?? [:]).keys.filter {
            !known.contains($0) && !["apiVersion", "kind", "metadata"].contains($0)
        }
        unknown += object.metadata.keys.filter { !BuiltinValidation.metadataFields.contains($0) }.map {
            "metadata.\($0)"
        }
        return unknown.sorted()
    }
}
