// Benchmarks of the Metrics module: a realistic large exposition page and the parser's throughput
// on it, for bench/bench-metrics.sh (which runs promtool and Python's prometheus_client on the same
// page in the same run).
import Foundation
import Metrics

#if canImport(Glibc)
    import Glibc
#endif

enum MetricsBenchmarks {
    static let fixtureFolder = "Tests/MetricsTests/Fixtures"

    /// `metrics-page OUT [MEGABYTES]`: writes a text 0.0.4 page of about MEGABYTES (default 10)
    /// built from the fixtures' Triton and vLLM families, each family's series repeated with a
    /// `replica` label so no series repeats and families stay grouped.
    static let page = Benchmark(name: "metrics-page", summary: "Write a realistic large metrics page (OUT [MB]).") {
        arguments in
        guard let output = arguments.first else { throw MetricsBenchmarkError.usage("metrics-page OUT [MEGABYTES]") }
        let megabytes = arguments.count > 1 ? Double(arguments[1]) ?? 10 : 10
        var families: [MetricFamily] = []
        for name in ["triton_metrics_busy.txt", "vllm_metrics_v1.txt"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(fixtureFolder)/\(name)")))
            families += try MetricSnapshot.parse(bytes, format: .prometheusText).families
        }
        let onePass = families.reduce(0) { total, family in
            total + family.samples.reduce(0) { $0 + render($1, replica: 0).utf8.count }
        }
        let replicas = max(1, Int(megabytes * 1_048_576 / Double(onePass)))
        var text = ""
        text.reserveCapacity(Int(megabytes * 1_100_000))
        for family in families {
            if let help = family.help {
                text += "# HELP \(family.name) \(help.replacingOccurrences(of: "\n", with: "\\n"))\n"
            }
            text += "# TYPE \(family.name) \(family.type == .unknown ? "untyped" : family.type.rawValue)\n"
            for replica in 0..<replicas {
                for sample in family.samples { text += render(sample, replica: replica) }
            }
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        print("metrics.page.bytes: \(text.utf8.count) bytes")
        print("metrics.page.replicas: \(replicas)")
    }

    /// `metrics-parse FILE [ITERATIONS]`: parses the page ITERATIONS times (default 10) with every
    /// family materialised, then with only the vLLM profile's families, and prints the best times.
    static let parse = Benchmark(name: "metrics-parse", summary: "Parse throughput on a page (FILE [ITERATIONS]).") {
        arguments in
        guard let input = arguments.first else { throw MetricsBenchmarkError.usage("metrics-parse FILE [ITERATIONS]") }
        let iterations = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: input)))
        let megabytes = Double(bytes.count) / 1_048_576

        var samples = 0
        let all = try best(of: iterations) {
            samples = try MetricSnapshot.parse(bytes, format: .prometheusText).sampleCount
        }
        var selected = 0
        let profile = try best(of: iterations) {
            selected = try MetricSnapshot.parse(bytes, format: .prometheusText, selection: ServerProfile.vllm.selection)
                .sampleCount
        }
        print("metrics.parse.samples: \(samples)")
        print("metrics.parse.all.seconds: \(format(all.wall)) s")
        print("metrics.parse.all.cpu_seconds: \(format(all.cpu)) s")
        print("metrics.parse.all.throughput: \(format(megabytes / all.cpu)) MB/s (cpu)")
        print("metrics.parse.selected.samples: \(selected)")
        print("metrics.parse.selected.seconds: \(format(profile.wall)) s")
        print("metrics.parse.selected.cpu_seconds: \(format(profile.cpu)) s")
        print("metrics.parse.selected.throughput: \(format(megabytes / profile.cpu)) MB/s (cpu)")
        print("metrics.parse.peak_rss: \(peakResidentMegabytes()) MB")
    }

    private static func render(_ sample: Sample, replica: Int) -> String {
        var labels = sample.labels.map { "\($0.name)=\"\(ExpositionEscaping.escapedLabelValue($0.value))\"" }
        labels.insert("replica=\"\(replica)\"", at: 0)
        let value: String
        if sample.value.isNaN {
            value = "NaN"
        } else if sample.value.isInfinite {
            value = sample.value > 0 ? "+Inf" : "-Inf"
        } else {
            value = "\(sample.value)"
        }
        return "\(sample.name){\(labels.joined(separator: ","))} \(value)\n"
    }

    /// The fastest of `iterations` runs: wall-clock seconds, and CPU seconds of this process (the
    /// fair figure on a shared machine; the bench script measures the other tools' CPU time too).
    private static func best(of iterations: Int, _ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        var fastest = (wall: Double.infinity, cpu: Double.infinity)
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            let cpuStart = cpuSeconds()
            try body()
            let cpu = cpuSeconds() - cpuStart
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            fastest = (min(fastest.wall, seconds), min(fastest.cpu, cpu))
        }
        return fastest
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    /// The process's peak resident memory (VmHWM) in MiB, or 0 when /proc is not there.
    private static func peakResidentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}

/// A benchmark's command line was wrong.
enum MetricsBenchmarkError: Error, CustomStringConvertible {
    case usage(String)

    var description: String {
        switch self {
        case .usage(let usage): return "usage: poolpilot-bench \(usage)"
        }
    }
}
