/// One node of an OpenAPI v3 structural schema, as a CustomResourceDefinition carries it.
///
/// The InferencePool API types describe themselves with these nodes (each type's `schema`), next
/// to their fields, and ``InferencePoolCRD`` assembles them into the CRD. A test encodes a fully
/// populated value of every type and walks it against its schema, so a field cannot exist in one
/// and not the other.
public struct SchemaNode: Sendable, Equatable {
    /// The JSON type of a node.
    public enum Kind: String, Sendable, Equatable {
        /// A JSON object with named properties, or a map when ``SchemaNode/additionalProperties`` is set.
        case object
        /// A JSON array.
        case array
        /// A JSON string.
        case string
        /// A whole number.
        case integer
        /// Any number.
        case number
        /// `true` or `false`.
        case boolean
    }

    /// One named property of an object node.
    public struct Property: Sendable, Equatable {
        /// The JSON field name.
        public var name: String
        /// The property's schema.
        public var schema: SchemaNode
    }

    /// One CEL rule (`x-kubernetes-validations`), evaluated by the API server on every write.
    public struct Rule: Sendable, Equatable {
        /// The CEL expression; `self` is the node's value.
        public var rule: String
        /// The message returned when the rule is false.
        public var message: String

        /// A CEL rule with the message users see when it fails.
        public static func cel(_ rule: String, _ message: String) -> Rule {
            Rule(rule: rule, message: message)
        }
    }

    /// The JSON type.
    public var kind: Kind
    /// What the field means; `kubectl explain` prints it.
    public var description: String
    /// A format hint such as `int32`, `int64` or `date-time`.
    public var format: String? = nil
    /// Named properties of an object, in the order they are written.
    public var properties: [Property] = []
    /// Properties that must be present.
    public var required: [String] = []
    /// Allowed values of a string.
    public var enumValues: [String] = []
    /// The value the API server fills in when the field is absent.
    public var defaultValue: ManifestValue? = nil
    /// The smallest allowed number.
    public var minimum: Double? = nil
    /// The largest allowed number.
    public var maximum: Double? = nil
    /// Whether ``minimum`` itself is excluded.
    public var isMinimumExclusive = false
    /// The shortest allowed string.
    public var minLength: Int? = nil
    /// The longest allowed string.
    public var maxLength: Int? = nil
    /// A regular expression the string must match.
    public var pattern: String? = nil
    /// The most elements of an array.
    public var maxItems: Int? = nil
    /// The fewest elements of an array.
    public var minItems: Int? = nil
    /// `x-kubernetes-list-type`: `atomic`, `set` or `map`.
    public var listType: String? = nil
    /// `x-kubernetes-list-map-keys` for a `map` list.
    public var listMapKeys: [String] = []
    /// CEL validation rules.
    public var rules: [Rule] = []
    /// Element schema of an array, or value schema of a map (at most one element).
    var children: [SchemaNode] = []
    /// Whether this object is a map whose values follow ``children``.
    public var isMap = false

    /// The element schema of an array.
    public var items: SchemaNode? {
        kind == .array ? children.first : nil
    }

    /// The value schema of a map object.
    public var additionalProperties: SchemaNode? {
        isMap ? children.first : nil
    }

    /// The schema of the property named `name`.
    public func property(_ name: String) -> SchemaNode? {
        properties.first { $0.name == name }?.schema
    }
}

// MARK: - Builders

extension SchemaNode {
    /// An object with properties, listed in the order `kubectl explain` shows them.
    public static func object(
        _ description: String,
        _ properties: [(String, SchemaNode)],
        required: [String] = [],
        rules: [Rule] = []
    ) -> SchemaNode {
        var node = SchemaNode(kind: .object, description: description)
        node.properties = properties.map { Property(name: $0.0, schema: $0.1) }
        node.required = required
        node.rules = rules
        return node
    }

    /// A map from string keys to values of `values`.
    public static func map(_ description: String, values: SchemaNode) -> SchemaNode {
        var node = SchemaNode(kind: .object, description: description)
        node.isMap = true
        node.children = [values]
        return node
    }

    /// An array of `items`.
    public static func array(
        _ description: String,
        of items: SchemaNode,
        maxItems: Int? = nil,
        listType: String? = nil,
        listMapKeys: [String] = []
    ) -> SchemaNode {
        var node = SchemaNode(kind: .array, description: description)
        node.children = [items]
        node.maxItems = maxItems
        node.listType = listType
        node.listMapKeys = listMapKeys
        return node
    }

    /// A string, optionally limited to `enumValues` and with a default.
    public static func string(
        _ description: String,
        enum enumValues: [String] = [],
        default defaultValue: String? = nil,
        pattern: String? = nil,
        maxLength: Int? = nil,
        format: String? = nil
    ) -> SchemaNode {
        var node = SchemaNode(kind: .string, description: description)
        node.enumValues = enumValues
        node.defaultValue = defaultValue.map { .string($0) }
        node.pattern = pattern
        node.maxLength = maxLength
        node.format = format
        return node
    }

    /// A 32-bit integer within optional bounds.
    public static func integer(
        _ description: String,
        minimum: Int? = nil,
        maximum: Int? = nil,
        default defaultValue: Int? = nil,
        format: String = "int32"
    ) -> SchemaNode {
        var node = SchemaNode(kind: .integer, description: description, format: format)
        node.minimum = minimum.map(Double.init)
        node.maximum = maximum.map(Double.init)
        node.defaultValue = defaultValue.map { .integer(Int64($0)) }
        return node
    }

    /// A number within optional bounds; `exclusiveMinimum` makes the lower bound strict.
    public static func number(
        _ description: String,
        minimum: Double? = nil,
        exclusiveMinimum: Bool = false,
        maximum: Double? = nil,
        default defaultValue: Double? = nil
    ) -> SchemaNode {
        var node = SchemaNode(kind: .number, description: description)
        node.minimum = minimum
        node.isMinimumExclusive = exclusiveMinimum
        node.maximum = maximum
        node.defaultValue = defaultValue.map { .number($0) }
        return node
    }

    /// A boolean with an optional default.
    public static func boolean(_ description: String, default defaultValue: Bool? = nil) -> SchemaNode {
        var node = SchemaNode(kind: .boolean, description: description)
        node.defaultValue = defaultValue.map { .bool($0) }
        return node
    }

    /// A CEL rule with the message users see when it fails.
    public static func rule(_ rule: String, _ message: String) -> Rule {
        Rule(rule: rule, message: message)
    }

    /// This node with a default object value (so nested defaults apply when the parent is absent).
    public func withDefault(_ value: ManifestValue) -> SchemaNode {
        var copy = self
        copy.defaultValue = value
        return copy
    }

    /// This string node with a minimum length.
    public func withMinLength(_ length: Int) -> SchemaNode {
        var copy = self
        copy.minLength = length
        return copy
    }
}
