import HTTP
import YAML

/// The events of one watch, decoded as they arrive.
///
/// Iterate it with `for try await`. It ends when the server closes the stream (after
/// `timeoutSeconds`, for example) or when the iterating task is cancelled, which also aborts the
/// HTTP transfer. It throws ``KubeClientError/gone(verb:path:status:)`` for an expired
/// resourceVersion, `.transport` when the connection breaks and `.decoding` for a malformed line.
/// Lines split across chunk boundaries are reassembled. One stream has one consumer.
public struct WatchStream<Object: Decodable & Sendable>: AsyncSequence, Sendable {
    /// The element type.
    public typealias Element = WatchEvent<Object>

    let body: AsyncThrowingStream<[UInt8], any Error>
    let path: String

    /// Decodes watch events from raw newline-delimited JSON bytes, in any chunking.
    ///
    /// For replays, benchmarks and servers' tests; ``KubeClient`` builds its streams itself.
    /// `path` names the stream in errors.
    public init(bytes: AsyncThrowingStream<[UInt8], any Error>, path: String = "") {
        self.body = bytes
        self.path = path
    }

    /// Creates the iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(body: body.makeAsyncIterator(), path: path)
    }

    /// Pulls chunks from the body and decodes one line at a time.
    public struct Iterator: AsyncIteratorProtocol {
        private var body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator
        private let path: String
        private var buffer: [UInt8] = []
        private var start = 0
        private var scanned = 0
        private var isFinished = false

        init(body: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator, path: String) {
            self.body = body
            self.path = path
        }

        /// The next event, or `nil` when the stream ended or the task was cancelled.
        public mutating func next() async throws -> WatchEvent<Object>? {
            while true {
                if let line = nextLine() {
                    if let event = try decode(line) { return event }
                    continue
                }
                guard !isFinished else { return nil }
                let chunk: [UInt8]?
                do {
                    chunk = try await body.next()
                } catch let error as HTTPError {
                    isFinished = true
                    if case .cancelled = error { return nil }
                    throw KubeClientError.transport(verb: "watch", path: path, underlying: error)
                }
                guard let chunk else {
                    // A last line without a newline still counts, unless the consumer cancelled: then
                    // the body ended early and the rest is a fragment.
                    isFinished = true
                    guard start < buffer.count, !Task.isCancelled else { return nil }
                    let rest = Array(buffer[start...])
                    buffer.removeAll()
                    start = 0
                    scanned = 0
                    return try decode(rest[...])
                }
                if start > 0, start >= buffer.count / 2 {
                    buffer.removeFirst(start)
                    scanned -= start
                    start = 0
                }
                buffer.append(contentsOf: chunk)
            }
        }

        private mutating func nextLine() -> ArraySlice<UInt8>? {
            guard let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanned = buffer.count
                return nil
            }
            let line = buffer[start..<newline]
            start = newline + 1
            scanned = start
            return line
        }

        /// Decodes one line; blank lines give `nil`.
        private func decode(_ line: ArraySlice<UInt8>) throws -> WatchEvent<Object>? {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return nil }
            let envelope: WatchEnvelope<Object>
            do {
                envelope = try JSONValue(jsonBytes: line).decode(WatchEnvelope<Object>.self)
            } catch {
                throw KubeClientError.decoding(verb: "watch", path: path, reason: "\(error)")
            }
            if case .error(let status) = envelope.event, status.code == 410 {
                throw KubeClientError.gone(verb: "watch", path: path, status: status)
            }
            return envelope.event
        }
    }
}
