import Foundation
import YAML

/// The `metadata.managedFields` entries of an object, and the field-ownership rules of server-side apply.
struct ManagedFields: Sendable {
    /// One manager's entry.
    struct Entry: Sendable {
        var manager: String
        var operation: String
        var apiVersion: String
        var time: String
        var subresource: String?
        var fields: FieldSet

        var json: JSONValue {
            var object: [String: JSONValue] = [
                "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
                "time": .string(time), "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
            ]
            if let subresource { object["subresource"] = .string(subresource) }
            return .object(object)
        }
    }

    /// The entries in order.
    var entries: [Entry]

    /// Reads the entries of `object`.
    init(of object: JSONValue) {
        entries = (object["metadata"]?["managedFields"]?.arrayValue ?? []).map { raw in
            Entry(
                manager: raw["manager"]?.stringValue ?? "",
                operation: raw["operation"]?.stringValue ?? "Update",
                apiVersion: raw["apiVersion"]?.stringValue ?? "",
                time: raw["time"]?.stringValue ?? "",
                subresource: raw["subresource"]?.stringValue,
                fields: FieldSet(fieldsV1: raw["fieldsV1"] ?? .object([:]))
            )
        }
    }

    /// Writes the entries into `object`, dropping entries that own nothing.
    func store(into object: inout JSONValue) {
        let kept = entries.filter { !$0.fields.paths.isEmpty }
        object.setMetadata("managedFields", kept.isEmpty ? nil : .array(kept.map(\.json)))
    }

    /// Records a non-apply write: `manager` takes every leaf whose value changed from `old` to `new`.
    mutating func recordUpdate(
        manager: String,
        old: JSONValue?,
        new: JSONValue,
        apiVersion: String,
        subresource: String?,
        listKeys: FieldSet.ListKeys,
        now: Date
    ) {
        let newFields = FieldSet(object: new, listKeys: listKeys)
        let oldFields = old.map { FieldSet(object: $0, listKeys: listKeys) } ?? FieldSet()
        let changed = newFields.paths.filter { path in
            guard let old else { return true }
            return FieldSet.value(at: path, in: old) != FieldSet.value(at: path, in: new)
        }
        let removed = oldFields.paths.subtracting(newFields.paths)
        for index in entries.indices {
            entries[index].fields.paths.subtract(removed)
            if entries[index].manager != manager || entries[index].operation != "Update" {
                entries[index].fields.paths.subtract(changed)
            }
        }
        guard !changed.isEmpty else { return }
        let time = KubeTime.string(now)
        if let index = entries.firstIndex(where: {
            $0.manager == manager && $0.operation == "Update" && $0.subresource == subresource
        }) {
            entries[index].fields.paths.formUnion(changed)
            entries[index].time = time
            entries[index].apiVersion = apiVersion
        } else {
            entries.append(
                Entry(
                    manager: manager,
                    operation: "Update",
                    apiVersion: apiVersion,
                    time: time,
                    subresource: subresource,
                    fields: FieldSet(paths: changed)
                )
            )
        }
    }

    /// The leaves of `applied` that another manager owns with a different value in `current`.
    func conflicts(manager: String, applied: FieldSet, config: JSONValue, current: JSONValue) -> [(
        String, [FieldPathElement]
    )] {
        var found: [(String, [FieldPathElement])] = []
        for entry in entries where entry.manager != manager {
            for path in applied.paths.intersection(entry.fields.paths)
            where FieldSet.value(at: path, in: config) != FieldSet.value(at: path, in: current) {
                found.append((entry.manager, path))
            }
        }
        return found.sorted { Self.display($0.1) < Self.display($1.1) }
    }

    /// A path as the real server prints it in conflict messages: `.spec.replicas`, `.spec.containers[name="app"]`.
    static func display(_ path: [FieldPathElement]) -> String {
        path.map { element in
            switch element {
            case .field(let name): return ".\(name)"
            case .key(let identity):
                guard let object = try? JSONValue(jsonBytes: identity.utf8).objectValue, let (key, value) = object.first
                else {
                    return "[\(identity)]"
                }
                return "[\(key)=\(value.compactJSONString())]"
            }
        }.joined()
    }
}
