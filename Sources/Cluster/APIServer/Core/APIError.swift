import YAML

/// A failure the API server answers with a Kubernetes `Status` object.
///
/// `reason` and `code` follow `meta/v1` (`NotFound` 404, `Conflict` 409, `Invalid` 422, ...); `details`
/// carries the name, group and resource (Kubernetes puts the resource in `details.kind`).
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status code.
    public var code: Int
    /// The machine-readable reason, such as "NotFound".
    public var reason: String
    /// The human-readable message.
    public var message: String
    /// The `details` member, or `nil` when there is none.
    public var details: JSONValue?
    /// Seconds the client should wait before retrying (429 and 503).
    public var retryAfterSeconds: Int?

    /// Creates an error.
    public init(code: Int, reason: String, message: String, details: JSONValue? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// A lowercase summary: code, reason and message.
    public var description: String { "api: \(code) \(reason): \(message)" }

    /// The `Status` object for this error.
    public var status: JSONValue {
        var object: [String: JSONValue] = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": .string(reason), "code": .integer(Int64(code)),
        ]
        if var details {
            if let retryAfterSeconds { details["retryAfterSeconds"] = .integer(Int64(retryAfterSeconds)) }
            object["details"] = details
        } else if let retryAfterSeconds {
            object["details"] = ["retryAfterSeconds": .integer(Int64(retryAfterSeconds))]
        }
        return .object(object)
    }

    static func details(name: String?, group: String, resource: String, causes: [JSONValue]? = nil) -> JSONValue {
        var details: [String: JSONValue] = ["kind": .string(resource)]
        if let name { details["name"] = .string(name) }
        if !group.isEmpty { details["group"] = .string(group) }
        if let causes { details["causes"] = .array(causes) }
        return .object(details)
    }

    /// 404 for an object: `configmaps "demo" not found`.
    static func notFound(_ resource: ResourceDefinition, name: String) -> APIError {
        APIError(
            code: 404,
            reason: "NotFound",
            message: "\(resource.qualifiedResource) \"\(name)\" not found",
            details: details(name: name, group: resource.group, resource: resource.plural)
        )
    }

    /// 404 for a path nothing serves.
    static func pathNotFound() -> APIError {
        APIError(
            code: 404,
            reason: "NotFound",
            message: "the server could not find the requested resource",
            details: ["causes": [["reason": "UnexpectedServerResponse", "message": "404 page not found"]]]
        )
    }

    /// 409 AlreadyExists.
    static func alreadyExists(_ resource: ResourceDefinition, name: String) -> APIError {
        APIError(
            code: 409,
            reason: "AlreadyExists",
            message: "\(resource.qualifiedResource) \"\(name)\" already exists",
            details: details(name: name, group: resource.group, resource: resource.plural)
        )
    }

    /// 409 Conflict on a stale resourceVersion.
    static func conflict(_ resource: ResourceDefinition, name: String) -> APIError {
        APIError(
            code: 409,
            reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource.qualifiedResource) \"\(name)\": the object has been "
                + "modified; please apply your changes to the latest version and try again",
            details: details(name: name, group: resource.group, resource: resource.plural)
        )
    }

    /// 422 Invalid with field causes.
    static func invalid(_ resource: ResourceDefinition, name: String, causes: [FieldCause]) -> APIError {
        let summary = causes.map(\.summary).joined(separator: ", ")
        let kind = resource.kind
        let prefix = resource.group.isEmpty ? kind : "\(kind).\(resource.group)"
        let list = causes.count == 1 ? summary : "[\(summary)]"
        return APIError(
            code: 422,
            reason: "Invalid",
            message: "\(prefix) \"\(name)\" is invalid: \(list)",
            details: [
                "name": .string(name), "group": .string(resource.group), "kind": .string(kind),
                "causes": .array(causes.map(\.json)),
            ]
        )
    }

    /// 400 BadRequest.
    static func badRequest(_ message: String) -> APIError {
        APIError(code: 400, reason: "BadRequest", message: message)
    }

    /// 405 MethodNotAllowed.
    static func methodNotAllowed(_ verb: String, _ resource: String) -> APIError {
        APIError(
            code: 405,
            reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource",
            details: ["kind": .string(resource), "causes": [["message": .string("verb \(verb) is not supported")]]]
        )
    }

    /// 410 Expired, used for compacted watch and list positions.
    static func expired(_ message: String) -> APIError {
        APIError(code: 410, reason: "Expired", message: message)
    }

    /// 415 UnsupportedMediaType.
    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(
            code: 415,
            reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
                + (contentType.isEmpty ? "" : " (got \(contentType))")
        )
    }

    /// 500 InternalError.
    static func internalError(_ message: String) -> APIError {
        APIError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }
}

/// One field problem inside a 422 Invalid answer.
struct FieldCause: Sendable, Equatable {
    /// `FieldValueInvalid`, `FieldValueRequired`, `FieldValueNotSupported`, `FieldValueForbidden`, ...
    var reason: String
    /// The path, such as `spec.replicas`.
    var field: String
    /// What is wrong.
    var message: String

    var summary: String { "\(field): \(message)" }

    var json: JSONValue {
        ["reason": .string(reason), "message": .string(summary), "field": .string(field)]
    }
}
