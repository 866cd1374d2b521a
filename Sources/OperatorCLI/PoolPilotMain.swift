/// The entry point shared by the executable and the CLI tests.
public enum PoolPilotMain {
    /// Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage error).
    public static func run(_ arguments: [String]) async -> ExitCode {
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            Output.line(CommandRegistry.overview)
            return arguments.isEmpty ? 2 : 0
        }
        if arguments == ["--version"] {
            Output.line("poolpilot \(VersionCommand.version)")
            return 0
        }
        guard let (command, rest) = CommandRegistry.resolve(arguments) else {
            return groupOrUnknown(arguments)
        }
        do {
            let parsed = try ParsedArguments(rest, spec: command.spec)
            if parsed.wantsHelp {
                Output.line(command.spec.helpText)
                return 0
            }
            return try await command.run(parsed)
        } catch let error as ArgumentError {
            Output.error("error: \(error)")
            return 2
        } catch {
            Output.error("error: \(error)")
            return 1
        }
    }

    /// Answers `poolpilot cluster`, `poolpilot cluster --help` or `poolpilot cluster bogus`: a group
    /// word alone lists its subcommands; anything else is an unknown command.
    private static func groupOrUnknown(_ arguments: [String]) -> ExitCode {
        let group = arguments[0]
        let members = CommandRegistry.all.filter { $0.spec.name.hasPrefix(group + " ") }
        guard !members.isEmpty else {
            Output.error("error: unknown command '\(group)'\n")
            Output.error(CommandRegistry.overview)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        let wantsHelp = rest == ["--help"] || rest == ["-h"]
        var lines = ["Usage: poolpilot \(group) <command> [options]", "", "Commands:"]
        for member in members {
            let padding = String(repeating: " ", count: max(2, 22 - member.spec.name.count))
            lines.append("  \(member.spec.name)\(padding)\(member.spec.summary)")
        }
        lines.append("")
        lines.append("Run 'poolpilot \(group) <command> --help' for a command's options.")
        if wantsHelp {
            Output.line(lines.joined(separator: "\n"))
            return 0
        }
        if let word = rest.first {
            Output.error("error: unknown command '\(group) \(word)'\n")
        }
        Output.error(lines.joined(separator: "\n"))
        return 2
    }
}
