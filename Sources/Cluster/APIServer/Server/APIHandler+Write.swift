import Foundation
import HTTP
import YAML

// POST, PUT, PATCH and DELETE of objects.
extension APIHandler {
    func create(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        guard request.queryValue("force") == nil else {
            throw APIError.badRequest("force is only valid for apply patches")
        }
        let (body, options) = try Self.decodeWrite(request, target.resource, endpoint: .main)
        try Self.checkKind(body, target.resource)
        let result = try await store.create(
            target.resource,
            namespace: target.namespace ?? "",
            object: body,
            options: options
        )
        return Self.json(result.object, status: 201, warnings: result.warnings)
    }

    func replace(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let endpoint: Admission.Endpoint = target.subresource == "status" ? .status : .main
        let (body, options) = try Self.decodeWrite(request, target.resource, endpoint: endpoint)
        try Self.checkKind(body, target.resource)
        let result = try await store.update(
            target.resource,
            namespace: target.namespace ?? "",
            name: target.name ?? "",
            options: options
        ) { _ in body }
        return Self.json(result.object, warnings: result.warnings)
    }

    func patch(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let endpoint: Admission.Endpoint = target.subresource == "status" ? .status : .main
        let contentType = Self.mediaType(request)
        var options = try Self.writeOptions(request, endpoint: endpoint)
        let patchBody = try Self.parseJSON(request.body, contentType: contentType)
        let resource = target.resource
        let isApply = contentType == "application/apply-patch+yaml"
        if !isApply, request.queryValue("force") != nil {
            throw APIError.badRequest("force is only valid for apply patches")
        }
        let transform = try Self.patchTransform(contentType, patch: patchBody, resource: resource, request: request)
        if isApply { options.fieldManager = nil }
        let result = try await store.update(
            resource,
            namespace: target.namespace ?? "",
            name: target.name ?? "",
            options: options,
            allowCreate: isApply,
            transform: transform
        )
        return Self.json(result.object, status: result.created ? 201 : 200, warnings: result.warnings)
    }

    /// The function that turns the current object into the patched one, per patch content type.
    static func patchTransform(
        _ contentType: String,
        patch: JSONValue,
        resource: ResourceDefinition,
        request: HTTPServerRequest
    ) throws(APIError) -> @Sendable (JSONValue?) throws -> JSONValue {
        switch contentType {
        case "application/json-patch+json":
            return { current in try JSONPatch.apply(patch, to: current ?? .object([:])) }
        case "application/merge-patch+json":
            return { current in MergePatch.apply(patch, to: current ?? .object([:])) }
        case "application/strategic-merge-patch+json":
            guard !resource.isCustom else {
                throw APIError(
                    code: 415,
                    reason: "UnsupportedMediaType",
                    message: "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
                )
            }
            guard patch.objectValue != nil else { throw APIError.badRequest("strategic merge patch must be an object") }
            return { current in try StrategicMerge.apply(patch, to: current ?? .object([:])) }
        case "application/apply-patch+yaml":
            guard let manager = request.queryValue("fieldManager"), !manager.isEmpty else {
                throw APIError(
                    code: 422,
                    reason: "Invalid",
                    message:
                        "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"
                )
            }
            try checkKind(patch, resource)
            let force = request.queryValue("force") == "true"
            return { current in
                try ServerSideApply.apply(
                    config: patch,
                    current: current,
                    manager: manager,
                    force: force,
                    resource: resource,
                    now: Date()
                )
            }
        default:
            throw APIError.unsupportedMediaType(contentType)
        }
    }

    func delete(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let deleteRequest = try Self.deleteRequest(request)
        let resource = target.resource
        let result = try await store.delete(
            resource,
            namespace: target.namespace ?? "",
            name: target.name ?? "",
            request: deleteRequest
        )
        if result.isGone, !resource.isCustom {
            var details = APIError.details(name: result.object.name, group: resource.group, resource: resource.plural)
            details["uid"] = .string(result.object.uid)
            return Self.json([
                "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": details,
            ])
        }
        return Self.json(result.object)
    }

    func deleteCollection(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let deleteRequest = try Self.deleteRequest(request)
        let selectors = try Self.selectors(request, target.resource)
        let page = try await store.list(
            target.resource,
            namespace: target.namespace,
            labelSelector: selectors.labels,
            fieldSelector: selectors.fields,
            limit: nil,
            continueToken: nil
        )
        var deleted: [JSONValue] = []
        for object in page.items {
            do {
                let result = try await store.delete(
                    target.resource,
                    namespace: object.namespace,
                    name: object.name,
                    request: deleteRequest
                )
                deleted.append(result.object)
            } catch {
                if error.code == 404 { continue }
                throw error
            }
        }
        let list: JSONValue = [
            "kind": .string(target.resource.listKind), "apiVersion": .string(target.resource.apiVersion),
            "metadata": ["resourceVersion": .string(String(await store.currentRevision))], "items": .array(deleted),
        ]
        return Self.json(list)
    }

    // MARK: - Decoding

