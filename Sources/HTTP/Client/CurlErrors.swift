internal import CCurl

/// Maps libcurl result codes onto ``HTTPError``.
///
/// Messages come from libcurl's error buffer, which names hosts, certificates and timeouts but never
/// request headers, so an `Authorization` header cannot leak through them.
enum CurlErrors {
    /// The error for a failed transfer.
    static func error(for code: CURLcode, easy: UnsafeMutableRawPointer, url: String, detail: String) -> HTTPError {
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(url)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectFailed(url: url, reason: reason)
        case CURLE_OPERATION_TIMEDOUT:
            // For https the connection is up only once the TLS handshake is done (APPCONNECT).
            var connectTime: curl_off_t = 0
            let isTLS = url.lowercased().hasPrefix("https:")
            _ = ccurl_getinfo_offset(easy, isTLS ? CURLINFO_APPCONNECT_TIME_T : CURLINFO_CONNECT_TIME_T, &connectTime)
            var totalTime: curl_off_t = 0
            _ = ccurl_getinfo_offset(easy, CURLINFO_TOTAL_TIME_T, &totalTime)
            return .timedOut(
                url: url,
                which: connectTime == 0 ? "connect" : "request",
                seconds: Double(totalTime) / 1e6
            )
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_CLIENTCERT:
            return .tls("\(url): \(reason)")
        case CURLE_RECV_ERROR where reason.contains("SSL routines"),
            CURLE_SEND_ERROR where reason.contains("SSL routines"):
            // With TLS 1.3 a server rejects the client certificate after the handshake, so libcurl
            // sees the alert as a read error; it is still a TLS failure that retrying cannot fix.
            return .tls("\(url): \(reason)")
        default:
            return .transport(url: url, code: Int(code.rawValue), reason: reason)
        }
    }
}
