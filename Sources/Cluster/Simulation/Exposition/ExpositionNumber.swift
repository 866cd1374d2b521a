/// Number spellings of the two exporters' serializers, so simulated scrapes read like real ones.
enum ExpositionNumber {
    /// Python `prometheus_client` (`floatToGoString`): always a float (`31.0`), an exponent once the
    /// integer part has seven or more digits (`9.12048e+06`), `+Inf`, `-Inf`, `NaN`.
    static func python(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        var text = "\(value)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        guard value > 0, let dot = text.firstIndex(of: "."), !text.contains("e") else { return text }
        let integerDigits = text.distance(from: text.startIndex, to: dot)
        guard integerDigits > 6 else { return text }
        let digits = text.replacingOccurrences(of: ".", with: "")
        var mantissa = String(digits.prefix(1)) + "." + String(digits.dropFirst())
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        let exponent = integerDigits - 1
        return "\(mantissa)e+\(exponent < 10 ? "0" : "")\(exponent)"
    }

    /// prometheus-cpp 1.x (`out << value` at precision 16): integers without a decimal point
    /// (`161`), shortest decimals otherwise (`0.37`), `Nan`, `+Inf`, `-Inf`.
    static func cpp(_ value: Double) -> String {
        if value.isNaN { return "Nan" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
