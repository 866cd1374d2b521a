import Cluster
import Foundation
import HTTP

/// `poolpilot cluster serve`: runs the embedded API server in the foreground.
enum ClusterServeCommand {
    static let faultOptions: [OptionSpec] = [
        OptionSpec(
            "latency-ms",
            kind: .value(placeholder: "MS"),
            help: "Added latency per API request.",
            defaultValue: "0"
        ),
        OptionSpec(
            "fail-429",
            kind: .value(placeholder: "FRACTION"),
            help: "Fraction of requests answered 429 with Retry-After.",
            defaultValue: "0"
        ),
        OptionSpec(
            "fail-500",
            kind: .value(placeholder: "FRACTION"),
            help: "Fraction of requests answered 500.",
            defaultValue: "0"
        ),
        OptionSpec(
            "fail-503",
            kind: .value(placeholder: "FRACTION"),
            help: "Fraction of requests answered 503.",
            defaultValue: "0"
        ),
        OptionSpec("watch-cut-events", kind: .value(placeholder: "N"), help: "Close every watch after N events."),
        OptionSpec("watch-cut-seconds", kind: .value(placeholder: "S"), help: "Close every watch after S seconds."),
        OptionSpec(
            "bookmark-interval",
            kind: .value(placeholder: "S"),
            help: "Seconds between watch BOOKMARKs.",
            defaultValue: "60"
        ),
        OptionSpec(
            "fault-seed",
            kind: .value(placeholder: "N"),
            help: "Seed for picking failing requests.",
            defaultValue: "1"
        ),
    ]

    static let sharedOptions: [OptionSpec] =
        [
            OptionSpec(
                "dir",
                kind: .value(placeholder: "DIR"),
                help: "Cluster directory (kubeconfig, pki, data, log).",
                defaultValue: "$XDG_STATE_HOME/poolpilot/cluster or ~/.poolpilot/cluster"
            ),
            OptionSpec(
                "port",
                kind: .value(placeholder: "PORT"),
                help: "Port on 127.0.0.1; 0 picks a free one.",
                defaultValue: "0"
            ),
            OptionSpec(
                "data-dir",
                kind: .value(placeholder: "DIR"),
                help: "Persist objects here (serve: off unless set; up: DIR/data)."
            ),
            OptionSpec("insecure-http", kind: .flag, help: "Serve plain HTTP with a bearer token instead of HTTPS."),
            OptionSpec(
                "history",
                kind: .value(placeholder: "N"),
                help: "Changes kept for watch resume; older answer 410.",
                defaultValue: "10000"
            ),
            OptionSpec(
                "no-components",
                kind: .flag,
                help: "Run only the API server, not the simulated cluster components."
            ),
            OptionSpec(
                "nodes",
                kind: .value(placeholder: "FILE"),
                help: "Simulated GPU nodes (YAML, see docs/simulation.md); default 4 x 8 GPUs."
            ),
            OptionSpec("exit-with-parent", kind: .flag, help: "Exit when the parent process ends (used by tests)."),
        ] + faultOptions

    static let command = Subcommand(
        spec: CommandSpec(
            name: "cluster serve",
            summary: "Run the embedded Kubernetes API server in the foreground (for tests and debugging).",
            usage: "[--dir DIR] [--port PORT] [--data-dir DIR] [--insecure-http] [fault options]",
            options: sharedOptions,
            discussion: """
                Writes DIR/kubeconfig and DIR/cluster.json once it listens, then serves until killed.
                A development and test tool, never a production store. See docs/embedded-cluster.md.
                """
        )
    ) { arguments in
        try await serve(arguments)
    }

    static func serve(_ arguments: ParsedArguments) async throws -> ExitCode {
        let directory = ClusterDirectory(arguments.value("dir"))
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        if let running = directory.runningState(), running.pid != getpid() {
            throw ClusterError.alreadyRunning(directory: directory.url.path, pid: running.pid, server: running.server)
        }
        try SimulationComponent.prepareNodesFile(arguments.value("nodes"), in: directory.url)
        let insecure = arguments.flag("insecure-http")
        let port = try arguments.integer("port", default: 0, in: 0...65535)
        var configuration = EmbeddedAPIServerConfiguration(
            credentials: try ClusterCredentials.loadOrCreate(in: directory.url, withCertificates: !insecure)
        )
        configuration.port = port
        configuration.isInsecureHTTP = insecure
        configuration.historyLimit = try arguments.integer("history", default: 10_000, in: 1...10_000_000)
        configuration.dataDirectory = arguments.value("data-dir").map { URL(fileURLWithPath: $0) }
        configuration.faults = try faults(arguments)
        configuration.faultSeed = UInt64(try arguments.integer("fault-seed", default: 1, in: 0...Int.max))

        let server = try await EmbeddedAPIServer(configuration: configuration)
        let boundPort: Int
        do {
            boundPort = try await server.start()
        } catch let error as HTTPError {
            if case .bindFailed = error, port != 0 { throw ClusterError.portInUse(port) }
            throw error
        }
        let url = "\(insecure ? "http" : "https")://127.0.0.1:\(boundPort)"
        try KubeconfigWriter.write(to: directory.kubeconfig, server: url, credentials: configuration.credentials)
        try directory.writeState(pid: getpid(), server: url)
        Output.line("serving the embedded Kubernetes API on \(url)")
        Output.line("kubeconfig: \(directory.kubeconfig.path)")

        let connection = ClusterConnection(
            serverURL: url,
            kubeconfigPath: directory.kubeconfig,
            credentials: configuration.credentials
        )
        let components = arguments.flag("no-components") ? [] : ClusterComponents.all
        let parent = arguments.flag("exit-with-parent") ? getppid() : nil
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await server.run()
                return true
            }
            if let parent {
                // A test runner that dies must not leave its cluster behind.
                group.addTask {
                    while !Task.isCancelled, getppid() == parent {
                        try? await Task.sleep(for: .milliseconds(250))
                    }
                    return true
                }
            }
            for component in components {
                group.addTask {
                    do {
                        try await component.run(connection)
                    } catch {
                        Output.error("component \(component.name) stopped: \(error)")
                    }
                    return false
                }
            }
            // Components may end on their own; the server ends only with its task or its parent.
            while let stopsEverything = await group.next() {
                if stopsEverything { break }
            }
            group.cancelAll()
        }
        await server.shutdown()
        return 0
    }

    static func faults(_ arguments: ParsedArguments) throws -> FaultSettings {
        var settings = FaultSettings()
        settings.latencyMilliseconds = try arguments.integer("latency-ms", default: 0, in: 0...600_000)
        settings.tooManyRequestsFraction = try arguments.number("fail-429", default: 0, in: 0...1)
        settings.internalErrorFraction = try arguments.number("fail-500", default: 0, in: 0...1)
        settings.unavailableFraction = try arguments.number("fail-503", default: 0, in: 0...1)
        if arguments.value("watch-cut-events") != nil {
            settings.watchCutAfterEvents = try arguments.integer("watch-cut-events", default: 0, in: 1...Int.max)
        }
        if arguments.value("watch-cut-seconds") != nil {
            settings.watchCutAfterSeconds = try arguments.number("watch-cut-seconds", default: 0, in: 0.001...1e9)
        }
        settings.bookmarkIntervalSeconds = try arguments.number("bookmark-interval", default: 60, in: 0.05...86_400)
        return settings
    }
}
