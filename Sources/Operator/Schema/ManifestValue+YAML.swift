extension ManifestValue {
    /// The value as a YAML document in block style, two-space indented, ending in a newline.
    ///
    /// Strings that YAML would read as something else (numbers, booleans, null, or text with
    /// indicator characters) are written double-quoted with JSON escapes, which YAML accepts.
    public var yamlText: String {
        var lines: [String] = []
        appendBlock(to: &lines, indent: "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes this value as the body of a block at `indent`.
    private func appendBlock(to lines: inout [String], indent: String) {
        switch self {
        case .map(let members):
            for (key, value) in members {
                value.appendMember(named: Self.scalarText(key), to: &lines, indent: indent)
            }
        case .list(let elements):
            for element in elements {
                element.appendElement(to: &lines, indent: indent)
            }
        default:
            lines.append(indent + inlineText)
        }
    }

    /// Writes `key: value` at `indent`, nesting collections below the key.
    private func appendMember(named key: String, to lines: inout [String], indent: String) {
        switch self {
        case .map(let members) where !members.isEmpty:
            lines.append("\(indent)\(key):")
            appendBlock(to: &lines, indent: indent + "  ")
        case .list(let elements) where !elements.isEmpty:
            lines.append("\(indent)\(key):")
            appendBlock(to: &lines, indent: indent)
        default:
            lines.append("\(indent)\(key): \(inlineText)")
        }
    }

    /// Writes `- value` at `indent`; a map's first member shares the dash line.
    private func appendElement(to lines: inout [String], indent: String) {
        switch self {
        case .map(let members) where !members.isEmpty:
            var nested: [String] = []
            appendBlock(to: &nested, indent: indent + "  ")
            if let first = nested.first {
                lines.append(indent + "- " + first.dropFirst(indent.count + 2))
                lines.append(contentsOf: nested.dropFirst())
            }
        case .list(let elements) where !elements.isEmpty:
            lines.append(indent + "-")
            appendBlock(to: &lines, indent: indent + "  ")
        default:
            lines.append("\(indent)- \(inlineText)")
        }
    }

    /// The value on one line: scalars, and empty collections as `{}` or `[]`.
    private var inlineText: String {
        switch self {
        case .string(let text): return Self.scalarText(text)
        case .integer(let value): return String(value)
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? "\(Int64(value)).0" : "\(value)"
        case .bool(let value): return value ? "true" : "false"
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    /// A string as a plain scalar when that reads back as the same string, otherwise double-quoted.
    static func scalarText(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if reservedWords.contains(text.lowercased()) || Double(text) != nil || Int(text) != nil { return false }
        let allowedFirst = first.properties.isAlphabetic || first == "/" || first == "."
        guard allowedFirst, text.last != " ", text.last != ":" else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "._/-+ ()',;=<>".unicodeScalars.contains(scalar)
        }
        return allowed && !text.contains("  ") && !text.contains(" #")
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
