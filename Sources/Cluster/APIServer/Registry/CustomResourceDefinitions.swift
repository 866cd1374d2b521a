import YAML

/// Turns a `CustomResourceDefinition` object into served resource definitions, checking it on the way.
enum CustomResourceDefinitions {
    /// The definitions of every served version, or (with no definitions) the 422 causes that make the CRD invalid.
    static func definitions(from crd: JSONValue) -> (definitions: [ResourceDefinition], causes: [FieldCause]) {
        let spec = crd["spec"] ?? .object([:])
        let group = spec["group"]?.stringValue ?? ""
        let names = spec["names"] ?? .object([:])
        let plural = names["plural"]?.stringValue ?? ""
        let kind = names["kind"]?.stringValue ?? ""
        var causes: [FieldCause] = []
        if group.isEmpty || !group.contains(".") {
            causes.append(
                FieldCause(
                    reason: "FieldValueInvalid",
                    field: "spec.group",
                    message: "Invalid value: \"\(group)\": should be a domain with at least one dot"
                )
            )
        }
        if plural.isEmpty {
            causes.append(
                FieldCause(reason: "FieldValueRequired", field: "spec.names.plural", message: "Required value")
            )
        }
        if kind.isEmpty {
            causes.append(FieldCause(reason: "FieldValueRequired", field: "spec.names.kind", message: "Required value"))
        }
        if crd.name != "\(plural).\(group)" {
            causes.append(
                FieldCause(
                    reason: "FieldValueInvalid",
                    field: "metadata.name",
                    message: "Invalid value: \"\(crd.name)\": must be spec.names.plural+\".\"+spec.group"
                )
            )
        }
        let scope = spec["scope"]?.stringValue ?? ""
        if scope != "Namespaced", scope != "Cluster" {
            causes.append(
                FieldCause(
                    reason: "FieldValueNotSupported",
                    field: "spec.scope",
                    message: "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\""
                )
            )
        }
        let versions = spec["versions"]?.arrayValue ?? []
        if versions.filter({ $0["storage"]?.boolValue == true }).count != 1 {
            causes.append(
                FieldCause(
                    reason: "FieldValueInvalid",
                    field: "spec.versions",
                    message: "Invalid value: must have exactly one version marked as storage version"
                )
            )
        }
        var definitions: [ResourceDefinition] = []
        for (position, version) in versions.enumerated() {
            let prefix = "spec.versions[\(position)]"
            do throws(SchemaError) {
                guard let definition = try definition(version, group: group, names: names, scope: scope, prefix: prefix)
                else { continue }
                definitions.append(definition)
            } catch {
                causes.append(FieldCause(reason: "FieldValueInvalid", field: error.field, message: error.message))
            }
        }
        // Every served version shares one storage key; apiVersion is rewritten on the way out.
        return causes.isEmpty ? (definitions, []) : ([], causes)
    }

    private static func definition(
        _ version: JSONValue,
        group: String,
        names: JSONValue,
        scope: String,
        prefix: String
    ) throws(SchemaError) -> ResourceDefinition? {
        guard version["served"]?.boolValue ?? false, let name = version["name"]?.stringValue else { return nil }
        let plural = names["plural"]?.stringValue ?? ""
        let subresources = version["subresources"] ?? .object([:])
        var scale: ScaleMapping?
        if let rawScale = subresources["scale"] {
            scale = ScaleMapping(
                specReplicasPath: ScaleMapping.path(rawScale["specReplicasPath"]?.stringValue ?? ".spec.replicas"),
                statusReplicasPath: ScaleMapping.path(
                    rawScale["statusReplicasPath"]?.stringValue ?? ".status.replicas"
                ),
                labelSelectorPath: rawScale["labelSelectorPath"]?.stringValue.map(ScaleMapping.path)
            )
        }
        var definition = ResourceDefinition(
            group: group,
            version: name,
            plural: plural,
            singular: names["singular"]?.stringValue ?? names["kind"]?.stringValue?.lowercased(),
            kind: names["kind"]?.stringValue ?? "",
            namespaced: scope == "Namespaced",
            shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            status: subresources["status"] != nil,
            scale: scale,
            storageKey: "\(group)/\(plural)",
            selectableFields: (version["selectableFields"]?.arrayValue ?? []).compactMap {
                $0["jsonPath"]?.stringValue.map { String($0.drop { $0 == "." }) }
            }
        )
        definition.isCustom = true
        if let columns = version["additionalPrinterColumns"]?.arrayValue {
            definition.printerColumns = columns.map { column in
                PrinterColumn(
                    name: column["name"]?.stringValue ?? "",
                    type: column["type"]?.stringValue ?? "string",
                    format: column["format"]?.stringValue ?? "",
                    description: column["description"]?.stringValue ?? "",
                    priority: Int(column["priority"]?.integerValue ?? 0),
                    jsonPath: column["jsonPath"]?.stringValue ?? ""
                )
            }
        }
        if let raw = version["schema"]?["openAPIV3Schema"] {
            definition.schema = StructuralSchema(root: try SchemaNode(raw, path: "\(prefix).schema.openAPIV3Schema"))
        } else {
            throw SchemaError(
                field: "\(prefix).schema.openAPIV3Schema",
                message: "Required value: schemas are required"
            )
        }
        return definition
    }

    /// The status the server reports once a CRD is accepted: `NamesAccepted` and `Established`.
    static func establishedStatus(for crd: JSONValue, now: String) -> JSONValue {
        let spec = crd["spec"] ?? .object([:])
        var accepted = spec["names"] ?? .object([:])
        if accepted["singular"] == nil, let kind = accepted["kind"]?.stringValue {
            accepted["singular"] = .string(kind.lowercased())
        }
        if accepted["listKind"] == nil, let kind = accepted["kind"]?.stringValue {
            accepted["listKind"] = .string(kind + "List")
        }
        let stored = (spec["versions"]?.arrayValue ?? []).filter { $0["storage"]?.boolValue == true }
            .compactMap { $0["name"] }
        func condition(_ type: String, _ reason: String, _ message: String) -> JSONValue {
            [
                "type": .string(type), "status": "True", "reason": .string(reason), "message": .string(message),
                "lastTransitionTime": .string(now),
            ]
        }
        return [
            "acceptedNames": accepted,
            "storedVersions": .array(stored),
            "conditions": [
                condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
            ],
        ]
    }
}
