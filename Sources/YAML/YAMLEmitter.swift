/// Writes JSON values as block-style YAML with sorted keys, the layout kubectl prints.
///
/// Sequences under a mapping key are not indented (`containers:` then `- name: x`), nested mappings
/// are indented by two spaces, and empty collections are written inline as `{}` and `[]`.
struct YAMLEmitter {
    private(set) var output = ""

    mutating func emitDocument(_ value: JSONValue) {
        switch value {
        case .object(let members) where !members.isEmpty: emitMapping(members, indent: 0)
        case .array(let elements) where !elements.isEmpty: emitSequence(elements, indent: 0)
        default: output += Self.inline(value) + "\n"
        }
    }

    private mutating func emitMapping(_ members: [String: JSONValue], indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for key in members.keys.sorted() {
            guard let value = members[key] else { continue }
            output += padding + Self.scalar(key) + ":"
            switch value {
            case .object(let nested) where !nested.isEmpty:
                output += "\n"
                emitMapping(nested, indent: indent + 2)
            case .array(let elements) where !elements.isEmpty:
                output += "\n"
                emitSequence(elements, indent: indent)
            default:
                output += " " + Self.inline(value) + "\n"
            }
        }
    }

    private mutating func emitSequence(_ elements: [JSONValue], indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for element in elements {
            output += padding + "-"
            switch element {
            case .object(let nested) where !nested.isEmpty:
                // The first key shares the dash's line; the rest line up under it.
                var inner = YAMLEmitter()
                inner.emitMapping(nested, indent: indent + 2)
                output += " " + inner.output.dropFirst(indent + 2)
            case .array(let nested) where !nested.isEmpty:
                var inner = YAMLEmitter()
                inner.emitSequence(nested, indent: indent + 2)
                output += " " + inner.output.dropFirst(indent + 2)
            default:
                output += " " + Self.inline(element) + "\n"
            }
        }
    }

    /// A scalar or an empty collection on one line.
    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return formatDouble(number)
        case .string(let text): return scalar(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A double written so that it reads back as a double, never as an integer.
    static func formatDouble(_ number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        let text = "\(number)"
        return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? text : text + ".0"
    }

    /// A string, plain when that reads back as the same string, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard
            first.properties.isAlphabetic || first.properties.numericType != nil
                || "./_(".unicodeScalars.contains(first)
        else { return false }
        guard last != " ", last != ":" else { return false }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { continue }
            if "-_./=+@~^()$%<>;,".unicodeScalars.contains(scalar) { continue }
            if scalar == " ", index + 1 < scalars.count, scalars[index + 1] != " " { continue }
            if scalar == ":", index + 1 < scalars.count, scalars[index + 1] != " " { continue }
            return false
        }
        return ScalarResolver.resolvePlain(text) == .string(text)
    }

    private static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
