import Foundation
import YAML

/// A Kubernetes resource quantity such as `80Gi`, `500m`, `1` or `1e3`.
///
/// The value is exact (a `Decimal`), so `1000m == 1` and `1Gi > 1G`. The text the server sent is kept
/// and written back unchanged, so decoding and re-encoding an object never rewrites its quantities.
/// Suffixes: binary `Ki Mi Gi Ti Pi Ei`, decimal `n u m k M G T P E`, and exponents `e3`/`E-2`.
public struct Quantity: Sendable, Comparable, Codable, CustomStringConvertible {
    /// The text as written, such as `80Gi`.
    public let text: String
    /// The exact value in base units (cores, bytes, devices).
    public let value: Decimal

    /// Parses a quantity.
    ///
    /// - Throws: ``KubeClientError/invalidQuantity(_:)`` when `text` is not a quantity.
    public init(_ text: String) throws {
        guard let value = Self.parse(text) else { throw KubeClientError.invalidQuantity(text) }
        self.init(text: text, value: value)
    }

    private init(text: String, value: Decimal) {
        self.text = text
        self.value = value
    }

    /// A whole number of base units, written without a suffix.
    public init(integer: Int64) {
        text = String(integer)
        value = Decimal(integer)
    }

    /// A number of thousandths, written with the `m` suffix (CPU millicores).
    public init(milli: Int64) {
        text = "\(milli)m"
        value = Decimal(milli) / 1000
    }

    /// The value as a double (may round).
    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The value rounded up to a whole number, as Kubernetes' `Value()` does; `nil` beyond 64 bits.
    public var integerValue: Int64? { Self.roundedUp(value) }

    /// The value in thousandths rounded up, as Kubernetes' `MilliValue()` does; `nil` beyond 64 bits.
    public var milliValue: Int64? { Self.roundedUp(value * 1000) }

    /// The text as written.
    public var description: String { text }

    /// Quantities are equal when their values are, whatever their notation.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.value == rhs.value }

    /// Orders by value.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.value < rhs.value }

    /// Decodes a quantity from a string, or from a JSON number as some tools write them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(integer: number)
            return
        }
        if let number = try? container.decode(Double.self), number.isFinite {
            try self.init("\(number)")
            return
        }
        let text = try container.decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid quantity \"\(text)\"")
        }
        self.init(text: text, value: value)
    }

    /// Encodes the original text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    // MARK: - Parsing

    private static let binarySuffixes: [String: Int] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
    private static let decimalSuffixes: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]

    /// The value of `text`, or `nil` when it does not follow the quantity grammar.
    static func parse(_ text: String) -> Decimal? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var negative = false
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            negative = scalars[index] == "-"
            index += 1
        }

        // The number: digits with at most one point, at least one digit.
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        while index < scalars.count {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                if seenPoint { fractionDigits += 1 }
            } else if scalar == ".", !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty, digits.count <= 30, let significand = Decimal(string: digits) else { return nil }
        var number = Decimal(sign: .plus, exponent: -fractionDigits, significand: significand)
        if negative { number = -number }

        let suffix = String(String.UnicodeScalarView(scalars[index...]))
        if let power = binarySuffixes[suffix] {
            return number * pow(Decimal(2), power)
        }
        if let exponent = decimalSuffixes[suffix] {
            return Decimal(sign: number.sign, exponent: exponent, significand: number.magnitude)
        }
        guard let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()),
            abs(exponent) <= 40
        else { return nil }
        return Decimal(sign: number.sign, exponent: exponent, significand: number.magnitude)
    }

    private static func roundedUp(_ value: Decimal) -> Int64? {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 0, .up)
        guard rounded <= Decimal(Int64.max), rounded >= Decimal(Int64.min) else { return nil }
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}

extension Quantity {
    /// The value of a resource amount as an unstructured object holds it (a quantity string such as `"2"`,
    /// `"500m"` or `"80Gi"`, or a JSON number some tools write), as a double; `nil` for anything else.
    public static func doubleValue(of value: JSONValue) -> Double? {
        if let text = value.stringValue { return parse(text).map { NSDecimalNumber(decimal: $0).doubleValue } }
        return value.doubleValue
    }
}
