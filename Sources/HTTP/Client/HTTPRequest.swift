/// An HTTP method.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
}

/// One HTTP request for ``HTTPClient``.
public struct HTTPRequest: Sendable {
    /// The absolute URL, `http://` or `https://`.
    public var url: String
    /// The method; GET unless given.
    public var method: HTTPMethod
    /// Request headers.
    public var headers: HTTPHeaders
    /// The body, if any.
    public var body: [UInt8]?
    /// Overrides the client's whole-request timeout, in seconds; `nil` keeps the client's.
    public var timeout: Double?

    /// Creates a request.
    public init(
        url: String,
        method: HTTPMethod = .get,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Double? = nil
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A complete HTTP response, body read in full.
public struct HTTPResponse: Sendable {
    /// The status code, such as 200.
    public var status: Int
    /// Response headers.
    public var headers: HTTPHeaders
    /// The body, decompressed when the server sent gzip.
    public var body: [UInt8]
    /// The protocol the exchange used: "1.1" or "2".
    public var httpVersion: String

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], httpVersion: String = "1.1") {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }
}
