/// Number parsing straight from page bytes, without building strings on the common path.
enum NumberParsing {
    /// Powers of ten that a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a float the way Prometheus does (Go `ParseFloat`): decimals, exponents, and `NaN`, `Inf`, `+Inf`, `-Inf`, `Infinity` in any letter case.
    ///
    /// Returns `nil` for anything else. Short decimals (up to 19 digits, exponent within ±22 after
    /// scaling) are converted exactly here; longer ones go through the standard library's correctly
    /// rounded conversion.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        guard start < end else { return nil }
        if let special = specialValue(bytes, from: start, to: end) { return special }

        var index = start
        var isNegative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawPoint = false
        var sawDigit = false
        while index < end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sawDigit = true
                if digitCount < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    if mantissa != 0 { digitCount += 1 }
                    if sawPoint { fractionDigits += 1 }
                } else {
                    return slowDouble(bytes, from: start, to: end)
                }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }

        var exponent = 0
        if index < end {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"),
                let parsed = exponentValue(bytes, from: index + 1, to: end)
            else { return slowDouble(bytes, from: start, to: end) }
            exponent = parsed
        }
        let scale = exponent - fractionDigits
        guard mantissa <= 1 << 53, scale >= -22, scale <= 22 else {
            return slowDouble(bytes, from: start, to: end)
        }
        var value = Double(mantissa)
        value = scale >= 0 ? value * exactPowersOfTen[scale] : value / exactPowersOfTen[-scale]
        return isNegative ? -value : value
    }

    /// Parses a signed decimal integer that fits in 64 bits, or returns `nil`.
    static func int64(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int64? {
        var index = start
        var isNegative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end else { return nil }
        var magnitude: Int64 = 0
        while index < end {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            index += 1
        }
        return isNegative ? -magnitude : magnitude
    }

    private static func exponentValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        var isNegative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end, end - index <= 4 else { return nil }
        var value = 0
        while index < end {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return isNegative ? -value : value
    }

    /// `NaN`, `Inf` and `Infinity` with an optional sign on the infinities, any letter case.
    private static func specialValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var index = start
        var sign: Double = 1
        let first = bytes[index]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            index += 1
        }
        let length = end - index
        guard length == 3 || length == 8, bytes[index] | 0x20 >= UInt8(ascii: "a") else { return nil }
        if matchesIgnoringCase(bytes, from: index, to: end, word: "inf")
            || matchesIgnoringCase(bytes, from: index, to: end, word: "infinity")
        {
            return sign * .infinity
        }
        if index == start, matchesIgnoringCase(bytes, from: index, to: end, word: "nan") { return .nan }
        return nil
    }

    private static func matchesIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        word: StaticString
    ) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { letters in
            for offset in 0..<letters.count where bytes[start + offset] | 0x20 != letters[offset] {
                return false
            }
            return true
        }
    }

    /// The standard library's conversion, for long or unusual spellings; only plain number
    /// characters are passed on, so spellings the formats do not allow stay errors.
    private static func slowDouble(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                UInt8(ascii: "+"), UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return Double(text)
    }
}
