import Foundation

extension JSONValue {
    /// Converts this value into a `Decodable` type, reading the value directly (no JSON text).
    ///
    /// ```swift
    /// let deployment = try YAML.decode(manifest).decode(Deployment.self)
    /// ```
    /// - Throws: `DecodingError` when the value does not fit `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(T.self, from: self, codingPath: [])
    }

    /// Creates the value an `Encodable` writes, by way of JSON.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded (e.g. a non-finite double).
    public init(encoding value: some Encodable) throws {
        let bytes = try JSONEncoder().encode(value)
        self = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
    }

    /// The value as compact JSON bytes with sorted keys.
    ///
    /// - Throws: `EncodingError` for a non-finite double.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// Parses JSON bytes into a value (strict RFC 8259, without going through `JSONDecoder`).
    ///
    /// - Throws: ``JSONParseError`` with the byte offset when the bytes are not JSON.
    public init(jsonBytes: some Collection<UInt8>) throws {
        let parsed = try jsonBytes.withContiguousStorageIfAvailable { buffer in
            try JSONParser.parse(UnsafeRawBufferPointer(buffer))
        }
        if let parsed {
            self = parsed
        } else {
            self = try Array(jsonBytes).withUnsafeBytes { try JSONParser.parse($0) }
        }
    }
}
