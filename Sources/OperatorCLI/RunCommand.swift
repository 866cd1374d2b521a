import Foundation
import Operator
import Synchronization
import Telemetry

/// `poolpilot run`: the operator.
enum RunCommand {
    /// Set by SIGTERM or SIGINT; a task polls it and cancels the runner (graceful shutdown).
    static let stopRequested = Atomic<Bool>(false)

    static let command = Subcommand(
        spec: CommandSpec(
            name: "run",
            summary: "Run the InferencePool operator against a cluster (kubeconfig or in-cluster).",
            usage: "[--kubeconfig PATH] [--context NAME] [--namespace NS]... [--workers N] [...]",
            options: RunOptions.options,
            discussion: """
                Every flag also reads from the environment: KUBECONFIG, POOLPILOT_CONTEXT, POOLPILOT_NAMESPACE
                (comma-separated), POOLPILOT_WORKERS, POOLPILOT_METRICS_BIND_ADDRESS, ... (flags win).
                SIGTERM or SIGINT stops taking work, finishes in-flight reconciles and exits 0.
                See docs/inferencepool.md, "Run it against a real cluster".
                """
        )
    ) { arguments in
        let configuration = try RunOptions.configuration(from: arguments, environment: ProcessInfo.processInfo.environment)
        let logger = Logger(
            label: "poolpilot",
            level: LogLevel(name: configuration.logLevel) ?? .info,
            format: LogFormat(rawValue: configuration.logFormat) ?? .json
        )
        let runner = try OperatorRunner(configuration: configuration, logger: logger)
        signal(SIGTERM) { _ in RunCommand.stopRequested.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in RunCommand.stopRequested.store(true, ordering: .relaxed) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            group.addTask {
                while !RunCommand.stopRequested.load(ordering: .relaxed) {
                    try await Task.sleep(for: .milliseconds(200))
                }
                logger.info("shutdown requested")
            }
            // Whichever ends first (a signal, or the runner failing) stops the other.
            try await group.next()
            group.cancelAll()
        }
        return 0
    }
}
