// Benchmarks for the HTTP module: request throughput of the client against the server on loopback,
// and the memory and event rate of many concurrent streams (watch-like) through one client.
import Foundation
import HTTP

/// The HTTP benchmarks, registered in main.swift.
enum HTTPBenchmarks {
    /// `http-requests [COUNT] [CONCURRENCY]`: small GETs over keep-alive connections, plain and TLS.
    static func requests(_ arguments: [String]) async throws {
        let count = arguments.first.flatMap(Int.init) ?? 20_000
        let concurrency = arguments.dropFirst().first.flatMap(Int.init) ?? 16
        let body = Array(#"{"kind":"Status","status":"Success"}"#.utf8)
        let handler: HTTPServer.Handler = { _ in
            HTTPServerResponse(status: 200, headers: ["Content-Type": "application/json"], body: .bytes(body))
        }

        let plain = HTTPServer(configuration: HTTPServerConfiguration(), handler: handler)
        let plainPort = try await plain.start()
        let plainRate = try await measure(
            client: HTTPClient(),
            url: "http://127.0.0.1:\(plainPort)/healthz",
            count: count,
            concurrency: concurrency
        )
        print("http.requests.plain: \(Int(plainRate)) requests/s (\(count) requests, \(concurrency) concurrent)")
        await plain.shutdown(deadline: 1)

        let authority = try CertificateAuthority.generate()
        let serving = try authority.issueServingCertificate()
        let tls = TLSServerConfiguration(certificateChain: serving.certificatePEM, privateKey: serving.privateKeyPEM)
        let secure = HTTPServer(configuration: HTTPServerConfiguration(tls: tls), handler: handler)
        let securePort = try await secure.start()
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(
                tls: TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
            )
        )
        let secureRate = try await measure(
            client: client,
            url: "https://127.0.0.1:\(securePort)/healthz",
            count: count,
            concurrency: concurrency
        )
        print("http.requests.tls: \(Int(secureRate)) requests/s (\(count) requests, \(concurrency) concurrent)")
        await secure.shutdown(deadline: 1)
    }

    /// `http-streams [STREAMS] [EVENTS]`: opens STREAMS concurrent streams from one client, measures the
    /// resident memory they add (client and server together, one process), then pushes EVENTS events
    /// to every stream and reports the delivered event rate.
    static func streams(_ arguments: [String]) async throws {
        let streamCount = arguments.first.flatMap(Int.init) ?? 1000
        let eventsPerStream = arguments.dropFirst().first.flatMap(Int.init) ?? 100
        let producers = ProducerList()
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { _ in
            let (events, producer) = AsyncStream.makeStream(of: [UInt8].self)
            producer.yield(Array("{\"type\":\"BOOKMARK\"}\n".utf8))
            await producers.add(producer)
            return HTTPServerResponse(status: 200, body: .stream(events))
        }
        let port = try await server.start()
        let client = HTTPClient()
        let baseline = ResidentMemory.kilobytes()

        let (opened, openedOne) = AsyncStream.makeStream(of: Void.self)
        let event = Array(#"{"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"demo"}}}"#.utf8) + [10]
        let started = ContinuousClock.now
        let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<streamCount {
                group.addTask {
                    let response = try await client.stream(HTTPRequest(url: "http://127.0.0.1:\(port)/watch/\(index)"))
                    var lines = 0
                    for try await _ in response.lines {
                        lines += 1
                        if lines == 1 { openedOne.yield() }
                    }
                    return lines - 1
                }
            }
            var ready = 0
            for await _ in opened {
                ready += 1
                if ready == streamCount { break }
            }
            let openSeconds = seconds(since: started)
            let streamsKilobytes = ResidentMemory.kilobytes() - baseline
            print("http.streams.open: \(streamCount) streams in \(format(openSeconds)) s")
            print("http.streams.memory: \(streamsKilobytes) KiB for \(streamCount) streams (client+server)")
            print("http.streams.memory_per_stream: \(format(Double(streamsKilobytes) / Double(streamCount))) KiB")

            let pushStart = ContinuousClock.now
            await producers.push(event, times: eventsPerStream)
            await producers.finishAll()
            let total = try await group.reduce(0, +)
            let rate = Double(total) / seconds(since: pushStart)
            print("http.streams.events: \(Int(rate)) events/s delivered (\(total) events)")
            return total
        }
        guard delivered == streamCount * eventsPerStream else {
            throw HTTPError.transport(url: "bench", code: -1, reason: "delivered \(delivered) events")
        }
        await server.shutdown(deadline: 1)
    }

