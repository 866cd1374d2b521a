internal import CCurl
import Synchronization

/// The status line and headers of a response, delivered when the last header arrives.
struct ReceivedHead: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var httpVersion: String
}

/// One request's easy handle and the Swift side waiting for it.
///
/// Built and configured on the caller's task, then handed to the event loop; from then on only the
/// loop thread touches the handle and the buffers. The cancellation flag is the one field shared
/// between threads, and it sits behind a `Mutex`.
final class CurlTransfer: @unchecked Sendable {  // Mutable fields: loop thread only; `cancelled` is a Mutex.
    /// How the response is handed back.
    enum Delivery {
        /// Collect the whole body, then resume with the response.
        case whole(CheckedContinuation<HTTPResponse, any Error>)
        /// Resume with the head as soon as it arrives, then yield body chunks into the stream.
        case streaming(
            head: CheckedContinuation<ReceivedHead, any Error>,
            body: AsyncThrowingStream<[UInt8], any Error>.Continuation
        )
    }

    let easy: UnsafeMutableRawPointer
    let url: String
    /// The longest gap between received bytes before a stream fails, in seconds; `nil` for whole responses.
    let idleTimeout: Double?
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var delivery: Delivery?
    private var status = 0
    private var headers = HTTPHeaders()
    private var isHeadDelivered = false
    private var body: [UInt8] = []
    private(set) var lastActivity = ContinuousClock.now
    private let cancelled = Mutex(false)

    /// Creates and configures an easy handle for `request`.
    ///
    /// - Throws: ``HTTPError/invalidURL(_:)`` for a URL that is not http or https, ``HTTPError/transport(url:code:reason:)``
    ///   when libcurl refuses an option.
    init(request: HTTPRequest, options: CurlOptions, totalTimeout: Double?, idleTimeout: Double?) throws {
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        guard let easy = curl_easy_init() else {
            errorBuffer.deallocate()
            throw HTTPError.transport(url: Redaction.url(request.url), code: -1, reason: "cannot create a curl handle")
        }
        self.easy = easy
        self.url = Redaction.url(request.url)
        self.idleTimeout = idleTimeout
        // Every stored property is set, so a throw from here on runs deinit, which frees the handle.
        lists = try options.configure(easy, for: request, totalTimeout: totalTimeout)
        _ = ccurl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = ccurl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_write_function(easy, curlWriteCallback)
        _ = ccurl_setopt_header_function(easy, curlHeaderCallback)
    }

    deinit {
        curl_easy_cleanup(easy)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    /// Sets where the response goes; called once before the transfer is submitted.
    func deliver(to delivery: Delivery) {
        self.delivery = delivery
    }

    /// Marks the transfer cancelled; returns `false` if it already was.
    func markCancelled() -> Bool {
        cancelled.withLock { isCancelled in
            defer { isCancelled = true }
            return !isCancelled
        }
    }

    /// Whether ``markCancelled()`` has been called.
    var isCancelled: Bool { cancelled.withLock { $0 } }

    // MARK: - Loop thread

    /// Handles one header line from libcurl, including status lines and the blank line ending the head.
    func received(headerLine bytes: UnsafeBufferPointer<UInt8>) {
        lastActivity = .now
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
        let line = String(decoding: bytes[0..<end], as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new response starts (after 100 Continue, for instance): forget the previous head.
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = HTTPHeaders()
        } else if line.isEmpty {
            if status >= 200 { deliverHead() }
        } else if let colon = line.firstIndex(of: ":") {
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces)
        }
    }

    /// Handles body bytes from libcurl.
    func received(body bytes: UnsafeBufferPointer<UInt8>) {
        lastActivity = .now
        switch delivery {
        case .whole: body.append(contentsOf: bytes)
        case .streaming(_, let stream):
            deliverHead()
            stream.yield(Array(bytes))
        case nil: break
        }
    }

    /// Finishes the transfer with libcurl's result.
    func completed(_ code: CURLcode) {
        guard code == CURLE_OK else {
            fail(CurlErrors.error(for: code, easy: easy, url: url, detail: String(cString: errorBuffer)))
            return
        }
        switch delivery {
        case .whole(let continuation):
            let head = currentHead()
            continuation.resume(
                returning: HTTPResponse(
                    status: head.status,
                    headers: head.headers,
                    body: body,
                    httpVersion: head.httpVersion
                )
            )
        case .streaming(_, let stream):
            deliverHead()
            stream.finish()
        case nil: break
        }
        delivery = nil
    }

    /// Finishes the transfer with an error, wherever the caller is waiting.
    func fail(_ error: HTTPError) {
        switch delivery {
        case .whole(let continuation): continuation.resume(throwing: error)
        case .streaming(let head, let stream):
            if isHeadDelivered { stream.finish(throwing: error) } else { head.resume(throwing: error) }
        case nil: break
        }
        delivery = nil
    }

    private func deliverHead() {
        guard !isHeadDelivered, case .streaming(let continuation, _) = delivery else { return }
        isHeadDelivered = true
        continuation.resume(returning: currentHead())
    }

    private func currentHead() -> ReceivedHead {
        var version = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
        let text: String
        switch version {
        case CURL_HTTP_VERSION_2_0: text = "2"
        case CURL_HTTP_VERSION_1_0: text = "1.0"
        case CURL_HTTP_VERSION_3: text = "3"
        default: text = "1.1"
        }
        if status == 0 { _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
        return ReceivedHead(status: status, headers: headers, httpVersion: text)
    }
}

/// libcurl's body callback: hands the bytes to the transfer named by the user pointer.
private func curlWriteCallback(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        transfer.received(body: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

/// libcurl's header callback: one header line per call.
private func curlHeaderCallback(
    _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int,
    _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        transfer.received(headerLine: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}
