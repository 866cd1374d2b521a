import Foundation
import HTTP
import TestSupport
import Testing

/// `poolpilot metrics parse|signals`, run as the built binary the way a user runs it.
@Suite(.serialized) struct MetricsCLITests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], input: String? = nil) async throws -> Run {
        let result = try await runProcess(TestPaths.poolpilotBinary, arguments, stdin: Data((input ?? "").utf8))
        return Run(status: result.status, output: result.output, errors: result.errorOutput)
    }

    static func fixturePath(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name).path
    }

    @Test func `parse prints one JSON object per sample with NaN, infinities and timestamps`() async throws {
        let page = "# TYPE a gauge\na{x=\"q\\\"\"} NaN 1700000000000\nb +Inf\nc -Inf\nd 2.5\n"
        let run = try await Self.run(["metrics", "parse", "-", "-o", "json"], input: page)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                #"{"name":"a","labels":{"x":"q\""},"value":"NaN","timestampMs":1700000000000}"#,
                #"{"name":"b","labels":{},"value":"+Inf","timestampMs":null}"#,
                #"{"name":"c","labels":{},"value":"-Inf","timestampMs":null}"#,
                #"{"name":"d","labels":{},"value":2.5,"timestampMs":null}"#,
            ]
        )
    }

    @Test func `parse of a malformed page names the line and column and exits 1`() async throws {
        let run = try await Self.run(["metrics", "parse", "-"], input: "a 1\nb{x=\"1} 2\n")
        #expect(run.status == 1)
        #expect(run.errors.contains("line 2 column 5"))
    }

    @Test func `signals prints pods and the pool as JSON with null for missing`() async throws {
        let run = try await Self.run([
            "metrics", "signals", "--server", "vllm", try Self.fixturePath("vllm_metrics_v1.txt"), "-o", "json",
        ])
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let pods = try #require(object["pods"] as? [[String: Any]])
        #expect(pods.count == 1)
        #expect(pods[0]["queueDepth"] as? Double == 14)
        #expect(pods[0]["runningRequests"] as? Double == 60)
        #expect(pods[0]["kvCacheUtilization"] as? Double == 0.9412)
        #expect(pods[0]["gpuMemoryUtilization"] is NSNull)
        #expect(pods[0]["queueTimeSeconds"] is NSNull)
        let pool = try #require(object["pool"] as? [String: Any])
        #expect(
            Set(pool.keys) == [
                "queueDepth", "runningRequests", "kvCacheUtilization", "gpuMemoryUtilization", "gpuMemoryUsedBytes",
                "gpuMemoryTotalBytes", "queueTimeSeconds",
            ]
        )
        #expect(pool["queueDepth"] as? Double == 14)
    }

    @Test func `signals with a previous page give the queue time`() async throws {
        let run = try await Self.run([
            "metrics", "signals", "--server", "triton", "--model", "resnet50", "-o", "json",
            try Self.fixturePath("triton_metrics_busy.txt"), "--previous",
            try Self.fixturePath("triton_metrics_idle.txt"),
        ])
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let pods = try #require(object["pods"] as? [[String: Any]])
        let seconds = try #require(pods.first?["queueTimeSeconds"] as? Double)
        #expect(abs(seconds - 0.00145035) < 1e-8)
        #expect(pods.first?["queueDepth"] as? Double == 42)
    }

    @Test func `an unreadable input is reported missing and exits 1`() async throws {
        let run = try await Self.run([
            "metrics", "signals", "--server", "vllm", "/nonexistent/metrics.txt", "-o", "json",
        ])
        #expect(run.status == 1)
        #expect(run.output.contains(#""pod":"/nonexistent/metrics.txt","queueDepth":null"#))
        #expect(run.errors.contains("cannot read file"))
    }

    @Test func `parse reads a URL and picks the format from its content type`() async throws {
        let endpoint = try await LiveEndpoint(
            page: Array("# TYPE a counter\na_total 3 1.5\n# EOF\n".utf8),
            contentType: "application/openmetrics-text; version=1.0.0"
        )
        let client = HTTPClient()
        defer { client.shutdown() }
        try await LiveEndpoint.requireClientEngine(client, port: endpoint.port)
        let run = try await Self.run(["metrics", "parse", "http://127.0.0.1:\(endpoint.port)/metrics", "-o", "json"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == #"{"name":"a_total","labels":{},"value":3.0,"timestampMs":1500}"# + "\n")
        await endpoint.stop()
    }
}
