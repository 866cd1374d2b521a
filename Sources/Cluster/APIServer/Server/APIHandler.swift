import Foundation
import HTTP
import YAML

/// Turns HTTP requests into store operations and Kubernetes-shaped answers.
///
/// ``handle(_:)`` is the `HTTPServer` handler: it authenticates, applies injected faults, routes to
/// discovery, OpenAPI, the admin endpoint or a resource, and encodes every failure as a `Status`.
/// Tests call it directly with a hand-built ``HTTP/HTTPServerRequest``.
public final class APIHandler: Sendable {
    let store: ObjectStore
    let registry: ResourceRegistry
    let authenticator: Authenticator
    let faults: FaultInjector
    let serverAddress: String

    init(
        store: ObjectStore,
        registry: ResourceRegistry,
        authenticator: Authenticator,
        faults: FaultInjector,
        serverAddress: String
    ) {
        self.store = store
        self.registry = registry
        self.authenticator = authenticator
        self.faults = faults
        self.serverAddress = serverAddress
    }

    /// Answers one request.
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        do {
            return try await route(request)
        } catch let error as APIError {
            return Self.errorResponse(error)
        } catch {
            return Self.errorResponse(APIError.internalError("\(error)"))
        }
    }

    private func route(_ request: HTTPServerRequest) async throws -> HTTPServerResponse {
        let path =
            request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        if Authenticator.isPublic(path) { return publicEndpoint(path) }
        guard let user = authenticator.user(for: request) else {
            throw APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")
        }
        if path.hasPrefix("/poolpilot/admin/") { return try await admin(request, path: path, user: user) }
        let decision = faults.decide()
        if decision.latencyMilliseconds > 0 { try await Task.sleep(for: .milliseconds(decision.latencyMilliseconds)) }
        if let error = decision.error { throw error }
        let segments = path.split(separator: "/").map(String.init)
        switch segments.first {
        case "api": return try await core(request, segments: Array(segments.dropFirst()))
        case "apis": return try await groups(request, segments: Array(segments.dropFirst()))
        case "openapi": return try openAPI(segments: Array(segments.dropFirst()))
        default: throw APIError.pathNotFound()
        }
    }

    private func publicEndpoint(_ path: String) -> HTTPServerResponse {
        if path == "/version" {
            let version: JSONValue = [
                "major": "1", "minor": .string(EmbeddedVersion.minor), "gitVersion": "v1.32.0-poolpilot",
                "gitCommit": "0000000000000000000000000000000000000000", "gitTreeState": "clean",
                "buildDate": "2026-01-01T00:00:00Z", "goVersion": "swift6.3", "compiler": "swiftc",
                "platform": "linux/amd64",
            ]
            return Self.json(version)
        }
        return HTTPServerResponse(
            status: 200,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: .bytes(Array("ok".utf8))
        )
    }

    private func core(_ request: HTTPServerRequest, segments: [String]) async throws -> HTTPServerResponse {
        guard let version = segments.first else {
            if let beta = Self.wantsAggregated(request) {
                return Self.json(
                    Discovery.aggregated(registry, core: true, beta: beta),
                    contentType: beta ? Discovery.aggregatedBetaContentType : Discovery.aggregatedContentType
                )
            }
            return Self.json(Discovery.coreVersions(serverAddress: serverAddress))
        }
        guard registry.serves(group: "", version: version) else { throw APIError.pathNotFound() }
        return try await resources(request, group: "", version: version, segments: Array(segments.dropFirst()))
    }

    private func groups(_ request: HTTPServerRequest, segments: [String]) async throws -> HTTPServerResponse {
        guard let group = segments.first else {
            if let beta = Self.wantsAggregated(request) {
                return Self.json(
                    Discovery.aggregated(registry, core: false, beta: beta),
                    contentType: beta ? Discovery.aggregatedBetaContentType : Discovery.aggregatedContentType
                )
            }
            return Self.json(Discovery.groupList(registry))
        }
        guard let entry = registry.groups.first(where: { $0.group == group && !group.isEmpty }) else {
            throw APIError.pathNotFound()
        }
        guard segments.count > 1 else { return Self.json(Discovery.group(group, versions: entry.versions)) }
        let version = segments[1]
        guard entry.versions.contains(version) else { throw APIError.pathNotFound() }
        return try await resources(request, group: group, version: version, segments: Array(segments.dropFirst(2)))
    }

    private func resources(_ request: HTTPServerRequest, group: String, version: String, segments: [String])
        async throws
        -> HTTPServerResponse
    {
        guard !segments.isEmpty else {
            guard request.method == "GET" else { throw APIError.methodNotAllowed(request.method, "") }
            return Self.json(Discovery.resourceList(registry, group: group, version: version))
        }
        guard let target = ResourceTarget.parse(segments, group: group, version: version, registry: registry) else {
            throw APIError.pathNotFound()
        }
        try Self.checkAcceptable(request)
        switch (request.method, target.name, target.subresource) {
        case ("GET", nil, _):
            return Self.isWatch(request) ? try await watch(request, target) : try await list(request, target)
        case ("GET", .some, "scale"): return try await getScale(request, target)
        case ("GET", .some, _): return try await get(request, target)
        case ("POST", nil, _): return try await create(request, target)
        case ("PUT", .some, "scale"): return try await putScale(request, target)
        case ("PUT", .some, _): return try await replace(request, target)
        case ("PATCH", .some, "scale"): return try await patchScale(request, target)
        case ("PATCH", .some, _): return try await patch(request, target)
        case ("DELETE", .some, nil): return try await delete(request, target)
        case ("DELETE", nil, nil): return try await deleteCollection(request, target)
        default: throw APIError.methodNotAllowed(request.method, target.resource.plural)
        }
    }

    private func openAPI(segments: [String]) throws -> HTTPServerResponse {
        guard segments.first == "v3" else { throw APIError.pathNotFound() }
        let rest = Array(segments.dropFirst())
        if rest.isEmpty { return Self.json(OpenAPIDocuments.root(registry)) }
        if rest.count == 2, rest[0] == "api", registry.serves(group: "", version: rest[1]) {
            return Self.json(OpenAPIDocuments.document(registry, group: "", version: rest[1]))
        }
        if rest.count == 3, rest[0] == "apis", registry.serves(group: rest[1], version: rest[2]) {
            return Self.json(OpenAPIDocuments.document(registry, group: rest[1], version: rest[2]))
        }
        throw APIError.pathNotFound()
    }

    // MARK: - Encoding

    /// A JSON response.
    static func json(
        _ value: JSONValue,
        status: Int = 200,
        contentType: String = "application/json",
        warnings: [String] = []
    )
        -> HTTPServerResponse
    {
        var headers: HTTPHeaders = ["Content-Type": contentType, "Cache-Control": "no-cache, private"]
        for warning in warnings {
            let escaped = warning.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"",
                with: "\\\""
            )
            headers.add("Warning", "299 - \"\(escaped)\"")
        }
        return HTTPServerResponse(status: status, headers: headers, body: .bytes(value.compactJSONBytes()))
    }

    /// A `Status` response for `error`, with `Retry-After` when it has one.
    static func errorResponse(_ error: APIError) -> HTTPServerResponse {
        var response = json(error.status, status: error.code)
        if let seconds = error.retryAfterSeconds { response.headers.set("Retry-After", String(seconds)) }
        return response
    }

    /// `true`/`false` for the v2/v2beta1 aggregated form when the Accept header asks for it, `nil` for legacy.
    private static func wantsAggregated(_ request: HTTPServerRequest) -> Bool? {
        let accept = request.headers["Accept"] ?? ""
        for option in accept.split(separator: ",") where option.contains("as=APIGroupDiscoveryList") {
            if option.contains("v=v2beta1") { return true }
            if option.contains("v=v2") { return false }
        }
        return nil
    }

    private static func checkAcceptable(_ request: HTTPServerRequest) throws(APIError) {
        guard let accept = request.headers["Accept"], !accept.isEmpty else { return }
        let acceptable = accept.split(separator: ",").contains { option in
            let type = option.split(separator: ";").first.map { String($0).trimmingCharacters(in: " ") } ?? ""
            return ["application/json", "*/*", "application/*", "application/yaml"].contains(type)
        }
        if !acceptable {
            throw APIError(
                code: 406,
                reason: "NotAcceptable",
                message: "only the following media types are accepted: application/json, application/yaml"
            )
        }
    }

    /// The Table options when the Accept header asks for a `meta.k8s.io/v1` Table.
    static func tableRequest(_ request: HTTPServerRequest) -> TableRenderer.IncludeObject? {
        let accept = request.headers["Accept"] ?? ""
        let wantsTable = accept.split(separator: ",").contains { option in
            let parameters = option.split(separator: ";").map { String($0).trimmingCharacters(in: " ") }
            return parameters.contains("as=Table") && parameters.contains("v=v1")
                && parameters.contains("g=meta.k8s.io")
        }
        guard wantsTable else { return nil }
        return TableRenderer.IncludeObject(rawValue: request.queryValue("includeObject") ?? "Metadata") ?? .metadata
    }

    static let tableContentType = "application/json;as=Table;v=v1;g=meta.k8s.io"

    private static func isWatch(_ request: HTTPServerRequest) -> Bool {
        let value = request.queryValue("watch") ?? ""
        return value == "true" || value == "1"
    }
}
