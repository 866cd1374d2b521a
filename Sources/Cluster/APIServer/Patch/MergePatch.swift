import YAML

/// RFC 7386 JSON Merge Patch: objects merge, `null` deletes, everything else replaces.
enum MergePatch {
    /// Applies `patch` to `target`.
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var members = target.objectValue ?? [:]
        for (key, change) in changes {
            if change.isNull {
                members[key] = nil
            } else {
                members[key] = apply(change, to: members[key] ?? .null)
            }
        }
        return .object(members)
    }
}
