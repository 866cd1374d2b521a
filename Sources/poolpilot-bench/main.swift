// poolpilot-bench: the benchmarks behind `make bench`. Each module's benchmarks live in their own
// file and register one entry in `benchmarks` below; `poolpilot-bench NAME [ARGS]` runs one,
// `poolpilot-bench` alone lists them.
import Foundation

/// A named benchmark: it prints its own figures, one `name: value unit` line each.
struct Benchmark: Sendable {
    var name: String
    var summary: String
    var run: @Sendable ([String]) async throws -> Void
}

let benchmarks: [Benchmark] = [
    Benchmark(name: "noop", summary: "Measures the harness itself.") { _ in
        let start = ContinuousClock.now
        let elapsed = ContinuousClock.now - start
        print("noop.elapsed: \(elapsed)")
    },
    MetricsBenchmarks.page,
    MetricsBenchmarks.parse,
    Benchmark(name: "http-requests", summary: "HTTP client requests/s against the server, plain and TLS.") {
        try await HTTPBenchmarks.requests($0)
    },
    Benchmark(name: "http-streams", summary: "Memory and event rate of N concurrent HTTP streams.") {
        try await HTTPBenchmarks.streams($0)
    },
    Benchmark(name: "http-h2-streams", summary: "Client memory of N concurrent HTTP/2 streams on one connection.") {
        try await HTTPBenchmarks.http2Streams($0)
    },
    KubeBenchmarks.watchDecode,
    KubeBenchmarks.watchMemory,
    KubeBenchmarks.watchServer,
    KubeBenchmarks.watchMemoryHTTP2,
    KubeBenchmarks.jsonDecode,
    ScalingBenchmarks.decide,
    RuntimeBenchmarks.cacheMemory,
    RuntimeBenchmarks.reconcileRate,
    RuntimeBenchmarks.watchLatency,
    APIServerBenchmark.benchmark,
]

let arguments = Array(CommandLine.arguments.dropFirst())
if let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) {
    try await benchmark.run(Array(arguments.dropFirst()))
} else {
    print("usage: poolpilot-bench NAME [ARGS]\n\nbenchmarks:")
    for benchmark in benchmarks { print("  \(benchmark.name): \(benchmark.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
