import Foundation
import YAML

/// Prunes, defaults and validates a custom resource against its CRD's structural schema.
///
/// The order follows the real server: unknown fields are pruned (and reported for strict field
/// validation), defaults are filled in where the parent exists, then types, value constraints and the
/// CEL rules are checked. Every problem becomes a ``FieldCause``; none stops the walk early.
struct SchemaValidator {
    /// Fields present in the input but unknown to the schema, such as `.spec.foo`.
    private(set) var unknownFields: [String] = []
    /// Every problem found.
    private(set) var causes: [FieldCause] = []

    /// Runs the schema over `object` (a whole custom resource); `old` enables CEL transition rules.
    static func apply(_ schema: StructuralSchema, to object: JSONValue, old: JSONValue?) -> (
        JSONValue, SchemaValidator
    ) {
        var validator = SchemaValidator()
        var members = object.objectValue ?? [:]
        let envelope = ["apiVersion", "kind", "metadata"].reduce(into: [String: JSONValue]()) { kept, key in
            kept[key] = members.removeValue(forKey: key)
        }
        let body = validator.walk(.object(members), node: schema.root, path: "", old: old?.removing(["metadata"]))
        var result = body.objectValue ?? [:]
        for (key, value) in envelope { result[key] = value }
        return (.object(result), validator)
    }

    private mutating func walk(_ value: JSONValue, node: SchemaNode, path: String, old: JSONValue?) -> JSONValue {
        if value.isNull {
            if !node.isNullable { causes.append(invalidType(path, node, value)) }
            return value
        }
        let checked: JSONValue
        switch value {
        case .object(let members): checked = walkObject(members, node: node, path: path, old: old)
        case .array(let elements): checked = walkArray(elements, node: node, path: path, old: old)
        default:
            checkScalar(value, node: node, path: path)
            checked = value
        }
        checkRules(checked, node: node, path: path, old: old)
        return checked
    }

    private mutating func walkObject(
        _ input: [String: JSONValue],
        node: SchemaNode,
        path: String,
        old: JSONValue?
    ) -> JSONValue {
        if let type = node.type, type != "object" {
            causes.append(invalidType(path, node, .object(input)))
            return .object(input)
        }
        var members = input
        if node.prunesUnknownFields, node.type == "object" || !node.properties.isEmpty {
            for key in members.keys where node.properties[key] == nil {
                unknownFields.append("\(path).\(key)")
                members[key] = nil
            }
        }
        for (key, child) in node.properties where members[key] == nil {
            if let defaultValue = child.defaultValue { members[key] = defaultValue }
        }
        for key in node.required where members[key] == nil {
            causes.append(
                FieldCause(reason: "FieldValueRequired", field: display("\(path).\(key)"), message: "Required value")
            )
        }
        if let minimum = node.minProperties, members.count < minimum {
            causes.append(invalid(path, "should have at least \(minimum) properties"))
        }
        if let maximum = node.maxProperties, members.count > maximum {
            causes.append(invalid(path, "should have at most \(maximum) properties"))
        }
        for key in members.keys.sorted() {
            guard let value = members[key] else { continue }
            let childNode = node.properties[key] ?? node.additionalProperties
            guard let childNode else { continue }
            let childPath = "\(path).\(key)"
            members[key] = walk(value, node: childNode, path: childPath, old: old?[key])
        }
        return .object(members)
    }

    private mutating func walkArray(
        _ input: [JSONValue],
        node: SchemaNode,
        path: String,
        old: JSONValue?
    ) -> JSONValue {
        if let type = node.type, type != "array" {
            causes.append(invalidType(path, node, .array(input)))
            return .array(input)
        }
        if let minimum = node.minItems, input.count < minimum {
            causes.append(invalid(path, "should have at least \(minimum) items"))
        }
        if let maximum = node.maxItems, input.count > maximum {
            causes.append(
                FieldCause(
                    reason: "FieldValueTooMany",
                    field: display(path),
                    message: "Too many: \(input.count): must have at most \(maximum) items"
                )
            )
        }
        if node.listType == "set", Set(input).count != input.count {
            causes.append(FieldCause(reason: "FieldValueDuplicate", field: display(path), message: "Duplicate value"))
        }
        guard let items = node.items else { return .array(input) }
        var output: [JSONValue] = []
        for (position, element) in input.enumerated() {
            let oldElement = correlatedOldElement(element, position: position, node: node, old: old)
            output.append(walk(element, node: items, path: "\(path)[\(position)]", old: oldElement))
        }
        return .array(output)
    }

