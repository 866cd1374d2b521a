import HTTP

/// Who made a request.
public struct UserInfo: Sendable, Equatable {
    /// The user name, such as "admin".
    public var name: String
    /// The groups, such as ["system:masters"].
    public var groups: [String]

    /// Creates a user.
    public init(name: String, groups: [String]) {
        self.name = name
        self.groups = groups
    }
}

/// Authenticates bearer tokens and verified client certificates (CN is the user, O the groups).
///
/// Every authenticated user may do everything (the embedded server has no authorization layer);
/// anonymous requests only reach `/version` and the health endpoints.
struct Authenticator: Sendable {
    /// Accepted bearer tokens and whom they name.
    var tokens: [String: UserInfo]

    /// The user behind `request`, or `nil` when it carries no valid credential.
    func user(for request: HTTPServerRequest) -> UserInfo? {
        if let header = request.headers["Authorization"], header.hasPrefix("Bearer ") {
            return tokens[String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: " ")]
        }
        if let certificate = request.clientCertificate, !certificate.commonName.isEmpty {
            return UserInfo(name: certificate.commonName, groups: certificate.organizations + ["system:authenticated"])
        }
        return nil
    }

    /// Paths anyone may read.
    static func isPublic(_ path: String) -> Bool {
        ["/version", "/healthz", "/livez", "/readyz"].contains(path)
    }
}
