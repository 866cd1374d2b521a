import YAML

/// RFC 6902 JSON Patch: `add`, `remove`, `replace`, `move`, `copy` and `test`.
///
/// A failing operation (a `test` that does not hold, a missing path) throws a 422 Invalid, matching the
/// real server's mapping of patch-application errors.
enum JSONPatch {
    /// Applies `operations` (the decoded patch document) to `document`.
    static func apply(_ operations: JSONValue, to document: JSONValue) throws(APIError) -> JSONValue {
        guard let list = operations.arrayValue else {
            throw APIError.badRequest("json patch must be an array of operations")
        }
        var result = document
        for operation in list {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw APIError.badRequest("json patch operation needs 'op' and 'path'")
            }
            let pointer = try parsePointer(path)
            switch op {
            case "add":
                result = try add(value(operation, op), at: pointer, in: result)
            case "remove":
                result = try remove(at: pointer, in: result).document
            case "replace":
                _ = try get(pointer, in: result)
                result = try remove(at: pointer, in: result).document
                result = try add(value(operation, op), at: pointer, in: result)
            case "move", "copy":
                guard let from = operation["from"]?.stringValue else {
                    throw APIError.badRequest("json patch \(op) needs 'from'")
                }
                let source = try parsePointer(from)
                let moved = try get(source, in: result)
                if op == "move" { result = try remove(at: source, in: result).document }
                result = try add(moved, at: pointer, in: result)
            case "test":
                let actual = try get(pointer, in: result)
                let expected = try value(operation, op)
                guard sameValue(actual, expected) else {
                    throw invalid(
                        "testing value \(path) failed: expected \(expected.compactJSONString()), found \(actual.compactJSONString())"
                    )
                }
            default:
                throw APIError.badRequest("unknown json patch operation \"\(op)\"")
            }
        }
        return result
    }

    private static func sameValue(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let first = left.doubleValue, let second = right.doubleValue { return first == second }
        return left == right
    }

    private static func value(_ operation: JSONValue, _ op: String) throws(APIError) -> JSONValue {
        guard let value = operation["value"] else { throw APIError.badRequest("json patch \(op) needs 'value'") }
        return value
    }

    private static func invalid(_ message: String) -> APIError {
        APIError(code: 422, reason: "Invalid", message: message)
    }

    /// Splits a JSON pointer (`/a/b~1c/0`) into unescaped tokens.
    static func parsePointer(_ pointer: String) throws(APIError) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw APIError.badRequest("invalid json pointer \"\(pointer)\"") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func get(_ pointer: [String], in document: JSONValue) throws(APIError) -> JSONValue {
        var current = document
        for token in pointer {
            switch current {
            case .object(let members):
                guard let child = members[token] else {
                    throw invalid("path /\(pointer.joined(separator: "/")) not found")
                }
                current = child
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw invalid("index \(token) out of range in /\(pointer.joined(separator: "/"))")
                }
                current = elements[index]
            default:
                throw invalid("path /\(pointer.joined(separator: "/")) not found")
            }
        }
        return current
    }

    private static func add(_ value: JSONValue, at pointer: [String], in document: JSONValue) throws(APIError)
        -> JSONValue
    {
        guard let token = pointer.first else { return value }
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[token] = value
            } else {
                guard let child = members[token] else {
                    throw invalid("missing parent for /\(pointer.joined(separator: "/"))")
                }
                members[token] = try add(value, at: rest, in: child)
            }
            return .object(members)
        case .array(var elements):
            let index = token == "-" ? elements.count : Int(token) ?? -1
            if rest.isEmpty {
                guard index >= 0, index <= elements.count else { throw invalid("index \(token) out of range") }
                elements.insert(value, at: index)
            } else {
                guard elements.indices.contains(index) else { throw invalid("index \(token) out of range") }
                elements[index] = try add(value, at: rest, in: elements[index])
            }
            return .array(elements)
        default:
            throw invalid("cannot add below a scalar at /\(pointer.joined(separator: "/"))")
        }
    }

    private static func remove(at pointer: [String], in document: JSONValue) throws(APIError) -> (
        document: JSONValue, removed: JSONValue
    ) {
        guard let token = pointer.first else { throw invalid("cannot remove the whole document") }
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var members):
            guard let child = members[token] else { throw invalid("path /\(pointer.joined(separator: "/")) not found") }
            if rest.isEmpty {
                members[token] = nil
                return (.object(members), child)
            }
            let result = try remove(at: rest, in: child)
            members[token] = result.document
            return (.object(members), result.removed)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else {
                throw invalid("index \(token) out of range")
            }
            if rest.isEmpty {
                let removed = elements.remove(at: index)
                return (.array(elements), removed)
            }
            let result = try remove(at: rest, in: elements[index])
            elements[index] = result.document
            return (.array(elements), result.removed)
        default:
            throw invalid("path /\(pointer.joined(separator: "/")) not found")
        }
    }
}
