// OperatorCLI owns the `poolpilot` command line: the subcommand table, argument parsing, help, and
// printing. It is the only module that prints to standard output.

/// What a subcommand hands back: the process exit code.
public typealias ExitCode = Int32

/// A subcommand: its spec and what it runs.
public struct Subcommand: Sendable {
    /// Parsing and help.
    public var spec: CommandSpec
    /// Runs the command with parsed arguments and returns the exit code.
    public var run: @Sendable (ParsedArguments) async throws -> ExitCode

    /// Creates a subcommand.
    public init(spec: CommandSpec, run: @escaping @Sendable (ParsedArguments) async throws -> ExitCode) {
        self.spec = spec
        self.run = run
    }
}

/// The table of subcommands and the dispatcher that picks one from the command line.
public enum CommandRegistry {
    /// Every subcommand, longest paths first so "cluster up" wins over "cluster".
    public static var all: [Subcommand] {
        [
            VersionCommand.command,
            RecommendCommand.command,
            ManifestsCommand.command,
            DoctorCommand.command,
            RunCommand.command,
            ClusterUpDownCommands.up,
            ClusterUpDownCommands.down,
            ClusterServeCommand.command,
            MetricsCommands.parse,
            MetricsCommands.signals,
            DemoCommand.command,
        ]
    }

    /// The top-level help: what PoolPilot is and its subcommands.
    public static var overview: String {
        var lines = [
            "poolpilot: autoscales vLLM and NVIDIA Triton inference Deployments on Kubernetes from",
            "KV-cache, queue-depth and GPU-memory signals, and explains every decision.",
            "",
            "Usage: poolpilot <command> [options]",
            "",
            "Commands:",
        ]
        for command in all {
            let padding = String(repeating: " ", count: max(2, 22 - command.spec.name.count))
            lines.append("  \(command.spec.name)\(padding)\(command.spec.summary)")
        }
        lines.append("")
        lines.append("Run 'poolpilot <command> --help' for a command's options.")
        return lines.joined(separator: "\n")
    }

    /// Finds the subcommand named by the leading words of `arguments`; returns it and the rest.
    public static func resolve(_ arguments: [String]) -> (Subcommand, [String])? {
        let sorted = all.sorted { $0.spec.name.split(separator: " ").count > $1.spec.name.split(separator: " ").count }
        for command in sorted {
            let words = command.spec.name.split(separator: " ").map(String.init)
            if arguments.count >= words.count, Array(arguments.prefix(words.count)) == words {
                return (command, Array(arguments.dropFirst(words.count)))
            }
        }
        return nil
    }
}
