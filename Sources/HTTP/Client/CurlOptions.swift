internal import CCurl

/// The libcurl options every transfer of one client gets: protocol, TLS, timeouts, compression.
struct CurlOptions: Sendable {
    var tls: TLSConfiguration
    var connectTimeout: Double

    /// Applies the options and the request to an easy handle.
    ///
    /// - Parameter totalTimeout: The whole-transfer limit in seconds, or `nil` for none (streams).
    /// - Returns: The header and connect-to lists, which must outlive the handle.
    func configure(
        _ easy: UnsafeMutableRawPointer,
        for request: HTTPRequest,
        totalTimeout: Double?
    ) throws -> [UnsafeMutablePointer<curl_slist>] {
        let target = try CurlURL.target(request.url, serverName: tls.serverName)
        var lists: [UnsafeMutablePointer<curl_slist>] = []
        var setter = OptionSetter(easy: easy, url: Redaction.url(request.url))

        try setter.string(CURLOPT_URL, target.url)
        try setter.string(CURLOPT_PROTOCOLS_STR, "http,https")
        if let connectTo = target.connectTo {
            guard let list = curl_slist_append(nil, connectTo) else { throw setter.failure("connect-to list") }
            lists.append(list)
            try setter.list(CURLOPT_CONNECT_TO, list)
        }
        try setter.long(CURLOPT_NOSIGNAL, 1)
        try setter.long(CURLOPT_TCP_KEEPALIVE, 1)
        try setter.long(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        if target.url.lowercased().hasPrefix("https:") { try setter.long(CURLOPT_PIPEWAIT, 1) }
        try setter.string(CURLOPT_ACCEPT_ENCODING, "")
        try setter.long(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(connectTimeout))
        if let totalTimeout { try setter.long(CURLOPT_TIMEOUT_MS, Self.milliseconds(totalTimeout)) }

        try configureMethod(&setter, request)
        if let headers = headerList(for: request) {
            lists.append(headers)
            try setter.list(CURLOPT_HTTPHEADER, headers)
        }
        try configureTLS(&setter)
        return lists
    }

    private func configureMethod(_ setter: inout OptionSetter, _ request: HTTPRequest) throws {
        switch request.method {
        case .get where request.body == nil: return
        case .head:
            try setter.long(CURLOPT_NOBODY, 1)
            return
        default: break
        }
        if let body = request.body {
            try setter.offset(CURLOPT_POSTFIELDSIZE_LARGE, Int64(body.count))
            var copy = body
            try copy.withUnsafeMutableBytes { raw in
                try setter.pointer(CURLOPT_COPYPOSTFIELDS, raw.baseAddress ?? UnsafeMutableRawPointer(mutating: ""))
            }
        }
        try setter.string(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
    }

    private func headerList(for request: HTTPRequest) -> UnsafeMutablePointer<curl_slist>? {
        var lines = request.headers.map { field in
            "\(field.name): \(field.value.filter { $0 != "\r" && $0 != "\n" })"
        }
        // No "Expect: 100-continue" round trip, and no form content type that the caller did not ask for.
        lines.append("Expect:")
        if request.body != nil && request.headers["Content-Type"] == nil { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let extended = curl_slist_append(list, line) else { break }
            list = extended
        }
        return list
    }

    private func configureTLS(_ setter: inout OptionSetter) throws {
        switch tls.certificateAuthority {
        case .file(let path): try setter.string(CURLOPT_CAINFO, path)
        case .pem(let bytes): try setter.blob(CURLOPT_CAINFO_BLOB, bytes)
        case nil: break
        }
        switch tls.clientCertificate {
        case .file(let path): try setter.string(CURLOPT_SSLCERT, path)
        case .pem(let bytes): try setter.blob(CURLOPT_SSLCERT_BLOB, bytes)
        case nil: break
        }
        switch tls.clientKey {
        case .file(let path): try setter.string(CURLOPT_SSLKEY, path)
        case .pem(let bytes): try setter.blob(CURLOPT_SSLKEY_BLOB, bytes)
        case nil: break
        }
        if tls.clientCertificate != nil { try setter.string(CURLOPT_SSLCERTTYPE, "PEM") }
        if tls.clientKey != nil { try setter.string(CURLOPT_SSLKEYTYPE, "PEM") }
        if tls.insecureSkipVerify {
            try setter.long(CURLOPT_SSL_VERIFYPEER, 0)
            try setter.long(CURLOPT_SSL_VERIFYHOST, 0)
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        Int(max(1, (seconds * 1000).rounded()))
    }
}

/// Sets options on one easy handle, turning a refusal into ``HTTPError/transport(url:code:reason:)``.
private struct OptionSetter {
    let easy: UnsafeMutableRawPointer
    let url: String

    func failure(_ what: String, code: CURLcode = CURLE_OUT_OF_MEMORY) -> HTTPError {
        HTTPError.transport(url: url, code: Int(code.rawValue), reason: "cannot set \(what)")
    }

    func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else { throw failure("curl option \(option.rawValue)", code: code) }
    }

    func long(_ option: CURLoption, _ value: Int) throws {
        try check(ccurl_setopt_long(easy, option, value), option)
    }

    func string(_ option: CURLoption, _ value: String) throws {
        try check(ccurl_setopt_string(easy, option, value), option)
    }

    func offset(_ option: CURLoption, _ value: Int64) throws {
        try check(ccurl_setopt_offset(easy, option, curl_off_t(value)), option)
    }

    func pointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer) throws {
        try check(ccurl_setopt_pointer(easy, option, value), option)
    }

    func list(_ option: CURLoption, _ value: UnsafeMutablePointer<curl_slist>) throws {
        try check(ccurl_setopt_slist(easy, option, value), option)
    }

    func blob(_ option: CURLoption, _ bytes: [UInt8]) throws {
        var copy = bytes
        try copy.withUnsafeMutableBytes { raw in
            try check(ccurl_setopt_blob(easy, option, raw.baseAddress, raw.count), option)
        }
    }
}

/// URL handling through libcurl's own parser, so we agree with it on what a URL means.
enum CurlURL {
    /// The URL to request and, when a TLS server name overrides the host, the CONNECT_TO entry that
    /// keeps the connection going to the original host while SNI and verification use the name.
    static func target(_ url: String, serverName: String?) throws -> (url: String, connectTo: String?) {
        guard let handle = curl_url() else { throw HTTPError.invalidURL(Redaction.url(url)) }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
            let scheme = part(handle, CURLUPART_SCHEME)?.lowercased(),
            scheme == "http" || scheme == "https",
            let host = part(handle, CURLUPART_HOST),
            let port = part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT))
        else {
            throw HTTPError.invalidURL(Redaction.url(url))
        }
        guard scheme == "https", let serverName, !serverName.isEmpty, serverName != host else { return (url, nil) }
        guard curl_url_set(handle, CURLUPART_HOST, serverName, 0) == CURLUE_OK,
            let rewritten = part(handle, CURLUPART_URL)
        else {
            throw HTTPError.invalidURL("server name \(serverName) for \(Redaction.url(url))")
        }
        return (rewritten, "\(serverName):\(port):\(host):\(port)")
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart, flags: UInt32 = 0) -> String? {
        var text: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &text, flags) == CURLUE_OK, let text else { return nil }
        defer { curl_free(text) }
        return String(cString: text)
    }
}

/// Keeps credentials out of what errors and logs show.
enum Redaction {
    /// The URL without any `user:password@` part.
    static func url(_ url: String) -> String {
        let text = url
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + "<redacted>@" + String(rest[rest.index(after: at)...])
    }
}
