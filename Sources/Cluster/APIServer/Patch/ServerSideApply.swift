import Foundation
import YAML

/// Server-side apply: merges an applied configuration into the live object with field ownership.
///
/// Each manager owns the leaves it applied. A leaf owned by another manager with a different value is a
/// conflict (409 with `FieldManagerConflict` causes) unless `force` is set, which takes the leaf over.
/// Leaves a manager applied before but no longer sends are removed unless someone else owns them.
/// Lists of built-in types merge by their strategic-merge keys; custom-resource lists are atomic.
enum ServerSideApply {
    /// The result of one apply.
    struct Outcome {
        var object: JSONValue
    }

    /// Applies `config` for `manager` on top of `current` (`nil` when the object does not exist yet).
    static func apply(
        config: JSONValue,
        current: JSONValue?,
        manager: String,
        force: Bool,
        resource: ResourceDefinition,
        now: Date
    ) throws(APIError) -> JSONValue {
        let listKeys: FieldSet.ListKeys = resource.isCustom ? .atomic : .builtin
        let base = current ?? .object(["apiVersion": .string(resource.apiVersion), "kind": .string(resource.kind)])
        var managed = ManagedFields(of: base)
        let applied = FieldSet(object: config, listKeys: listKeys)

        // Conflicts with other managers' fields.
        let conflicts = managed.conflicts(manager: manager, applied: applied, config: config, current: base)
        if !conflicts.isEmpty, !force {
            throw conflictError(conflicts, resource: resource, name: config.name)
        }
        for index in managed.entries.indices where managed.entries[index].manager != manager {
            managed.entries[index].fields.paths.subtract(conflicts.map(\.1))
        }

        // Merge the configuration.
        var cleanConfig = config
        cleanConfig.setMetadata("managedFields", nil)
        cleanConfig.setMetadata("resourceVersion", nil)
        var merged: JSONValue
        if resource.isCustom {
            merged = MergePatch.apply(cleanConfig, to: base)
        } else {
            merged = try StrategicMerge.apply(cleanConfig, to: base)
        }

        // Drop what this manager applied before and no longer applies, unless another manager owns it.
        let previous = managed.entries.first { $0.manager == manager && $0.operation == "Apply" }?.fields ?? FieldSet()
        let othersOwn = managed.entries.filter { !($0.manager == manager && $0.operation == "Apply") }
            .reduce(into: Set<[FieldPathElement]>()) { $0.formUnion($1.fields.paths) }
        for path in previous.paths.subtracting(applied.paths) where !othersOwn.contains(path) {
            merged = FieldSet.removing(path, from: merged)
        }

        // Record ownership.
        let time = KubeTime.string(now)
        if let index = managed.entries.firstIndex(where: { $0.manager == manager && $0.operation == "Apply" }) {
            managed.entries[index].fields = applied
            managed.entries[index].time = time
            managed.entries[index].apiVersion = resource.apiVersion
        } else {
            managed.entries.append(
                ManagedFields.Entry(
                    manager: manager,
                    operation: "Apply",
                    apiVersion: resource.apiVersion,
                    time: time,
                    subresource: nil,
                    fields: applied
                )
            )
        }
        managed.store(into: &merged)
        return merged
    }

    private static func conflictError(
        _ conflicts: [(String, [FieldPathElement])],
        resource: ResourceDefinition,
        name: String
    ) -> APIError {
        let lines = conflicts.map { "conflict with \"\($0.0)\": \(ManagedFields.display($0.1))" }
        let message: String
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: \(lines[0])"
        } else {
            message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
        let causes: [JSONValue] = conflicts.map { conflict in
            [
                "type": "FieldManagerConflict", "reason": "FieldManagerConflict",
                "message": .string("conflict with \"\(conflict.0)\""),
                "field": .string(ManagedFields.display(conflict.1)),
            ]
        }
        return APIError(
            code: 409,
            reason: "Conflict",
            message: message,
            details: APIError.details(name: name, group: resource.group, resource: resource.plural, causes: causes)
        )
    }
}
