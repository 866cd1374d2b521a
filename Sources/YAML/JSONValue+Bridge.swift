import Foundation

extension JSONValue {
    /// Converts this value into a `Decodable` type by way of JSON.
    ///
    /// ```swift
    /// let deployment = try YAML.decode(manifest).decode(Deployment.self)
    /// ```
    /// - Throws: `DecodingError` when the value does not fit `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
    }

    /// Creates the value an `Encodable` writes, by way of JSON.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded (e.g. a non-finite double).
    public init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// The value as compact JSON bytes with sorted keys.
    ///
    /// - Throws: `EncodingError` for a non-finite double.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// Parses JSON bytes into a value.
    ///
    /// - Throws: `DecodingError` when the bytes are not JSON.
    public init(jsonBytes: some Collection<UInt8>) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(jsonBytes))
    }
}
