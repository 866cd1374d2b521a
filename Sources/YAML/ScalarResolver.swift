/// Resolves plain YAML scalars to JSON values with go-yaml v2's YAML 1.1 rules (what kubectl uses).
enum ScalarResolver {
    /// How a scalar was written, which decides whether it may resolve to a non-string.
    enum Style {
        /// Unquoted: subject to resolution.
        case plain
        /// Quoted or block: always a string.
        case quoted
    }

    static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falseWords: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The value of a scalar with an optional explicit tag (`!!str`, `!!int`, ...).
    static func resolve(_ text: String, style: Style, tag: String?) throws -> JSONValue {
        switch tag {
        case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp":
            return .string(text)
        case "tag:yaml.org,2002:null":
            return .null
        case "tag:yaml.org,2002:bool":
            if let value = boolean(text) { return .bool(value) }
            throw YAMLError.unsupported("cannot read \(quoted(text)) as !!bool")
        case "tag:yaml.org,2002:int":
            if let value = integer(text) { return value }
            throw YAMLError.unsupported("cannot read \(quoted(text)) as !!int")
        case "tag:yaml.org,2002:float":
            if let value = integer(text)?.doubleValue ?? float(text) { return .double(value) }
            throw YAMLError.unsupported("cannot read \(quoted(text)) as !!float")
        default:
            break
        }
        guard style == .plain else { return .string(text) }
        return resolvePlain(text)
    }

    /// The value a plain (unquoted) scalar stands for.
    static func resolvePlain(_ text: String) -> JSONValue {
        if nullWords.contains(text) { return .null }
        if let value = boolean(text) { return .bool(value) }
        guard let first = text.utf8.first, isNumberStart(first) else { return .string(text) }
        if let value = integer(text) { return value }
        if let value = float(text) { return .double(value) }
        return .string(text)
    }

    static func boolean(_ text: String) -> Bool? {
        if trueWords.contains(text) { return true }
        if falseWords.contains(text) { return false }
        return nil
    }

    private static func isNumberStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    /// Decimal, `0x`, `0b` and leading-zero octal integers with optional sign and `_` separators.
    ///
    /// A value too large for 64 bits resolves to a double, as go-yaml does for unsigned overflow.
    static func integer(_ text: String) -> JSONValue? {
        var digits = String(text.filter { $0 != "_" })
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits.removeFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == "x" || $0 == "o") })
        else { return nil }

        let radix: Int
        if digits.hasPrefix("0x") {
            radix = 16
            digits.removeFirst(2)
        } else if digits.hasPrefix("0b") {
            radix = 2
            digits.removeFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            digits.removeFirst(2)
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
            digits.removeFirst()
        } else {
            radix = 10
        }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else {
            if radix == 10, digits.allSatisfy(\.isNumber), let huge = Double(digits) {
                return .double(negative ? -huge : huge)
            }
            return nil
        }
        if negative {
            if magnitude <= UInt64(Int64.max) { return .integer(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .integer(Int64.min) }
            return .double(-Double(magnitude))
        }
        if magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
        return .double(Double(magnitude))
    }

    /// Floats in go-yaml's plain form (`1.5`, `-.5`, `1e3`, `6.02E+23`) plus `.inf` and `.nan`.
    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let plain = String(text.filter { $0 != "_" })
        guard isYAMLFloat(Array(plain.utf8)) else { return nil }
        return Double(plain)
    }

    /// Matches `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    private static func isYAMLFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// The text a non-string mapping key becomes, as `sigs.k8s.io/yaml` writes it.
    static func keyText(_ value: JSONValue, original: String) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .null: return "null"
        case .double(let number): return YAMLEmitter.formatDouble(number)
        case .array, .object: return original
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
