import Foundation
import HTTP
import Metrics
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real Prometheus server (Debian's `prometheus`, installed by `make deps`) on loopback scrapes a
/// test endpoint; the signals are then read back through ``PromQLSignalSource``.
@Suite(
    .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prometheus"), "needs /usr/bin/prometheus")
)
struct PrometheusIntegrationTests {
    @Test func `signals scraped by Prometheus read back through the PromQL client`() async throws {
        let endpoint = try await LiveEndpoint(
            page: try Fixture.bytes("vllm_metrics_v1.txt"),
            contentType: ExpositionFormat.prometheusText.contentType
        )
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)

        let prometheus = try PrometheusProcess(scrapePort: endpoint.port)
        defer { prometheus.stop() }
        let source = PromQLSignalSource(
            client: PrometheusClient(
                configuration: PrometheusConfiguration(baseURL: prometheus.baseURL),
                client: client
            ),
            queries: PromQLSignalSource.defaultQueries(for: .vllm)
        )

        // Poll until the first scrape is stored, with a deadline.
        let deadline = ContinuousClock.now + .seconds(60)
        var pods: [PodSignals] = []
        while ContinuousClock.now < deadline {
            let now = Date().timeIntervalSince1970
            pods = (try? await source.signals(namespace: "llm", pods: ["vllm-0"], now: now)) ?? []
            if pods.first?.queueDepth != nil { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        let pod = try #require(pods.first)
        #expect(pod.pod == "llm/vllm-0")
        #expect(pod.queueDepth == 14)
        #expect(pod.runningRequests == 60)
        #expect(pod.kvCacheUtilization == 0.9412)

        // A pod outside the pool's list is never read, even though Prometheus has its series.
        let other = try await source.signals(namespace: "llm", pods: ["vllm-9"], now: Date().timeIntervalSince1970)
        #expect(other == [PodSignals(pod: "llm/vllm-9")])

        // Reading as of an hour later: every sample is older than the staleness bound.
        let late = try await PromQLSignalSource(
            client: PrometheusClient(
                configuration: PrometheusConfiguration(baseURL: prometheus.baseURL),
                client: client
            ),
            queries: PromQLSignalSource.defaultQueries(for: .vllm),
            stalenessSeconds: 60
        ).signals(namespace: "llm", pods: ["vllm-0"], now: Date().timeIntervalSince1970 + 3600)
        #expect(late.first?.queueDepth == nil)

        // A malformed query comes back as Prometheus's bad_data error, not as an empty result.
        let raw = PrometheusClient(configuration: PrometheusConfiguration(baseURL: prometheus.baseURL), client: client)
        await #expect(throws: PrometheusError.self) { try await raw.query("sum(") }
        do {
            _ = try await raw.query("sum(")
        } catch let PrometheusError.api(errorType, _, status) {
            #expect(errorType == "bad_data")
            #expect(status == 400)
        }
        await endpoint.stop()
    }
}

/// A `prometheus` child process listening on 127.0.0.1 with a config that scrapes only the test's
/// loopback endpoint every second, storing into a temporary folder.
final class PrometheusProcess: Sendable {
    let baseURL: String
    private let process: Process
    private let folder: URL

    init(scrapePort: Int) throws {
        folder = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-prometheus")
        let port = try Self.freePort()
        baseURL = "http://127.0.0.1:\(port)"
        let config = """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: vllm
                static_configs:
                  - targets: ['127.0.0.1:\(scrapePort)']
                    labels:
                      namespace: llm
                      pod: vllm-0

            """
        let configURL = folder.appendingPathComponent("prometheus.yml")
        try config.write(to: configURL, atomically: true, encoding: .utf8)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus")
        process.arguments = [
            "--config.file=\(configURL.path)",
            "--storage.tsdb.path=\(folder.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--log.level=warn",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: Self.logFile(in: folder))
        try process.run()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func logFile(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("prometheus.log")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// A port the kernel reports free on 127.0.0.1 right now.
    static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socketDescriptor, socketAddress, length) == 0
                    && getsockname(socketDescriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
