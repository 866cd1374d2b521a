/// What reading the next request from a connection produced.
enum RequestReadOutcome {
    /// A complete request; `keepAlive` says whether the connection may carry another one.
    case request(HTTPServerRequest, version: HTTPVersion, keepAlive: Bool)
    /// The peer closed the connection (or was idle past the keep-alive timeout) between requests.
    case closed
    /// The request broke a rule; answer with `status` and close the connection.
    case rejected(status: Int, reason: String)
}

/// The protocol version of a received request.
enum HTTPVersion: Equatable {
    case http10
    case http11
}

/// Reads HTTP/1.x requests from a transport: the head (bounded), then the body by Content-Length or chunked.
///
/// Owned by one connection task; not shared.
final class RequestReader {
    private let transport: any ServerTransport
    private let maxHeaderBytes: Int
    private let maxBodyBytes: Int
    private let remoteAddress: String
    private var buffer: [UInt8] = []
    private static let readSize = 16 * 1024

    init(transport: any ServerTransport, maxHeaderBytes: Int, maxBodyBytes: Int, remoteAddress: String) {
        self.transport = transport
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.remoteAddress = remoteAddress
    }

    /// Reads the next request, whose head must arrive before `idleDeadline`.
    ///
    /// - Throws: ``TransportError`` when the connection fails mid-request.
    func next(idleDeadline: ContinuousClock.Instant) async throws -> RequestReadOutcome {
        // Skip blank lines between requests, as RFC 9112 allows, then wait for a head.
        guard let headEnd = try await readHead(idleDeadline: idleDeadline) else {
            return buffer.count > maxHeaderBytes
                ? .rejected(status: 431, reason: "request header fields too large") : .closed
        }
        let headBytes = Array(buffer[0..<headEnd])
        buffer.removeFirst(headEnd + 4)
        guard let head = Self.parseHead(headBytes) else {
            return .rejected(status: 400, reason: "malformed request head")
        }

        let body: [UInt8]
        let transferEncoding = head.headers["Transfer-Encoding"]?.lowercased()
        if let transferEncoding, transferEncoding.contains("chunked") {
            try await continueIfExpected(head)
            guard let chunked = try await readChunkedBody() else {
                return .rejected(status: 413, reason: "request body larger than \(maxBodyBytes) bytes")
            }
            body = chunked
        } else if let lengthText = head.headers["Content-Length"] {
            guard let length = Int(lengthText.trimmingSpaces), length >= 0 else {
                return .rejected(status: 400, reason: "invalid content-length")
            }
            guard length <= maxBodyBytes else {
                return .rejected(status: 413, reason: "request body larger than \(maxBodyBytes) bytes")
            }
            try await continueIfExpected(head)
            body = try await readExactly(length)
        } else {
            body = []
        }

        let connection = head.headers["Connection"]?.lowercased() ?? ""
        let keepAlive = head.version == .http11 ? !connection.contains("close") : connection.contains("keep-alive")
        let request = HTTPServerRequest(
            method: head.method,
            target: head.target,
            headers: head.headers,
            body: body,
            remoteAddress: remoteAddress,
            clientCertificate: transport.clientIdentity
        )
        return .request(request, version: head.version, keepAlive: keepAlive)
    }

    // MARK: - Head

    private struct Head {
        var method: String
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
    }

    /// Reads until the blank line ending the head; returns its offset, or `nil` on close or oversize.
    private func readHead(idleDeadline: ContinuousClock.Instant) async throws -> Int? {
        var scanned = 0
        while true {
            while buffer.starts(with: [13, 10]) { buffer.removeFirst(2) }
            if let end = Self.find([13, 10, 13, 10], in: buffer, from: max(0, scanned - 3)) {
                return end <= maxHeaderBytes ? end : nil
            }
            scanned = buffer.count
            if buffer.count > maxHeaderBytes { return nil }

            // An idle connection may wait until the keep-alive deadline; once a head has started the
            // same deadline bounds it, so a slow client cannot hold a connection forever.
            let chunk: [UInt8]
            do {
                chunk = try await transport.read(maxBytes: Self.readSize, deadline: idleDeadline)
            } catch TransportError.timedOut where buffer.isEmpty {
                return nil
            } catch TransportError.interrupted where buffer.isEmpty {
                return nil
            }
            if chunk.isEmpty { return nil }
            buffer.append(contentsOf: chunk)
        }
    }

    private static func parseHead(_ bytes: [UInt8]) -> Head? {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].first == "/" || parts[1] == "*" else { return nil }
        let version: HTTPVersion
        switch parts[2] {
        case "HTTP/1.1": version = .http11
        case "HTTP/1.0": version = .http10
        default: return nil
        }

        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), line.first != " ", line.first != "\t" else { return nil }
            let name = String(line[..<colon])
            guard !name.isEmpty, !name.contains(" ") else { return nil }
            headers.add(name, String(line[line.index(after: colon)...]).trimmingSpaces)
        }
        return Head(method: String(parts[0]), target: String(parts[1]), version: version, headers: headers)
    }

    // MARK: - Body

    private func continueIfExpected(_ head: Head) async throws {
        guard head.version == .http11, head.headers["Expect"]?.lowercased() == "100-continue", buffer.isEmpty else {
            return
        }
        try await transport.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    private func fill(atLeast count: Int) async throws {
        while buffer.count < count {
            let chunk = try await transport.read(maxBytes: max(Self.readSize, count - buffer.count), deadline: nil)
            if chunk.isEmpty { throw TransportError.failed("connection closed mid-request") }
            buffer.append(contentsOf: chunk)
        }
    }

    private func readExactly(_ count: Int) async throws -> [UInt8] {
        try await fill(atLeast: count)
        let bytes = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func readLine(limit: Int) async throws -> String? {
        var scanned = 0
        while true {
            if let end = Self.find([13, 10], in: buffer, from: max(0, scanned - 1)) {
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            if buffer.count > limit { return nil }
            scanned = buffer.count
            try await fill(atLeast: buffer.count + 1)
        }
    }

    /// Decodes a chunked body; `nil` when it grows past the body limit.
    private func readChunkedBody() async throws -> [UInt8]? {
        var body: [UInt8] = []
        while true {
            guard let sizeLine = try await readLine(limit: 1024) else { throw TransportError.failed("bad chunk size") }
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingSpaces, radix: 16), size >= 0 else {
                throw TransportError.failed("bad chunk size")
            }
            if size == 0 { break }
            guard body.count + size <= maxBodyBytes else { return nil }
            body.append(contentsOf: try await readExactly(size))
            guard try await readLine(limit: 2) == "" else { throw TransportError.failed("bad chunk end") }
        }

        // Trailer fields are read and dropped, up to the blank line.
        var trailerBytes = 0
        while let line = try await readLine(limit: maxHeaderBytes), !line.isEmpty {
            trailerBytes += line.utf8.count
            if trailerBytes > maxHeaderBytes { throw TransportError.failed("trailers too large") }
        }
        return body
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