    /// Old values of list items are only known for map lists, matched by their keys.
    private func correlatedOldElement(_ element: JSONValue, position: Int, node: SchemaNode, old: JSONValue?)
        -> JSONValue?
    {
        guard node.listType == "map", !node.listMapKeys.isEmpty, let oldElements = old?.arrayValue else { return nil }
        return oldElements.first { candidate in node.listMapKeys.allSatisfy { candidate[$0] == element[$0] } }
    }

    private mutating func checkScalar(_ value: JSONValue, node: SchemaNode, path: String) {
        if node.isIntOrString {
            switch value {
            case .integer, .string: break
            default: causes.append(invalidType(path, node, value))
            }
        } else if let type = node.type, !matches(value, type: type) {
            causes.append(invalidType(path, node, value))
            return
        }
        if let allowed = node.enumValues, !allowed.contains(where: { sameScalar($0, value) }) {
            let list = allowed.map { $0.compactJSONString() }.joined(separator: ", ")
            causes.append(
                FieldCause(
                    reason: "FieldValueNotSupported",
                    field: display(path),
                    message: "Unsupported value: \(value.compactJSONString()): supported values: \(list)"
                )
            )
        }
        if let number = value.doubleValue {
            checkRange(number, node: node, path: path)
        }
        if let text = value.stringValue {
            checkString(text, node: node, path: path)
        }
    }

    private mutating func checkRange(_ number: Double, node: SchemaNode, path: String) {
        if let minimum = node.minimum {
            let isBelow = node.exclusiveMinimum ? number <= minimum : number < minimum
            if isBelow {
                let relation = node.exclusiveMinimum ? "greater than" : "greater than or equal to"
                causes.append(invalid(path, "\(formatted(number)): should be \(relation) \(formatted(minimum))"))
            }
        }
        if let maximum = node.maximum {
            let isAbove = node.exclusiveMaximum ? number >= maximum : number > maximum
            if isAbove {
                let relation = node.exclusiveMaximum ? "less than" : "less than or equal to"
                causes.append(invalid(path, "\(formatted(number)): should be \(relation) \(formatted(maximum))"))
            }
        }
    }

    private mutating func checkString(_ text: String, node: SchemaNode, path: String) {
        if let minimum = node.minLength, text.count < minimum {
            causes.append(invalid(path, "\"\(text)\": should be at least \(minimum) chars long"))
        }
        if let maximum = node.maxLength, text.count > maximum {
            causes.append(
                FieldCause(
                    reason: "FieldValueTooLong",
                    field: display(path),
                    message: "Too long: may not be more than \(maximum) bytes"
                )
            )
        }
        if let pattern = node.pattern {
            let isMatch = text.range(of: pattern, options: .regularExpression) != nil
            if !isMatch { causes.append(invalid(path, "\"\(text)\": should match '\(pattern)'")) }
        }
    }

    private mutating func checkRules(_ value: JSONValue, node: SchemaNode, path: String, old: JSONValue?) {
        for rule in node.rules {
            if rule.isTransitionRule, old == nil, !rule.optionalOldSelf { continue }
            if let failure = rule.failure(value: value, old: old) {
                let field = rule.fieldPath.map { display(path + $0) } ?? display(path)
                causes.append(FieldCause(reason: rule.reason, field: field, message: failure))
            }
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .integer), ("number", .integer),
            ("number", .double), ("object", .object), ("array", .array):
            return true
        case ("integer", .double(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }

    private func sameScalar(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if let first = left.doubleValue, let second = right.doubleValue { return first == second }
        return left == right
    }

    private func formatted(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    private func display(_ path: String) -> String {
        path.hasPrefix(".") ? String(path.dropFirst()) : (path.isEmpty ? "<root>" : path)
    }

    private func invalid(_ path: String, _ message: String) -> FieldCause {
        FieldCause(reason: "FieldValueInvalid", field: display(path), message: "Invalid value: \(message)")
    }

    private func invalidType(_ path: String, _ node: SchemaNode, _ value: JSONValue) -> FieldCause {
        let expected = node.isIntOrString ? "integer or string" : (node.type ?? "value")
        let actual: String
        switch value {
        case .null: actual = "null"
        case .bool: actual = "boolean"
        case .integer: actual = "integer"
        case .double: actual = "number"
        case .string: actual = "string"
        case .array: actual = "array"
        case .object: actual = "object"
        }
        return FieldCause(
            reason: "FieldValueTypeInvalid",
            field: display(path),
            message: "Invalid value: \"\(actual)\": \(display(path)) in body must be of type \(expected): \"\(actual)\""
        )
    }
}
