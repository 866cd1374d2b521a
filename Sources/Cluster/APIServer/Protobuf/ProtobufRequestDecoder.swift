import YAML

/// Decodes the protobuf request bodies kubectl's typed generators send (`kubectl create namespace`,
/// `configmap`, `secret generic`, `serviceaccount`) into JSON objects.
///
/// Only those kinds and the fields a client sets on them are understood; any other kind or field
/// answers 415 with a message saying what is missing, never a silently shortened object. Responses are
/// always JSON, which every client accepts.
enum ProtobufRequestDecoder {
    /// The media type of Kubernetes protobuf.
    static let mediaType = "application/vnd.kubernetes.protobuf"

    private enum Shape {
        case string
        case bool
        case stringMap
        case bytesMap
        case stringList
        case message([Int: (String, Shape)])
        /// Server-owned fields the encoder always writes (often empty); the server sets them itself.
        case ignored
    }

    private static let objectMeta: [Int: (String, Shape)] = [
        1: ("name", .string), 2: ("generateName", .string), 3: ("namespace", .string),
        11: ("labels", .stringMap), 12: ("annotations", .stringMap), 14: ("finalizers", .stringList),
        4: ("selfLink", .ignored), 5: ("uid", .ignored), 6: ("resourceVersion", .ignored), 7: ("generation", .ignored),
        8: ("creationTimestamp", .ignored), 9: ("deletionTimestamp", .ignored),
        10: ("deletionGracePeriodSeconds", .ignored), 15: ("clusterName", .ignored), 17: ("managedFields", .ignored),
    ]

    private static let kinds: [String: [Int: (String, Shape)]] = [
        "Namespace": [
            1: ("metadata", .message(objectMeta)), 2: ("spec", .message([1: ("finalizers", .stringList)])),
            3: ("status", .ignored),
        ],
        "ConfigMap": [
            1: ("metadata", .message(objectMeta)), 2: ("data", .stringMap), 3: ("binaryData", .bytesMap),
            4: ("immutable", .bool),
        ],
        "Secret": [
            1: ("metadata", .message(objectMeta)), 2: ("data", .bytesMap), 3: ("type", .string),
            4: ("stringData", .stringMap), 5: ("immutable", .bool),
        ],
        "ServiceAccount": [1: ("metadata", .message(objectMeta)), 4: ("automountServiceAccountToken", .bool)],
    ]

    /// The JSON object of a protobuf body, or a 415 naming what cannot be read.
    static func decode(_ body: [UInt8]) throws(APIError) -> JSONValue {
        guard body.count > 4, Array(body[0..<4]) == [0x6B, 0x38, 0x73, 0x00] else {
            throw unsupported("the body does not start with the Kubernetes protobuf magic number")
        }
        var envelope = ProtobufReader(Array(body[4...]))
        var apiVersion = ""
        var kind = ""
        var raw: [UInt8] = []
        while let (field, value) = try envelope.next() {
            switch (field, value) {
            case (1, .bytes(let typeMeta)):
                var reader = ProtobufReader(typeMeta)
                while let (inner, innerValue) = try reader.next() {
                    if case .bytes(let text) = innerValue {
                        if inner == 1 { apiVersion = String(decoding: text, as: UTF8.self) }
                        if inner == 2 { kind = String(decoding: text, as: UTF8.self) }
                    }
                }
            case (2, .bytes(let bytes)): raw = bytes
            default: continue
            }
        }
        guard let shape = kinds[kind] else {
            throw unsupported("protobuf bodies of kind \(kind.isEmpty ? "(unknown)" : kind) are not understood")
        }
        var object = try decodeMessage(raw, shape, path: kind)
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        return object
    }

    private static func decodeMessage(_ bytes: [UInt8], _ fields: [Int: (String, Shape)], path: String) throws(APIError)
        -> JSONValue
    {
        var reader = ProtobufReader(bytes)
        var members: [String: JSONValue] = [:]
        while let (number, value) = try reader.next() {
            guard let (name, shape) = fields[number] else {
                throw unsupported("field \(number) of \(path) is not understood")
            }
            switch (shape, value) {
            case (.ignored, _):
                continue
            case (.string, .bytes(let text)):
                // Go writes unset strings as empty ones; empty means absent.
                if !text.isEmpty { members[name] = .string(String(decoding: text, as: UTF8.self)) }
            case (.bool, .varint(let flag)):
                members[name] = .bool(flag != 0)
            case (.stringList, .bytes(let text)):
                let list = members[name]?.arrayValue ?? []
                members[name] = .array(list + [.string(String(decoding: text, as: UTF8.self))])
            case (.stringMap, .bytes(let entry)), (.bytesMap, .bytes(let entry)):
                let (key, entryValue) = try mapEntry(entry)
                var map = members[name]?.objectValue ?? [:]
                if case .bytesMap = shape {
                    map[key] = .string(Base64.encode(entryValue))
                } else {
                    map[key] = .string(String(decoding: entryValue, as: UTF8.self))
                }
                members[name] = .object(map)
            case (.message(let inner), .bytes(let nested)):
                members[name] = try decodeMessage(nested, inner, path: "\(path).\(name)")
            default:
                throw unsupported("field \(path).\(name) has an unexpected wire type")
            }
        }
        return .object(members)
    }

    private static func mapEntry(_ bytes: [UInt8]) throws(APIError) -> (String, [UInt8]) {
        var reader = ProtobufReader(bytes)
        var key = ""
        var value: [UInt8] = []
        while let (number, field) = try reader.next() {
            guard case .bytes(let content) = field else { continue }
            if number == 1 { key = String(decoding: content, as: UTF8.self) }
            if number == 2 { value = content }
        }
        return (key, value)
    }

    private static func unsupported(_ reason: String) -> APIError {
        APIError(
            code: 415,
            reason: "UnsupportedMediaType",
            message: "the embedded API server reads protobuf only for Namespace, ConfigMap, Secret and "
                + "ServiceAccount: \(reason); send JSON instead (kubectl apply -f or kubectl create -f)"
        )
    }
}

/// Reads protobuf wire-format fields one at a time.
struct ProtobufReader {
    /// One field's value.
    enum Value {
        case varint(UInt64)
        case bytes([UInt8])
        case fixed
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next field number and value, or `nil` at the end.
    mutating func next() throws(APIError) -> (Int, Value)? {
        guard index < bytes.count else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return try skip(8, number)
        case 2:
            let length = Int(try varint())
            guard length >= 0, index + length <= bytes.count else { throw truncated() }
            defer { index += length }
            return (number, .bytes(Array(bytes[index..<index + length])))
        case 5: return try skip(4, number)
        default: throw APIError.badRequest("invalid protobuf wire type \(key & 7)")
        }
    }

    private mutating func skip(_ count: Int, _ number: Int) throws(APIError) -> (Int, Value) {
        guard index + count <= bytes.count else { throw truncated() }
        index += count
        return (number, .fixed)
    }

    private mutating func varint() throws(APIError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw truncated()
    }

    private func truncated() -> APIError {
        APIError.badRequest("truncated protobuf body")
    }
}