    /// `http-h2-streams [STREAMS]`: opens STREAMS watch-like streams from one client over HTTP/2 to
    /// bench/tools/h2-watch-server.py (needs Debian's python3-h2) and reports the client's added memory
    /// and how many connections they used.
    static func http2Streams(_ arguments: [String]) async throws {
        let streamCount = arguments.first.flatMap(Int.init) ?? 1000
        guard H2WatchServer.isAvailable else {
            print(
                "http.h2.skipped: needs \(H2WatchServer.script) (run from the repository root) and /usr/bin/python3 with python3-h2"
            )
            return
        }
        let server = try await H2WatchServer.start()
        defer { server.stop() }
        let port = server.port
        let authority = server.authority

        let client = HTTPClient(
            configuration: HTTPClientConfiguration(
                tls: TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
            )
        )
        let url = "https://127.0.0.1:\(port)/api/v1/pods?watch=1"
        try await waitForFirstLine(client, url: url)
        let baseline = ResidentMemory.kilobytes()

        let (opened, openedOne) = AsyncStream.makeStream(of: String.self)
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<streamCount {
                group.addTask {
                    guard let response = try? await client.stream(HTTPRequest(url: url)) else {
                        openedOne.yield("failed")
                        return
                    }
                    do {
                        for try await _ in response.lines { openedOne.yield(response.httpVersion) }
                    } catch {}
                }
            }
            var versions: [String: Int] = [:]
            for await version in opened {
                versions[version, default: 0] += 1
                if versions.values.reduce(0, +) == streamCount { break }
            }
            print("http.h2.open: \(streamCount) streams in \(format(seconds(since: started))) s, versions \(versions)")
            let added = ResidentMemory.kilobytes() - baseline
            print("http.h2.memory: \(added) KiB for \(streamCount) streams (client process only)")
            print("http.h2.memory_per_stream: \(format(Double(added) / Double(streamCount))) KiB")
            group.cancelAll()
        }
        print("http.h2.connections: \(client.openedConnections) opened in all, warm-up request included")
        client.shutdown()
    }

    /// Polls until the h2 server answers a stream with its first line, for at most ten seconds.
    private static func waitForFirstLine(_ client: HTTPClient, url: String) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                let response = try await client.stream(HTTPRequest(url: url))
                for try await _ in response.lines { return }
            } catch HTTPError.connectFailed where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private static func measure(client: HTTPClient, url: String, count: Int, concurrency: Int) async throws -> Double {
        // Warm up connections first so the figure is steady-state throughput.
        for _ in 0..<concurrency { _ = try await client.execute(HTTPRequest(url: url)) }
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for _ in stride(from: worker, to: count, by: concurrency) {
                        let response = try await client.execute(HTTPRequest(url: url))
                        guard response.status == 200 else {
                            throw HTTPError.transport(url: url, code: response.status, reason: "unexpected status")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / seconds(since: started)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}

/// The open streams' producers, so the benchmark can push events to all of them.
actor ProducerList {
    private var producers: [AsyncStream<[UInt8]>.Continuation] = []

    func add(_ producer: AsyncStream<[UInt8]>.Continuation) { producers.append(producer) }

    func push(_ event: [UInt8], times: Int) {
        for _ in 0..<times {
            for producer in producers { producer.yield(event) }
        }
    }

    func finishAll() {
        for producer in producers { producer.finish() }
    }
}
