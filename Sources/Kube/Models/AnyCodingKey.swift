import YAML

/// A coding key for any member name, so models can keep members they do not know.
struct AnyCodingKey: CodingKey, ExpressibleByStringLiteral, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { stringValue = value }
}

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every member whose name is not in `known`, as JSON values.
    func unknownFields(known: Set<String>) throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try decode(JSONValue.self, forKey: key)
        }
        return fields
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Writes members kept from decoding; a known member of the same name has already been written.
    mutating func encodeUnknown(_ fields: [String: JSONValue]) throws {
        for (name, value) in fields {
            try encode(value, forKey: AnyCodingKey(name))
        }
    }
}
