import Foundation

/// One record ready to be formatted as a JSON line or a text line.
struct LogLine {
    var time: Date
    var level: LogLevel
    var label: String
    var message: String
    var fields: LogFields

    /// `{"ts":…,"level":…,"logger":…,"msg":…, fields in key order}`.
    func json() -> String {
        var out = "{\"ts\":"
        out += JSONText.quoted(Timestamp.rfc3339(time))
        out += ",\"level\":" + JSONText.quoted(level.description)
        out += ",\"logger\":" + JSONText.quoted(label)
        out += ",\"msg\":" + JSONText.quoted(message)
        for key in fields.keys.sorted() {
            guard let value = fields[key] else { continue }
            out += "," + JSONText.quoted(key) + ":" + JSONText.value(value)
        }
        return out + "}"
    }

    /// `2026-01-02T03:04:05.678Z info  poolpilot: msg key=value …`.
    func text() -> String {
        let levelName = level.description.padding(toLength: 7, withPad: " ", startingAt: 0)
        var out = "\(Timestamp.rfc3339(time)) \(levelName) \(label): \(message)"
        for key in fields.keys.sorted() {
            guard let value = fields[key] else { continue }
            out += " \(key)=\(Self.textValue(value))"
        }
        return out
    }

    /// A value for text output: bare when it is a simple token, quoted and escaped otherwise.
    static func textValue(_ value: LogValue) -> String {
        switch value {
        case .string(let text):
            let isPlain =
                !text.isEmpty
                && text.unicodeScalars.allSatisfy { scalar in
                    scalar.value > 0x20 && scalar != "\"" && scalar != "=" && scalar != "\\" && scalar.value != 0x7F
                }
            return isPlain ? text : JSONText.quoted(text)
        case .integer(let number): return String(number)
        case .double(let number): return JSONText.number(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .redacted: return "<redacted>"
        }
    }
}

/// JSON encoding of strings and numbers for log lines, without Foundation's encoder.
enum JSONText {
    /// A JSON string literal with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON value for a field.
    static func value(_ value: LogValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .integer(let number): return String(number)
        case .double(let number): return number.isFinite ? self.number(number) : quoted(self.number(number))
        case .bool(let flag): return flag ? "true" : "false"
        case .redacted: return quoted("<redacted>")
        }
    }

    /// A number without a trailing `.0` when it is integral.
    static func number(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number > 0 ? "+Inf" : "-Inf" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
