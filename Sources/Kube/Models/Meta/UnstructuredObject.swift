import YAML

/// Any Kubernetes object as JSON, for kinds without a typed model (custom resources).
///
/// Every member survives a read-modify-write, because nothing is dropped: the object is its JSON.
/// ```swift
/// var pool = try await client.get(UnstructuredObject.self, pools, name: "llama", namespace: "ml")
/// pool.object["spec"]?["minReplicas"] = 2
/// ```
public struct UnstructuredObject: Codable, Sendable, Equatable {
    /// The whole object.
    public var object: JSONValue

    /// Wraps a JSON object.
    public init(_ object: JSONValue) {
        self.object = object
    }

    /// The `apiVersion` member.
    public var apiVersion: String? {
        get { object["apiVersion"]?.stringValue }
        set { object["apiVersion"] = newValue.map(JSONValue.string) }
    }

    /// The `kind` member.
    public var kind: String? {
        get { object["kind"]?.stringValue }
        set { object["kind"] = newValue.map(JSONValue.string) }
    }

    /// The metadata, typed; setting it replaces `metadata` in the object.
    ///
    /// Reading returns empty metadata when the member is missing or malformed.
    public var metadata: ObjectMeta {
        get { (try? object["metadata"]?.decode(ObjectMeta.self)) ?? ObjectMeta() }
        set { object["metadata"] = try? JSONValue(encoding: newValue) }
    }

    /// `metadata.name`.
    public var name: String? { object.value(at: ["metadata", "name"])?.stringValue }
    /// `metadata.namespace`.
    public var namespace: String? { object.value(at: ["metadata", "namespace"])?.stringValue }
    /// `metadata.resourceVersion`.
    public var resourceVersion: String? { object.value(at: ["metadata", "resourceVersion"])?.stringValue }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        object = try JSONValue(from: decoder)
    }

    /// Encodes the JSON as it is.
    public func encode(to encoder: any Encoder) throws {
        try object.encode(to: encoder)
    }

    /// Converts into a typed model.
    ///
    /// - Throws: `DecodingError` when the object does not fit `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try object.decode(T.self)
    }
}
