import YAML

/// One node of a CRD's structural OpenAPI v3 schema, parsed once when the CRD is stored.
final class SchemaNode: Sendable {
    let type: String?
    let isNullable: Bool
    let properties: [String: SchemaNode]
    let additionalProperties: SchemaNode?
    let items: SchemaNode?
    let required: [String]
    let enumValues: [JSONValue]?
    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Bool
    let exclusiveMaximum: Bool
    let minLength: Int?
    let maxLength: Int?
    let minItems: Int?
    let maxItems: Int?
    let minProperties: Int?
    let maxProperties: Int?
    let pattern: String?
    let defaultValue: JSONValue?
    let preservesUnknownFields: Bool
    let isIntOrString: Bool
    let isEmbeddedResource: Bool
    let listType: String?
    let listMapKeys: [String]
    let rules: [CELRule]
    /// The schema exactly as the CRD declared it (served by OpenAPI and `kubectl explain`).
    let raw: JSONValue

    /// Parses a schema; CEL rules are compiled here so an unsupported rule fails CRD creation.
    init(_ raw: JSONValue, path: String) throws(SchemaError) {
        self.raw = raw
        type = raw["type"]?.stringValue
        isNullable = raw["nullable"]?.boolValue ?? false
        var properties: [String: SchemaNode] = [:]
        for (key, child) in raw["properties"]?.objectValue ?? [:] {
            properties[key] = try SchemaNode(child, path: "\(path).properties[\(key)]")
        }
        self.properties = properties
        if let additional = raw["additionalProperties"], additional.objectValue != nil {
            additionalProperties = try SchemaNode(additional, path: "\(path).additionalProperties")
        } else {
            additionalProperties = nil
        }
        items = try raw["items"].map { (node) throws(SchemaError) in try SchemaNode(node, path: "\(path).items") }
        required = raw["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        enumValues = raw["enum"]?.arrayValue
        minimum = raw["minimum"]?.doubleValue
        maximum = raw["maximum"]?.doubleValue
        exclusiveMinimum = raw["exclusiveMinimum"]?.boolValue ?? false
        exclusiveMaximum = raw["exclusiveMaximum"]?.boolValue ?? false
        minLength = raw["minLength"]?.integerValue.map(Int.init)
        maxLength = raw["maxLength"]?.integerValue.map(Int.init)
        minItems = raw["minItems"]?.integerValue.map(Int.init)
        maxItems = raw["maxItems"]?.integerValue.map(Int.init)
        minProperties = raw["minProperties"]?.integerValue.map(Int.init)
        maxProperties = raw["maxProperties"]?.integerValue.map(Int.init)
        pattern = raw["pattern"]?.stringValue
        defaultValue = raw["default"]
        preservesUnknownFields = raw["x-kubernetes-preserve-unknown-fields"]?.boolValue ?? false
        isIntOrString = raw["x-kubernetes-int-or-string"]?.boolValue ?? false
        isEmbeddedResource = raw["x-kubernetes-embedded-resource"]?.boolValue ?? false
        listType = raw["x-kubernetes-list-type"]?.stringValue
        listMapKeys = raw["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var rules: [CELRule] = []
        for (position, rule) in (raw["x-kubernetes-validations"]?.arrayValue ?? []).enumerated() {
            rules.append(try CELRule(rule, path: "\(path).x-kubernetes-validations[\(position)]"))
        }
        self.rules = rules
        try checkStructural(path: path)
    }

    private func checkStructural(path: String) throws(SchemaError) {
        if type == nil, !isIntOrString, !preservesUnknownFields, raw["properties"] == nil {
            throw SchemaError(
                field: "\(path).type",
                message: "Required value: must not be empty for specified object fields"
            )
        }
        if let type, !["object", "array", "string", "integer", "number", "boolean"].contains(type) {
            throw SchemaError(
                field: "\(path).type",
                message: "Unsupported value: \"\(type)\": supported values: \"array\", \"boolean\", \"integer\", "
                    + "\"number\", \"object\", \"string\""
            )
        }
        if type == "array", items == nil {
            throw SchemaError(field: "\(path).items", message: "Required value: must be specified")
        }
        if raw["$ref"] != nil {
            throw SchemaError(field: "\(path).$ref", message: "Forbidden: $ref is not supported")
        }
        if !properties.isEmpty, additionalProperties != nil {
            throw SchemaError(
                field: "\(path).additionalProperties",
                message: "Forbidden: additionalProperties and properties are mutual exclusive"
            )
        }
    }

    /// Whether the node describes an object whose unknown members are dropped.
    var prunesUnknownFields: Bool {
        !preservesUnknownFields && additionalProperties == nil && !isEmbeddedResource
    }
}

/// A CRD schema that cannot be served, with the CRD field that is wrong.
struct SchemaError: Error, Sendable {
    /// Where in the CRD, such as `spec.versions[0].schema.openAPIV3Schema.properties[spec].type`.
    var field: String
    /// What is wrong.
    var message: String
}

/// The validation of one served version of a custom resource.
struct StructuralSchema: Sendable, Equatable {
    /// The root node (`openAPIV3Schema`).
    let root: SchemaNode

    static func == (lhs: StructuralSchema, rhs: StructuralSchema) -> Bool {
        lhs.root.raw == rhs.root.raw
    }
}
