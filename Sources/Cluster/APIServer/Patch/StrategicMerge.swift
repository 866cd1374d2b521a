import YAML

/// Strategic merge patch for built-in types, driven by the list merge keys of `core/v1` and `apps/v1`.
///
/// Understands `$patch: replace|merge|delete`, `$setElementOrder/<list>`,
/// `$deleteFromPrimitiveList/<list>` and `$retainKeys`. Lists without a merge key are replaced whole.
enum StrategicMerge {
    /// The merge key of the list stored under `field`, given the parent field names on the way there.
    static func mergeKey(field: String, parents: [String]) -> String? {
        switch field {
        case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
            "secrets", "schedulingGates", "resourceClaims":
            return "name"
        case "volumeMounts": return "mountPath"
        case "volumeDevices": return "devicePath"
        case "hostAliases", "podIPs", "hostIPs": return "ip"
        case "topologySpreadConstraints": return "topologyKey"
        case "conditions": return "type"
        case "ownerReferences": return "uid"
        case "ports":
            let inContainer =
                parents.contains("containers") || parents.contains("initContainers")
                || parents.contains("ephemeralContainers")
            return inContainer ? "containerPort" : "port"
        default: return nil
        }
    }

    /// Whether the primitive list under `field` is merged as a union (only `metadata.finalizers`).
    static func mergesPrimitiveList(field: String, parents: [String]) -> Bool {
        field == "finalizers" && parents.last == "metadata"
    }

    /// Applies `patch` to `original`.
    static func apply(_ patch: JSONValue, to original: JSONValue) throws(APIError) -> JSONValue {
        try merge(patch, into: original, parents: [])
    }

    private static func merge(_ patch: JSONValue, into original: JSONValue, parents: [String]) throws(APIError)
        -> JSONValue
    {
        guard case .object(var changes) = patch else { return patch }
        if let directive = changes.removeValue(forKey: "$patch")?.stringValue {
            switch directive {
            case "replace": return .object(changes)
            case "delete": return .null
            case "merge": break
            default: throw APIError.badRequest("unknown patch directive \"\(directive)\"")
            }
        }
        var members = original.objectValue ?? [:]
        if let retained = changes.removeValue(forKey: "$retainKeys")?.arrayValue {
            let keep = Set(retained.compactMap(\.stringValue))
            for key in members.keys where !keep.contains(key) { members[key] = nil }
        }
        var orders: [String: [JSONValue]] = [:]
        for key in changes.keys where key.hasPrefix("$setElementOrder/") {
            orders[String(key.dropFirst("$setElementOrder/".count))] = changes[key]?.arrayValue ?? []
            changes[key] = nil
        }
        for key in changes.keys where key.hasPrefix("$deleteFromPrimitiveList/") {
            let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
            let doomed = Set(changes[key]?.arrayValue ?? [])
            if let list = members[field]?.arrayValue { members[field] = .array(list.filter { !doomed.contains($0) }) }
            changes[key] = nil
        }
        for (key, change) in changes {
            if change.isNull {
                members[key] = nil
                continue
            }
            let childParents = parents + [key]
            switch (change, members[key]) {
            case (.object, let existing):
                let merged = try merge(change, into: existing ?? .object([:]), parents: childParents)
                members[key] = merged.isNull ? nil : merged
            case (.array(let items), let existing):
                members[key] = try mergeList(
                    items,
                    into: existing?.arrayValue ?? [],
                    field: key,
                    parents: parents,
                    order: orders[key]
                )
            default:
                members[key] = change
            }
        }
        for (field, order) in orders where changes[field] == nil {
            if let list = members[field]?.arrayValue,
                let key = mergeKey(field: field, parents: parents)
            {
                members[field] = .array(reordered(list, by: order, key: key))
            }
        }
        return .object(members)
    }

    private static func mergeList(
        _ items: [JSONValue],
        into existing: [JSONValue],
        field: String,
        parents: [String],
        order: [JSONValue]?
    ) throws(APIError) -> JSONValue {
        if mergesPrimitiveList(field: field, parents: parents) {
            var union = existing
            for item in items where !union.contains(item) { union.append(item) }
            return .array(union)
        }
        guard let key = mergeKey(field: field, parents: parents) else { return .array(items) }
        if items.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return .array(items.filter { $0["$patch"] == nil })
        }
        var result = existing
        for item in items {
            let identity = item[key]
            let position = result.firstIndex { $0[key] == identity }
            if item["$patch"]?.stringValue == "delete" {
                if let position { result.remove(at: position) }
                continue
            }
            if let position {
                result[position] = try merge(item, into: result[position], parents: parents + [field])
            } else {
                result.append(try merge(item, into: .object([:]), parents: parents + [field]))
            }
        }
        if let order { result = reordered(result, by: order, key: key) }
        return .array(result)
    }

    /// Sorts `list` to follow `order` (by merge key); items not named keep their relative order at the end.
    private static func reordered(_ list: [JSONValue], by order: [JSONValue], key: String) -> [JSONValue] {
        let ranks = Dictionary(
            order.enumerated().compactMap { entry in entry.element[key].map { ($0, entry.offset) } },
            uniquingKeysWith: { first, _ in first }
        )
        return list.enumerated().sorted { left, right in
            let leftRank = left.element[key].flatMap { ranks[$0] } ?? Int.max
            let rightRank = right.element[key].flatMap { ranks[$0] } ?? Int.max
            return leftRank == rightRank ? left.offset < right.offset : leftRank < rightRank
        }.map(\.element)
    }
}
