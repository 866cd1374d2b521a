import Foundation
import TestSupport
import Testing

/// Helpers for end-to-end tests on the simulated GPU cluster: kubectl with checks, polling with a
/// deadline, and `poolpilot run` as a child process.
enum SimulationHarness {
    /// Whether the binary and kubectl exist (the suites are skipped otherwise).
    static var isAvailable: Bool {
        Kubectl.isAvailable && FileManager.default.isExecutableFile(atPath: TestPaths.poolpilotBinary.path)
    }

    /// Whether Prometheus and gnuplot are installed (the demo needs them).
    static var hasDemoTools: Bool {
        ["/usr/bin/prometheus", "/usr/bin/gnuplot"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a cluster that runs the simulation.
    static func startCluster() async throws -> EmbeddedCluster {
        var options = EmbeddedCluster.Options()
        options.runsSimulation = true
        return try await EmbeddedCluster.start(options)
    }

    /// Runs kubectl and fails the test with its output when it fails.
    @discardableResult
    static func kubectl(_ kubectl: Kubectl, _ arguments: [String], stdin: String? = nil) async throws -> String {
        let result = try await kubectl.run(arguments, stdin: stdin)
        try #require(result.exitCode == 0, "kubectl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Polls `check` every 250 ms until it returns true or `seconds` pass; returns the last answer.
    static func eventually(_ seconds: Double, _ check: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await check()
    }

    /// Applies the InferencePool CRD and waits until it is served.
    static func installCRD(_ kubectl: Kubectl) async throws {
        let crd = TestPaths.repositoryRoot.appendingPathComponent("crds/inferencepools.poolpilot.dev.yaml").path
        try await Self.kubectl(kubectl, ["apply", "-f", crd])
        try await Self.kubectl(kubectl, ["wait", "--for=condition=established", "crd/inferencepools.poolpilot.dev"])
        kubectl.clearCache()
        // Established comes a moment before the collection is served cluster-wide; the operator's
        // first list must not see a 404 (it then waits a minute before retrying).
        let served = try await eventually(20) {
            try await kubectl.run(["get", "--raw", "/apis/poolpilot.dev/v1alpha1/inferencepools"]).exitCode == 0
        }
        try #require(served, "the InferencePool resource is not in discovery")
    }

    /// A vLLM Deployment with fast model loads and small batches, so little load queues.
    static func vllmDeployment(name: String, load: String?, replicas: Int = 1) -> String {
        let loadLine = load.map { "    sim.poolpilot.dev/load: '\($0)'\n" } ?? ""
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: default
              annotations:
                sim.poolpilot.dev/model-load-seconds: "1"
                sim.poolpilot.dev/server-parameters: '{"maxConcurrency": 4}'
            \(loadLine)spec:
              replicas: \(replicas)
              selector: {matchLabels: {app: \(name)}}
              template:
                metadata: {labels: {app: \(name)}}
                spec:
                  containers:
                  - name: vllm
                    image: vllm/vllm-openai:v0.11.0
                    args: ["--served-model-name=\(name)"]
                    ports: [{containerPort: 8000}]
                    resources:
                      requests: {cpu: "1", nvidia.com/gpu: "1"}
                      limits: {nvidia.com/gpu: "1"}
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
            """
    }

    /// Reads a jsonpath of an object; `object` may carry flags (`pods -l app=x`).
    static func jsonPath(_ kubectl: Kubectl, _ object: String, _ path: String) async throws -> String {
        let words = object.split(separator: " ").map(String.init)
        let result = try await kubectl.run(["get"] + words + ["-o", "jsonpath={\(path)}"])
        return result.exitCode == 0 ? result.stdout : ""
    }
}

/// `poolpilot run` against a test cluster, stopped by its pid when the test ends.
final class OperatorProcess: Sendable {
    let process: Process
    let log: URL

    init(cluster: EmbeddedCluster) throws {
        log = cluster.directory.appendingPathComponent("operator.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = TestPaths.poolpilotBinary
        process.arguments = [
            "run", "--kubeconfig", cluster.kubeconfigPath.path, "--metrics-bind-address", "0",
            "--health-probe-bind-address", "0", "--log-level", "debug",
        ]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Stops the operator: SIGTERM, then SIGKILL.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The operator's log so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}
