#if canImport(Glibc)
    import Glibc
#endif

/// One accepted connection: reads requests in turn, runs the handler, writes the responses.
struct ServerConnection: Sendable {
    let transport: any ServerTransport
    let remoteAddress: String
    let poller: Poller
    let registry: ConnectionRegistry
    let configuration: HTTPServerConfiguration
    let handler: HTTPServer.Handler

    /// How a streamed body ended.
    private enum StreamEnd: Sendable {
        /// The handler's stream finished.
        case finished
        /// The client went away (hung up or a write failed).
        case peerLeft
        /// The server stopped it (shutdown or cancellation).
        case stopped
    }

    /// Serves requests until the peer closes, keep-alive ends, or the server shuts down; then closes the socket.
    func run() async {
        let fd = transport.fd
        defer {
            registry.remove(fd)
            transport.shutdown()
            poller.forget(fd)
            close(fd)
        }
        do {
            try await transport.open(deadline: .now + .seconds(configuration.keepAliveTimeout))
        } catch {
            return
        }

        let reader = RequestReader(
            transport: transport,
            maxHeaderBytes: configuration.maxHeaderBytes,
            maxBodyBytes: configuration.maxRequestBodyBytes,
            remoteAddress: remoteAddress
        )
        while registry.enter(fd, .idle), !Task.isCancelled {
            let outcome: RequestReadOutcome
            do {
                outcome = try await reader.next(idleDeadline: .now + .seconds(configuration.keepAliveTimeout))
            } catch {
                return
            }
            _ = registry.enter(fd, .busy)
            switch outcome {
            case .closed:
                return
            case .rejected(let status, let reason):
                let response = HTTPServerResponse(
                    status: status,
                    headers: ["Content-Type": "text/plain; charset=utf-8"],
                    body: .bytes(Array("\(reason)\n".utf8))
                )
                _ = try? await send(response, method: "GET", version: .http11, keepAlive: false)
                return
            case .request(let request, let version, let keepAlive):
                let response = await handler(request)
                // Past the shutdown deadline the task is cancelled and the socket is to be closed unanswered.
                guard !Task.isCancelled,
                    (try? await send(response, method: request.method, version: version, keepAlive: keepAlive)) == true
                else { return }
            }
        }
    }

    /// Writes a response; returns whether the connection may carry another request.
    private func send(
        _ response: HTTPServerResponse,
        method: String,
        version: HTTPVersion,
        keepAlive requested: Bool
    ) async throws -> Bool {
        let closeRequested = response.headers["Connection"]?.lowercased().contains("close") ?? false
        var keepAlive = requested && !closeRequested && !registry.isShuttingDown
        let omitsBody = method == "HEAD" || ResponseHead.hasNoBody(response.status)

        switch response.body {
        case .bytes(let bytes):
            let framing: BodyFraming = ResponseHead.hasNoBody(response.status) ? .none : .length(bytes.count)
            var wire = ResponseHead.encode(
                status: response.status,
                headers: response.headers,
                framing: framing,
                keepAlive: keepAlive
            )
            if !omitsBody { wire += bytes }
            try await transport.write(wire)
            return keepAlive

        case .stream(let stream):
            if omitsBody {
                let framing: BodyFraming = ResponseHead.hasNoBody(response.status) ? .none : .chunked
                try await transport.write(
                    ResponseHead.encode(
                        status: response.status,
                        headers: response.headers,
                        framing: framing,
                        keepAlive: keepAlive
                    )
                )
                await Self.abandon(stream)
                return keepAlive
            }
            let framing: BodyFraming = version == .http11 ? .chunked : .untilClose
            if case .untilClose = framing { keepAlive = false }
            try await transport.write(
                ResponseHead.encode(
                    status: response.status,
                    headers: response.headers,
                    framing: framing,
                    keepAlive: keepAlive
                )
            )
            let end = await pump(stream, isChunked: version == .http11)
            switch end {
            case .peerLeft:
                return false
            case .finished, .stopped:
                if version == .http11 { try await transport.write(ResponseHead.lastChunk) }
                return keepAlive && end == .finished && !registry.isShuttingDown
            }
        }
    }

    /// Sends each element of `stream` as soon as it arrives, while watching for the client to hang up.
    ///
    /// When the client leaves or the server shuts down, iteration is cancelled, which finishes the
    /// stream with `.cancelled` so its producer's `onTermination` runs and it can stop.
    private func pump(_ stream: AsyncStream<[UInt8]>, isChunked: Bool) async -> StreamEnd {
        let fd = transport.fd
        guard registry.enter(fd, .streaming) else {
            await Self.abandon(stream)
            return .stopped
        }
        defer { _ = registry.enter(fd, .busy) }

        let transport = self.transport
        let poller = self.poller
        return await withTaskGroup(of: StreamEnd.self) { group in
            group.addTask {
                for await element in stream where !element.isEmpty {
                    do {
                        try await transport.write(isChunked ? ResponseHead.chunk(element) : element)
                    } catch {
                        return .peerLeft
                    }
                }
                return Task.isCancelled ? .stopped : .finished
            }
            group.addTask {
                switch await poller.wait(fd, for: .hangup) {
                case .ready: return .peerLeft
                case .interrupted, .timedOut: return .stopped
                }
            }
            let first = await group.next() ?? .stopped
            group.cancelAll()
            return first
        }
    }

    /// Cancels a stream that will not be sent, so its producer learns it can stop.
    private static func abandon(_ stream: AsyncStream<[UInt8]>) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in stream {}
            }
            group.cancelAll()
        }
    }
}
