import Foundation
import HTTP
import YAML

// GET: single objects, lists (with Tables and pagination) and watches.
extension APIHandler {
    func get(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let object = try await store.get(target.resource, namespace: target.namespace ?? "", name: target.name ?? "")
        if let include = Self.tableRequest(request) {
            let table = TableRenderer.table(
                [object],
                resource: target.resource,
                include: include,
                listMetadata: ["resourceVersion": .string(object.resourceVersion)],
                now: Date()
            )
            return Self.json(table, contentType: Self.tableContentType)
        }
        return Self.json(object)
    }

    func list(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let selectors = try Self.selectors(request, target.resource)
        var limit: Int?
        if let text = request.queryValue("limit"), !text.isEmpty {
            guard let value = Int(text), value >= 0 else { throw APIError.badRequest("invalid limit \"\(text)\"") }
            limit = value
        }
        let page = try await store.list(
            target.resource,
            namespace: target.namespace,
            labelSelector: selectors.labels,
            fieldSelector: selectors.fields,
            limit: limit,
            continueToken: request.queryValue("continue")
        )
        var metadata: [String: JSONValue] = ["resourceVersion": .string(String(page.revision))]
        if let token = page.continueToken { metadata["continue"] = .string(token) }
        if let remaining = page.remainingItemCount { metadata["remainingItemCount"] = .integer(Int64(remaining)) }
        if let include = Self.tableRequest(request) {
            let table = TableRenderer.table(
                page.items,
                resource: target.resource,
                include: include,
                listMetadata: metadata,
                now: Date()
            )
            return Self.json(table, contentType: Self.tableContentType)
        }
        let list: JSONValue = [
            "kind": .string(target.resource.listKind), "apiVersion": .string(target.resource.apiVersion),
            "metadata": .object(metadata), "items": .array(page.items),
        ]
        return Self.json(list)
    }

    func watch(_ request: HTTPServerRequest, _ target: ResourceTarget) async throws -> HTTPServerResponse {
        let selectors = try Self.selectors(request, target.resource)
        let timeout = try request.queryValue("timeoutSeconds").map { (text) throws(APIError) -> Int in
            guard let value = Int(text), value >= 0 else {
                throw APIError.badRequest("invalid timeoutSeconds \"\(text)\"")
            }
            return value
        }
        let bookmarks = request.queryValue("allowWatchBookmarks") == "true"
        let version = request.queryValue("resourceVersion") ?? ""
        let start: WatchStart
        if request.queryValue("sendInitialEvents") == "true" {
            guard request.queryValue("resourceVersionMatch") == "NotOlderThan" else {
                throw APIError(
                    code: 422,
                    reason: "Invalid",
                    message:
                        "resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"
                )
            }
            start = .initialEventsThenBookmark
        } else if version.isEmpty || version == "0" {
            start = .currentState
        } else {
            guard let position = Int64(version) else {
                throw APIError.badRequest("resourceVersion: Invalid value: \"\(version)\": must be an integer")
            }
            start = .after(position)
        }
        let watchRequest = WatchRequest(
            resource: target.resource,
            namespace: target.namespace,
            labelSelector: selectors.labels,
            fieldSelector: selectors.fields,
            table: Self.tableRequest(request),
            allowsBookmarks: bookmarks,
            deadline: .now + .seconds(timeout ?? 1800)
        )
        let stream = await store.watch(watchRequest, start: start)
        let contentType = watchRequest.table == nil ? "application/json" : Self.tableContentType
        return HTTPServerResponse(
            status: 200,
            headers: ["Content-Type": contentType, "Cache-Control": "no-cache, private"],
            body: .stream(stream)
        )
    }

    static func selectors(_ request: HTTPServerRequest, _ resource: ResourceDefinition) throws(APIError) -> (
        labels: LabelSelector, fields: FieldSelector
    ) {
        let labels = try LabelSelector.parse(request.queryValue("labelSelector") ?? "")
        let fields = try FieldSelector.parse(request.queryValue("fieldSelector") ?? "", for: resource)
        return (labels, fields)
    }
}
