import YAML

/// The OpenAPI v3 documents kubectl needs.
///
/// Every PATCH operation declares the `fieldValidation` parameter, so kubectl leaves validation to the
/// server (`fieldValidation=Strict`) instead of validating on the client. Strategic merge is left out of
/// the PATCH content types on purpose: kubectl then uses its compiled-in types for built-ins and JSON
/// merge patch for custom resources. Custom resources also carry their schema under
/// `components.schemas`, which is what `kubectl explain` reads.
enum OpenAPIDocuments {
    /// `/openapi/v3`: one entry per served group/version.
    static func root(_ registry: ResourceRegistry) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for (group, versions) in registry.groups {
            for version in versions {
                let path = group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
                let hash = fingerprint(document(registry, group: group, version: version))
                paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
            }
        }
        return ["paths": .object(paths)]
    }

    /// The document of one group/version.
    static func document(_ registry: ResourceRegistry, group: String, version: String) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        var schemas: [String: JSONValue] = [:]
        for resource in registry.all where resource.group == group && resource.version == version {
            let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
            let scope = resource.isNamespaced ? "/namespaces/{namespace}" : ""
            let gvk: JSONValue = ["group": .string(group), "version": .string(version), "kind": .string(resource.kind)]
            let patch: JSONValue = [
                "x-kubernetes-group-version-kind": gvk,
                "parameters": [["name": "fieldValidation", "in": "query", "schema": ["type": "string"]]],
                "requestBody": [
                    "content": [
                        "application/merge-patch+json": ["schema": ["type": "object"]],
                        "application/json-patch+json": ["schema": ["type": "object"]],
                        "application/apply-patch+yaml": ["schema": ["type": "object"]],
                    ]
                ],
                "responses": ["200": ["description": "OK"]],
            ]
            paths["\(prefix)\(scope)/\(resource.plural)/{name}"] = ["patch": patch]
            if let schema = resource.schema {
                schemas[schemaName(resource)] = customSchema(schema.root.raw, gvk: gvk)
            }
        }
        return [
            "openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.32.0"],
            "paths": .object(paths), "components": ["schemas": .object(schemas)],
        ]
    }

    /// `dev.poolpilot.v1alpha1.InferencePool`: the reversed group, version and kind.
    static func schemaName(_ resource: ResourceDefinition) -> String {
        let reversed = resource.group.split(separator: ".").reversed().joined(separator: ".")
        return "\(reversed).\(resource.version).\(resource.kind)"
    }

    private static func customSchema(_ raw: JSONValue, gvk: JSONValue) -> JSONValue {
        var schema = raw
        var properties = raw["properties"]?.objectValue ?? [:]
        properties["apiVersion"] =
            properties["apiVersion"] ?? [
                "type": "string",
                "description": "APIVersion defines the versioned schema of this representation of an object.",
            ]
        properties["kind"] =
            properties["kind"] ?? [
                "type": "string",
                "description": "Kind is a string value representing the REST resource this object represents.",
            ]
        properties["metadata"] = [
            "type": "object",
            "description":
                "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        ]
        schema["properties"] = .object(properties)
        schema["x-kubernetes-group-version-kind"] = [gvk]
        return schema
    }

    /// A short stable hash of a document, so kubectl's cache refreshes when a CRD changes.
    static func fingerprint(_ value: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.compactJSONBytes() {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - text.count)) + text
    }
}
