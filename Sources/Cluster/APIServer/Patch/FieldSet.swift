import YAML

/// One step of a field path in `managedFields`: a member name or a list item picked by its merge key.
enum FieldPathElement: Sendable, Hashable {
    /// An object member (`f:name` in `fieldsV1`).
    case field(String)
    /// A list item named by its merge key (`k:{"name":"app"}` in `fieldsV1`), as compact JSON.
    case key(String)
}

/// A set of leaf field paths one manager owns, convertible to and from the `fieldsV1` format.
struct FieldSet: Sendable, Equatable {
    /// The owned leaves.
    var paths: Set<[FieldPathElement]>

    /// Metadata members the server owns; they never show up in field sets.
    static let serverOwnedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields",
        "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink",
    ]

    /// The leaves of `object` (a whole Kubernetes object), skipping `apiVersion`, `kind` and server-owned metadata.
    init(object: JSONValue, listKeys: ListKeys) {
        var paths = Set<[FieldPathElement]>()
        for (key, value) in object.objectValue ?? [:] where key != "apiVersion" && key != "kind" {
            if key == "metadata" {
                for (member, child) in value.objectValue ?? [:] where !Self.serverOwnedMetadata.contains(member) {
                    Self.collect(
                        child,
                        path: [.field("metadata"), .field(member)],
                        names: ["metadata", member],
                        keys: listKeys,
                        into: &paths
                    )
                }
            } else {
                Self.collect(value, path: [.field(key)], names: [key], keys: listKeys, into: &paths)
            }
        }
        self.paths = paths
    }

    /// Creates a set from paths.
    init(paths: Set<[FieldPathElement]> = []) {
        self.paths = paths
    }

    /// How lists are keyed: built-ins use the strategic-merge keys, custom resources treat lists as atomic.
    enum ListKeys: Sendable {
        case builtin
        case atomic
    }

    private static func collect(
        _ value: JSONValue,
        path: [FieldPathElement],
        names: [String],
        keys: ListKeys,
        into paths: inout Set<[FieldPathElement]>
    ) {
        switch value {
        case .object(let members) where !members.isEmpty:
            for (key, child) in members {
                collect(child, path: path + [.field(key)], names: names + [key], keys: keys, into: &paths)
            }
        case .array(let items):
            guard case .builtin = keys, let field = names.last,
                let mergeKey = StrategicMerge.mergeKey(field: field, parents: Array(names.dropLast())),
                items.allSatisfy({ $0[mergeKey] != nil })
            else {
                paths.insert(path)
                return
            }
            for item in items {
                let identity = ([mergeKey: item[mergeKey] ?? .null] as JSONValue).compactJSONString()
                collect(item, path: path + [.key(identity)], names: names + [field], keys: keys, into: &paths)
            }
        default:
            paths.insert(path)
        }
    }

    /// Decodes a `fieldsV1` object.
    init(fieldsV1: JSONValue) {
        var paths = Set<[FieldPathElement]>()
        Self.decode(fieldsV1, path: [], into: &paths)
        self.paths = paths
    }

    private static func decode(_ node: JSONValue, path: [FieldPathElement], into paths: inout Set<[FieldPathElement]>) {
        let members = node.objectValue ?? [:]
        let children = members.filter { $0.key != "." }
        if children.isEmpty {
            if !path.isEmpty, members["."] == nil { paths.insert(path) }
            return
        }
        for (key, child) in children {
            if key.hasPrefix("f:") {
                decode(child, path: path + [.field(String(key.dropFirst(2)))], into: &paths)
            } else if key.hasPrefix("k:") {
                decode(child, path: path + [.key(String(key.dropFirst(2)))], into: &paths)
            }
        }
    }

    /// The `fieldsV1` encoding.
    var fieldsV1: JSONValue {
        var root = JSONValue.object([:])
        for path in paths {
            var keys: [String] = []
            for element in path {
                switch element {
                case .field(let name): keys.append("f:\(name)")
                case .key(let identity): keys.append("k:\(identity)")
                }
            }
            root.setValue(.object([:]), at: keys)
            for (position, element) in path.enumerated() {
                if case .key = element { root.setValue(.object([:]), at: Array(keys[...position]) + ["."]) }
            }
        }
        return root
    }

    /// The value at `path` in `object`, or `nil` when absent.
    static func value(at path: [FieldPathElement], in object: JSONValue) -> JSONValue? {
        var current: JSONValue? = object
        for element in path {
            switch element {
            case .field(let name):
                current = current?[name]
            case .key(let identity):
                guard let keyObject = try? JSONValue(jsonBytes: identity.utf8).objectValue,
                    let (key, expected) = keyObject.first
                else { return nil }
                current = current?.arrayValue?.first { $0[key] == expected }
            }
            if current == nil { return nil }
        }
        return current
    }

    /// `object` without the leaf at `path`; a keyed list item left with only its key is removed too.
    static func removing(_ path: [FieldPathElement], from object: JSONValue) -> JSONValue {
        guard let first = path.first else { return object }
        let rest = Array(path.dropFirst())
        switch (first, object) {
        case (.field(let name), .object(var members)):
            guard let child = members[name] else { return object }
            if rest.isEmpty {
                members[name] = nil
            } else {
                let updated = removing(rest, from: child)
                if let inner = updated.objectValue, inner.isEmpty, child.objectValue?.isEmpty == false {
                    members[name] = nil
                } else {
                    members[name] = updated
                }
            }
            return .object(members)
        case (.key(let identity), .array(var items)):
            guard let keyObject = try? JSONValue(jsonBytes: identity.utf8).objectValue,
                let (key, expected) = keyObject.first,
                let index = items.firstIndex(where: { $0[key] == expected })
            else { return object }
            if rest.isEmpty {
                items.remove(at: index)
            } else {
                let updated = removing(rest, from: items[index])
                if let members = updated.objectValue, members.keys.allSatisfy({ $0 == key }) {
                    items.remove(at: index)
                } else {
                    items[index] = updated
                }
            }
            return .array(items)
        default:
            return object
        }
    }
}
