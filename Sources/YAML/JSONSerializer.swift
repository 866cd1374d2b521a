/// Serialises ``JSONValue`` to compact JSON bytes with object keys in sorted order.
///
/// Sorted keys keep API responses, stored files, request bodies and tests deterministic. Integral doubles
/// below 10^15 are written without a fraction (`3.0` as `3`), as `JSONEncoder` does.
struct JSONSerializer {
    /// Why a value could not be written.
    enum Failure: Error {
        /// A NaN or infinite double, which JSON cannot express.
        case nonFinite(Double)
    }

    /// Whether NaN and infinities fail (`true`) or are written as `null`.
    let rejectsNonFinite: Bool
    private(set) var output: [UInt8] = []

    init(rejectsNonFinite: Bool) {
        self.rejectsNonFinite = rejectsNonFinite
        output.reserveCapacity(256)
    }

    /// Appends the encoding of `value`.
    mutating func write(_ value: JSONValue) throws(Failure) {
        switch value {
        case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): try writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try write(element)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key)
                output.append(UInt8(ascii: ":"))
                if let member = members[key] { try write(member) }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeDouble(_ number: Double) throws(Failure) {
        guard number.isFinite else {
            if rejectsNonFinite { throw .nonFinite(number) }
            output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if number.rounded() == number, abs(number) < 1e15 {
            output.append(contentsOf: String(Int64(number)).utf8)
        } else {
            output.append(contentsOf: "\(number)".utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
