extension SchemaNode {
    /// The node as an OpenAPI v3 schema object, keys in the order kubebuilder writes them.
    public var manifestValue: ManifestValue {
        var members: [(key: String, value: ManifestValue)] = []
        if let defaultValue { members.append(("default", defaultValue)) }
        members.append(("description", .string(description)))
        if !enumValues.isEmpty { members.append(("enum", .list(enumValues.map { .string($0) }))) }
        if isMinimumExclusive { members.append(("exclusiveMinimum", .bool(true))) }
        if let format { members.append(("format", .string(format))) }
        if let items { members.append(("items", items.manifestValue)) }
        if let additionalProperties { members.append(("additionalProperties", additionalProperties.manifestValue)) }
        if let maxItems { members.append(("maxItems", .integer(Int64(maxItems)))) }
        if let maxLength { members.append(("maxLength", .integer(Int64(maxLength)))) }
        if let maximum { members.append(("maximum", boundValue(maximum))) }
        if let minItems { members.append(("minItems", .integer(Int64(minItems)))) }
        if let minLength { members.append(("minLength", .integer(Int64(minLength)))) }
        if let minimum { members.append(("minimum", boundValue(minimum))) }
        if let pattern { members.append(("pattern", .string(pattern))) }
        if !properties.isEmpty {
            members.append(("properties", .map(properties.map { ($0.name, $0.schema.manifestValue) })))
        }
        if !required.isEmpty { members.append(("required", .list(required.map { .string($0) }))) }
        members.append(("type", .string(kind.rawValue)))
        if !listMapKeys.isEmpty {
            members.append(("x-kubernetes-list-map-keys", .list(listMapKeys.map { .string($0) })))
        }
        if let listType { members.append(("x-kubernetes-list-type", .string(listType))) }
        if !rules.isEmpty {
            let rendered: [ManifestValue] = rules.map {
                .map([("message", .string($0.message)), ("rule", .string($0.rule))])
            }
            members.append(("x-kubernetes-validations", .list(rendered)))
        }
        return .map(members)
    }

    /// Integer-typed nodes write whole-number bounds as integers.
    private func boundValue(_ bound: Double) -> ManifestValue {
        kind == .integer ? .integer(Int64(bound)) : .number(bound)
    }
}