    static func mediaType(_ request: HTTPServerRequest) -> String {
        let header = request.headers["Content-Type"] ?? ""
        return header.split(separator: ";").first.map { String($0).trimmingCharacters(in: " ").lowercased() } ?? ""
    }

    static func parseJSON(_ body: [UInt8], contentType: String) throws(APIError) -> JSONValue {
        guard !body.isEmpty else { throw APIError.badRequest("the request body is empty") }
        do {
            return try JSONValue(jsonBytes: body)
        } catch {
            if contentType.contains("yaml") {
                throw APIError(
                    code: 415,
                    reason: "UnsupportedMediaType",
                    message: "the embedded API server reads JSON bodies only (YAML documents must be sent as JSON, "
                        + "which kubectl always does): \(error)"
                )
            }
            throw APIError.badRequest("error decoding body: \(error)")
        }
    }

    /// Decodes a POST/PUT body (a missing Content-Type is read as JSON) and the write options.
    static func decodeWrite(_ request: HTTPServerRequest, _ resource: ResourceDefinition, endpoint: Admission.Endpoint)
        throws(APIError) -> (JSONValue, WriteOptions)
    {
        let contentType = mediaType(request)
        guard !request.body.isEmpty else { throw APIError.badRequest("the request body is empty") }
        if contentType == ProtobufRequestDecoder.mediaType {
            return (try ProtobufRequestDecoder.decode(request.body), try writeOptions(request, endpoint: endpoint))
        }
        guard ["", "application/json", "application/yaml", "*/*"].contains(contentType) else {
            throw APIError.unsupportedMediaType(contentType)
        }
        var duplicates: [String] = []
        guard let body = try? JSONValue(jsonBytes: request.body, duplicateKeys: &duplicates) else {
            _ = try parseJSON(request.body, contentType: contentType)
            throw APIError.badRequest("error decoding body")
        }
        guard body.objectValue != nil else { throw APIError.badRequest("the request body must be a JSON object") }
        var options = try writeOptions(request, endpoint: endpoint)
        options.unknownFields = duplicates.map { "duplicate field \"\($0)\"" }
        return (body, options)
    }

    static func writeOptions(_ request: HTTPServerRequest, endpoint: Admission.Endpoint) throws(APIError)
        -> WriteOptions
    {
        var options = WriteOptions()
        options.endpoint = endpoint
        for value in request.query.filter({ $0.name == "dryRun" }).map(\.value) {
            guard value == "All" else {
                throw APIError.badRequest("Invalid dryRun value \"\(value)\": supported values: \"All\"")
            }
            options.dryRun = true
        }
        if let validation = request.queryValue("fieldValidation") {
            guard let parsed = Admission.FieldValidation(rawValue: validation) else {
                throw APIError.badRequest(
                    "fieldValidation: Unsupported value: \"\(validation)\": supported values: \"Ignore\", \"Strict\", \"Warn\""
                )
            }
            options.fieldValidation = parsed
        }
        let agent = request.headers["User-Agent"] ?? "unknown"
        let derived = agent.split(separator: "/").first.map(String.init) ?? "unknown"
        options.fieldManager = request.queryValue("fieldManager") ?? derived
        return options
    }

    static func checkKind(_ body: JSONValue, _ resource: ResourceDefinition) throws(APIError) {
        if let kind = body["kind"]?.stringValue, kind != resource.kind, !(resource.scale != nil && kind == "Scale") {
            throw APIError.badRequest(
                "the kind \"\(kind)\" of the body does not match the resource \(resource.qualifiedResource) (\(resource.kind))"
            )
        }
        if let apiVersion = body["apiVersion"]?.stringValue, apiVersion != resource.apiVersion,
            body["kind"]?.stringValue == resource.kind
        {
            throw APIError.badRequest(
                "the API version in the data (\(apiVersion)) does not match the expected API version (\(resource.apiVersion))"
            )
        }
    }

    static func deleteRequest(_ request: HTTPServerRequest) throws(APIError) -> DeleteRequest {
        var deleteRequest = DeleteRequest()
        var options = JSONValue.object([:])
        if !request.body.isEmpty {
            options = try parseJSON(request.body, contentType: mediaType(request))
        }
        let policy = request.queryValue("propagationPolicy") ?? options["propagationPolicy"]?.stringValue
        if let policy {
            guard let parsed = PropagationPolicy(rawValue: policy) else {
                throw APIError.badRequest("propagationPolicy: Unsupported value: \"\(policy)\"")
            }
            deleteRequest.propagation = parsed
        } else if options["orphanDependents"]?.boolValue == true || request.queryValue("orphanDependents") == "true" {
            deleteRequest.propagation = .orphan
        }
        deleteRequest.preconditionUID = options["preconditions"]?["uid"]?.stringValue
        deleteRequest.preconditionResourceVersion = options["preconditions"]?["resourceVersion"]?.stringValue
        let dryRun =
            request.query.filter { $0.name == "dryRun" }.map(\.value)
            + (options["dryRun"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for value in dryRun {
            guard value == "All" else { throw APIError.badRequest("Invalid dryRun value \"\(value)\"") }
            deleteRequest.dryRun = true
        }
        return deleteRequest
    }
}
