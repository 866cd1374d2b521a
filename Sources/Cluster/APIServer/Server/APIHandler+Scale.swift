import Foundation
import HTTP
import YAML

// The autoscaling/v1 Scale subresource.
extension APIHandler {
    /// The Scale view of `object`.
    static func scale(of object: JSONValue, mapping: ScaleMapping) -> JSONValue {
        var selector = ""
        if mapping.readsSelectorObject, let raw = object["spec"]?["selector"] {
            selector = LabelSelector.from(object: raw).text
        } else if let path = mapping.labelSelectorPath {
            selector = object.value(at: path)?.stringValue ?? ""
        }
        var metadata: [String: JSONValue] = [
            "name": .string(object.name), "uid": .string(object.uid),
            "resourceVersion": .string(object.resourceVersion),
            "creationTimestamp": object["metadata"]?["creationTimestamp"] ?? .null,
        ]
        if !object.namespace.isEmpty { metadata["namespace"] = .string(object.namespace) }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": .integer(object.value(at: mapping.specReplicasPath)?.integerValue ?? 0)],
            "status": [
                "replicas": .integer(object.value(at: mapping.statusReplicasPath)?.integerValue ?? 0),
                "selector": .string(selector),
            ],
        ]
    }

    func getScale(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        guard let mapping = target.resource.scale else { throw APIError.pathNotFound() }
        let object = try await store.get(target.resource, namespace: target.namespace ?? "", name: target.name ?? "")
        return Self.json(Self.scale(of: object, mapping: mapping))
    }

    /// How a Scale write changes the current Scale.
    private enum ScaleChange: Sendable {
        case replace(JSONValue)
        case patch(contentType: String, JSONValue)

        func applied(to scale: JSONValue) throws -> JSONValue {
            switch self {
            case .replace(let body): return body
            case .patch("application/json-patch+json", let patch): return try JSONPatch.apply(patch, to: scale)
            case .patch("application/strategic-merge-patch+json", let patch):
                return try StrategicMerge.apply(patch, to: scale)
            case .patch(_, let patch): return MergePatch.apply(patch, to: scale)
            }
        }
    }

    func putScale(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let (body, options) = try Self.decodeWrite(request, target.resource, endpoint: .main)
        return try await writeScale(target, options: options, change: .replace(body))
    }

    func patchScale(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let contentType = Self.mediaType(request)
        let supported = [
            "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
        ]
        guard supported.contains(contentType) else { throw APIError.unsupportedMediaType(contentType) }
        let patch = try Self.parseJSON(request.body, contentType: contentType)
        let options = try Self.writeOptions(request, endpoint: .main)
        return try await writeScale(target, options: options, change: .patch(contentType: contentType, patch))
    }

    private func writeScale(_ target: ResourceTarget, options: WriteOptions, change: ScaleChange) async throws
        -> HTTPServerResponse
    {
        guard let mapping = target.resource.scale else { throw APIError.pathNotFound() }
        let resource = target.resource
        let name = target.name ?? ""
        let result = try await store.update(
            resource,
            namespace: target.namespace ?? "",
            name: name,
            options: options
        ) { current in
            try Self.scaled(current, change: change, mapping: mapping, resource: resource, name: name)
        }
        return Self.json(Self.scale(of: result.object, mapping: mapping), warnings: result.warnings)
    }

    private static func scaled(
        _ current: JSONValue?,
        change: ScaleChange,
        mapping: ScaleMapping,
        resource: ResourceDefinition,
        name: String
    ) throws -> JSONValue {
        guard let current else { throw APIError.notFound(resource, name: name) }
        var object = current
        let scale = try change.applied(to: scale(of: current, mapping: mapping))
        guard let replicas = scale["spec"]?["replicas"]?.integerValue, replicas >= 0 else {
            throw APIError(
                code: 422,
                reason: "Invalid",
                message:
                    "Scale.autoscaling \"\(name)\" is invalid: spec.replicas: Invalid value: must be greater than or equal to 0"
            )
        }
        object.setValue(.integer(replicas), at: mapping.specReplicasPath)
        let sentVersion = scale["metadata"]?["resourceVersion"]?.stringValue ?? ""
        object.setMetadata("resourceVersion", sentVersion.isEmpty ? nil : .string(sentVersion))
        return object
    }
}
