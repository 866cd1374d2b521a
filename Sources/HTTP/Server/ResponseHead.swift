/// How a response body is framed on the wire.
enum BodyFraming {
    /// `Content-Length: n`.
    case length(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
    /// Neither: the body runs until the connection closes (HTTP/1.0 streams).
    case untilClose
    /// No body and no length (1xx, 204, 304).
    case none
}

/// Encodes status lines, headers and chunk frames.
enum ResponseHead {
    /// The status line and headers of a response, ending with the blank line.
    static func encode(status: Int, headers: HTTPHeaders, framing: BodyFraming, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(status))\r\n"
        for field in headers {
            let lowered = field.name.lowercased()
            if lowered == "content-length" || lowered == "transfer-encoding" || lowered == "connection" { continue }
            text += "\(field.name): \(sanitized(field.value))\r\n"
        }
        switch framing {
        case .length(let count): text += "Content-Length: \(count)\r\n"
        case .chunked: text += "Transfer-Encoding: chunked\r\n"
        case .untilClose, .none: break
        }
        if !keepAlive { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// One chunk of a chunked body: size in hex, the bytes, and CRLF.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var frame = Array(String(bytes.count, radix: 16).utf8)
        frame.reserveCapacity(frame.count + bytes.count + 4)
        frame += [13, 10]
        frame += bytes
        frame += [13, 10]
        return frame
    }

    /// The last chunk with no trailers.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// Whether a status never carries a body.
    static func hasNoBody(_ status: Int) -> Bool {
        (100..<200).contains(status) || status == 204 || status == 304
    }

    /// A header value with line breaks removed, so a handler cannot split the response.
    private static func sanitized(_ value: String) -> String {
        guard value.contains(where: { $0 == "\r" || $0 == "\n" }) else { return value }
        return String(value.filter { $0 != "\r" && $0 != "\n" })
    }

    /// The standard reason phrase, or "Status" for codes without a common one.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 101: return "Switching Protocols"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 206: return "Partial Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 410: return "Gone"
        case 412: return "Precondition Failed"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status"
        }
    }
}
