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
            Output.error("error: unknown command '\(arguments[0])'\n")
            Output.error(CommandRegistry.overview)
            return 2
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
}
