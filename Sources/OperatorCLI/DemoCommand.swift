import Cluster
import Foundation
import Kube
import Operator

/// `poolpilot demo`: the whole story on one machine.
///
/// Brings up the simulated GPU cluster, applies the CRD and two pools with the real kubectl,
/// starts Prometheus (scraping the pods) and `poolpilot run`, replays the Azure trace, prints a
/// live timeline and a summary, and plots load against replicas.
enum DemoCommand {
    static let command = Subcommand(
        spec: CommandSpec(
            name: "demo",
            summary: "Run PoolPilot on the simulated GPU cluster against a real request trace.",
            usage: "[--seconds N] [--speed-up S] [--dir DIR]",
            options: [
                OptionSpec(
                    "seconds",
                    kind: .value(placeholder: "N"),
                    help: "Seconds of replay and cool-down.",
                    defaultValue: "180"
                ),
                OptionSpec(
                    "speed-up",
                    kind: .value(placeholder: "S"),
                    help: "Trace replay speed-up.",
                    defaultValue: "4"
                ),
                OptionSpec(
                    "dir",
                    kind: .value(placeholder: "DIR"),
                    help: "Working directory (cluster, logs, plot); emptied first.",
                    defaultValue: "$TMPDIR/poolpilot-demo"
                ),
            ],
            discussion: """
                Needs kubectl, prometheus and gnuplot on PATH ('make demo' installs them). Ctrl-C stops
                everything the demo started. Everything listens on 127.0.0.1 only.
                """
        )
    ) { arguments in
        let seconds = try arguments.integer("seconds", default: 180, in: 20...7200)
        let speedUp = try arguments.number("speed-up", default: 4, in: 0.1...100)
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let directory = URL(fileURLWithPath: arguments.value("dir") ?? "\(temporary)/poolpilot-demo")
        let demo = try DemoRun(directory: directory, seconds: seconds, speedUp: speedUp)
        return try await demo.run()
    }
}

/// One run of the demo: its processes, its files, and what it saw.
final class DemoRun: Sendable {
    let directory: URL
    let seconds: Int
    let speedUp: Double
    let processes = DemoProcesses()
    let binary: String
    let kubectl: String
    let prometheus: String
    let gnuplot: String

    init(directory: URL, seconds: Int, speedUp: Double) throws {
        self.directory = directory
        self.seconds = seconds
        self.speedUp = speedUp
        binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let kubectl = DemoProcesses.which("kubectl"), let prometheus = DemoProcesses.which("prometheus"),
            let gnuplot = DemoProcesses.which("gnuplot")
        else {
            throw DemoError.failed("the demo needs kubectl, prometheus and gnuplot on PATH; run 'make deps'")
        }
        self.kubectl = kubectl
        self.prometheus = prometheus
        self.gnuplot = gnuplot
    }

    var clusterDirectory: URL { directory.appendingPathComponent("cluster") }
    var kubeconfig: String { clusterDirectory.appendingPathComponent("kubeconfig").path }

    /// Runs the demo and always stops what it started.
    func run() async throws -> ExitCode {
        DemoProcesses.installSignalHandlers()
        try prepareDirectory()
        do {
            let code = try await runSteps()
            await processes.stopAll()
            return code
        } catch {
            await processes.stopAll()
            throw error
        }
    }

    // A previous run's leftovers (a crashed demo) are stopped by their recorded pid, then removed.
    private func prepareDirectory() throws {
        if let state = ClusterDirectory(clusterDirectory.path).runningState() {
            kill(state.pid, SIGTERM)
        }
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: clusterDirectory, withIntermediateDirectories: true)
    }

    private func runSteps() async throws -> ExitCode {
        let started = ContinuousClock.now
        Output.line("==> starting the simulated GPU cluster (4 nodes x 8 GPUs) in \(directory.path)")
        try await startCluster()
        let client = KubeClient(configuration: try ClientConfiguration.fromKubeconfig(paths: [kubeconfig]))
        defer { Task { await client.shutdown() } }

        Output.line("==> kubectl apply -f crds/")
        try await applyCRD()
        guard let port = DemoProcesses.freeLoopbackPort() else { throw DemoError.failed("no free port for Prometheus") }
        let manifests = DemoManifests(seconds: seconds, speedUp: speedUp, prometheusURL: "http://127.0.0.1:\(port)")
        let monitor = DemoMonitor(client: client, namespace: DemoManifests.namespace)
        Output.line("==> starting Prometheus on 127.0.0.1:\(port)")
        try startPrometheus(port: port)
        Output.line("==> kubectl apply -f \(directory.appendingPathComponent("demo.yaml").path)")
        try Data(manifests.yaml.utf8).write(to: directory.appendingPathComponent("demo.yaml"))
        try await kubectlChecked(["apply", "-f", directory.appendingPathComponent("demo.yaml").path])
        Output.line("==> starting poolpilot run (log: \(directory.appendingPathComponent("operator.log").path))")
        _ = try processes.start(
            "operator",
            executable: binary,
            arguments: [
                "run", "--kubeconfig", kubeconfig, "--namespace", DemoManifests.namespace,
                "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--log-format", "text",
            ],
            log: directory.appendingPathComponent("operator.log")
        )
        try await waitForPools(monitor)
        guard !DemoProcesses.isInterrupted else { return interruptedExit() }

        let timeline = try await replay(manifests: manifests, monitor: monitor)
        guard !DemoProcesses.isInterrupted else { return interruptedExit() }
        try await report(timeline)
        await reportPrometheus(url: manifests.prometheusURL)
        let total = ContinuousClock.now - started
        Output.line(
            "==> demo finished in \(total.components.seconds)s; stopping the cluster, Prometheus and the operator"
        )
        return 0
    }

    private func interruptedExit() -> ExitCode {
        Output.line("==> interrupted; stopping everything the demo started")
        return 130
    }
}
