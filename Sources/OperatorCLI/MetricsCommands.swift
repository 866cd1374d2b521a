import Foundation
import Metrics

/// `poolpilot metrics parse` and `poolpilot metrics signals`: show what PoolPilot reads from a
/// server's metrics page.
enum MetricsCommands {
    static let parse = Subcommand(
        spec: CommandSpec(
            name: "metrics parse",
            summary: "Parse a Prometheus text or OpenMetrics page and print its samples.",
            usage: "FILE|URL|- [-o text|json]",
            options: [
                OptionSpec(
                    "output",
                    short: "o",
                    kind: .value(placeholder: "FORMAT"),
                    help: "text or json.",
                    defaultValue: "text"
                )
            ],
            discussion: """
                The format comes from the Content-Type for URLs and is sniffed for files and standard
                input (a page ending in '# EOF' is OpenMetrics). With -o json each sample is one line:
                {"name":…,"labels":{…},"value":number or "NaN"/"+Inf"/"-Inf","timestampMs":int or null}.
                A malformed page prints the line and column of the first error and exits 1.
                """,
            maxPositionals: 1
        )
    ) { arguments in
        guard let source = arguments.positionals.first else {
            throw ArgumentError.missingArgument(command: "metrics parse", what: "a FILE, URL or -")
        }
        let asJSON = try arguments.choice("output", ["text", "json"], default: "text") == "json"
        let (bytes, format) = try await MetricsInput.read(source)
        var parser = ExpositionParser(format: format)
        var buffer = ""
        func emit(_ family: MetricFamily, _ sample: Sample) {
            buffer += asJSON ? MetricsPrinter.json(sample) : MetricsPrinter.text(sample)
            buffer += "\n"
            if buffer.utf8.count > 1 << 16 {
                Output.line(String(buffer.dropLast()))
                buffer = ""
            }
        }
        do throws(ExpositionError) {
            try parser.feed(bytes, onSample: emit)
            try parser.finish(onSample: emit)
        } catch {
            if !buffer.isEmpty { Output.line(String(buffer.dropLast())) }
            throw MetricsInput.ReadError.parse(source: source, error)
        }
        if !buffer.isEmpty { Output.line(String(buffer.dropLast())) }
        return 0
    }

    static let signals = Subcommand(
        spec: CommandSpec(
            name: "metrics signals",
            summary: "Derive PoolPilot's signals (queue, KV cache, GPU memory, queue time) from metrics pages.",
            usage: "--server vllm|triton|dcgm FILE|URL... [--previous FILE]... [--model NAME]... [-o text|json]",
            options: [
                OptionSpec("server", short: "s", kind: .value(placeholder: "KIND"), help: "vllm, triton or dcgm."),
                OptionSpec(
                    "previous",
                    short: "p",
                    kind: .value(placeholder: "FILE"),
                    help: "An earlier page of the same server, for rates; repeat once per input, in order."
                ),
                OptionSpec(
                    "model",
                    kind: .value(placeholder: "NAME"),
                    help: "Triton: count only this model (repeatable)."
                ),
                OptionSpec(
                    "output",
                    short: "o",
                    kind: .value(placeholder: "FORMAT"),
                    help: "text or json.",
                    defaultValue: "text"
                ),
            ],
            discussion: """
                Each vLLM or Triton input is one pod; a DCGM page gives one entry per pod in its labels.
                A missing signal prints as '-' (text) or null (json): never as zero. Queue time needs
                --previous. An input that cannot be read or parsed is reported missing, explained on
                stderr, and makes the exit code 1. See docs/metrics.md for units and sources.
                """,
            maxPositionals: nil
        )
    ) { arguments in
        guard let serverName = arguments.value("server") else {
            throw ArgumentError.missingArgument(command: "metrics signals", what: "--server vllm|triton|dcgm")
        }
        guard var profile = ServerProfile(name: serverName) else {
            throw ArgumentError.invalidValue(
                command: "metrics signals",
                option: "server",
                value: serverName,
                expected: "vllm, triton or dcgm"
            )
        }
        let models = arguments.allValues("model")
        if !models.isEmpty, case .triton = profile { profile = .triton(models: Set(models)) }
        let sources = arguments.positionals
        let previous = arguments.allValues("previous")
        guard !sources.isEmpty else {
            throw ArgumentError.missingArgument(command: "metrics signals", what: "at least one FILE or URL")
        }
        guard previous.isEmpty || previous.count == sources.count else {
            throw ArgumentError.invalidValue(
                command: "metrics signals",
                option: "previous",
                value: previous.joined(separator: " "),
                expected: "one --previous per input (\(sources.count))"
            )
        }

        var pods: [PodSignals] = []
        var failed = false
        for (index, source) in sources.enumerated() {
            do {
                let current = try await MetricsInput.snapshot(source, selection: profile.selection)
                let earlier =
                    previous.isEmpty
                    ? nil : try await MetricsInput.snapshot(previous[index], selection: profile.selection)
                pods.append(contentsOf: profile.signals(current: current, previous: earlier, source: source))
            } catch {
                failed = true
                Output.error("error: \(error)")
                if profile != .dcgm { pods.append(PodSignals(pod: source)) }
            }
        }
        let pool = PoolSignals(pods: pods)
        let asJSON = try arguments.choice("output", ["text", "json"], default: "text") == "json"
        Output.line(asJSON ? MetricsPrinter.json(pods: pods, pool: pool) : MetricsPrinter.text(pods: pods, pool: pool))
        return failed ? 1 : 0
    }
}
