import Cluster
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `poolpilot cluster up` and `poolpilot cluster down`: the embedded cluster as a background process.
enum ClusterUpDownCommands {
    static let up = Subcommand(
        spec: CommandSpec(
            name: "cluster up",
            summary: "Start the embedded Kubernetes API server in the background and write its kubeconfig.",
            usage: "[--dir DIR] [--port PORT] [--timeout SECONDS] [serve options]",
            options: ClusterServeCommand.sharedOptions + [
                OptionSpec(
                    "timeout",
                    kind: .value(placeholder: "SECONDS"),
                    help: "How long to wait for readiness.",
                    defaultValue: "60"
                )
            ],
            discussion: """
                Objects persist in DIR/data unless --data-dir says otherwise; the log is DIR/server.log.
                Then: export KUBECONFIG=DIR/kubeconfig; kubectl get ns. Stop it with 'poolpilot cluster down'.
                """
        )
    ) { arguments in
        try await start(arguments)
    }

    static let down = Subcommand(
        spec: CommandSpec(
            name: "cluster down",
            summary: "Stop the embedded cluster started by 'poolpilot cluster up' and everything it runs.",
            usage: "[--dir DIR]",
            options: [ClusterServeCommand.sharedOptions[0]]
        )
    ) { arguments in
        try await stop(arguments)
    }

    private static func start(_ arguments: ParsedArguments) async throws -> ExitCode {
        let directory = ClusterDirectory(arguments.value("dir"))
        if let running = directory.runningState() {
            throw ClusterError.alreadyRunning(directory: directory.url.path, pid: running.pid, server: running.server)
        }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let timeout = try arguments.number("timeout", default: 60, in: 1...3600)

        // Pass every serve option through, pinning the directory and defaulting persistence on.
        var serveArguments = ["cluster", "serve", "--dir", directory.url.path]
        for (name, values) in arguments.values.sorted(by: { $0.key < $1.key }) where name != "dir" && name != "timeout"
        {
            for value in values {
                serveArguments += value == "true" && isFlag(name) ? ["--\(name)"] : ["--\(name)", value]
            }
        }
        if arguments.value("data-dir") == nil { serveArguments += ["--data-dir", directory.data.path] }

        FileManager.default.createFile(atPath: directory.log.path, contents: nil)
        let log = try FileHandle(forWritingTo: directory.log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = serveArguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Wait until the child records itself as listening, or fails.
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if let state = directory.readState(), state.pid == process.processIdentifier {
                Output.line("embedded cluster running at \(state.server) (pid \(state.pid))")
                Output.line("export KUBECONFIG=\(directory.kubeconfig.path)")
                return 0
            }
            if !process.isRunning {
                throw ClusterError.startFailed(logTail(directory.log))
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(process.processIdentifier, SIGKILL)
        throw ClusterError.startFailed("not ready after \(Int(timeout))s; see \(directory.log.path)")
    }

    private static func isFlag(_ name: String) -> Bool {
        ClusterServeCommand.sharedOptions.first { $0.name == name }?.kind == .flag
    }

    private static func logTail(_ url: URL) -> String {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(5).joined(separator: "\n")
        return lines.isEmpty ? "the server exited without output" : lines
    }

    private static func stop(_ arguments: ParsedArguments) async throws -> ExitCode {
        let directory = ClusterDirectory(arguments.value("dir"))
        guard let state = directory.runningState() else {
            throw ClusterError.notRunning(directory: directory.url.path)
        }
        kill(state.pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while ClusterDirectory.isAlive(state.pid), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        if ClusterDirectory.isAlive(state.pid) {
            kill(state.pid, SIGKILL)
            try await Task.sleep(for: .milliseconds(200))
        }
        try? FileManager.default.removeItem(at: directory.stateFile)
        Output.line("embedded cluster stopped (pid \(state.pid))")
        return 0
    }
}
