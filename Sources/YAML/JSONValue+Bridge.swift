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
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite double, which JSON cannot express.
    public func jsonBytes() throws -> [UInt8] {
        var serializer = JSONSerializer(rejectsNonFinite: true)
        do {
            try serializer.write(self)
        } catch {
            guard case .nonFinite(let number) = error else { throw error }
            throw EncodingError.invalidValue(
                number,
                EncodingError.Context(codingPath: [], debugDescription: "json cannot express \(number)")
            )
        }
        return serializer.output
    }

    /// The value as compact JSON bytes with sorted keys, writing NaN and infinities as `null`.
    ///
    /// For servers that must always answer (the embedded API server's responses, watch events and store).
    public func compactJSONBytes() -> [UInt8] {
        var serializer = JSONSerializer(rejectsNonFinite: false)
        try? serializer.write(self)
        return serializer.output
    }

    /// ``compactJSONBytes()`` as a string, for messages and tokens.
    public func compactJSONString() -> String {
        String(decoding: compactJSONBytes(), as: UTF8.self)
    }

    /// Parses JSON bytes into a value (strict RFC 8259, without going through `JSONDecoder`).
    ///
    /// Integers without a fraction or exponent that fit in 64 bits become ``integer(_:)``, other numbers
    /// ``double(_:)`` (`1e3` is a double). A repeated member name keeps its last value. Nesting deeper than 512
    /// arrays or objects fails.
    /// - Throws: ``JSONParseError`` with the byte offset when the bytes are not JSON.
    public init(jsonBytes: some Collection<UInt8>) throws {
        self = try Self.withBytes(jsonBytes) { try JSONParser.parse($0) }
    }

    /// Parses JSON bytes like ``init(jsonBytes:)`` and reports member names that occur twice in one object.
    ///
    /// `duplicateKeys` is set to their dotted member-name paths, array positions left out (`spec.replicas`).
    /// Strict field validation rejects such documents; the value keeps the last occurrence.
    /// - Throws: ``JSONParseError`` with the byte offset when the bytes are not JSON.
    public init(jsonBytes: some Collection<UInt8>, duplicateKeys: inout [String]) throws {
        let (value, duplicates) = try Self.withBytes(jsonBytes) { try JSONParser.parseReportingDuplicates($0) }
        self = value
        duplicateKeys = duplicates
    }

    private static func withBytes<Result>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        if let result = try bytes.withContiguousStorageIfAvailable({ try body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(bytes).withUnsafeBytes { try body($0) }
    }
}
