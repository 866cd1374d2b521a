import Foundation
import HTTP
import Operator
import Telemetry
import TestSupport
import Testing
import YAML

/// `poolpilot run` (in process) against the embedded API server, driven and read with kubectl.
///
/// The cluster runs without its simulated components, so the test plays kubelet: it creates a GPU
/// node and the Deployment's pods with kubectl and serves their metrics from a loopback server.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isAvailable && FileManager.default.fileExists(atPath: TestPaths.poolpilotBinary.path))
)
struct OperatorEndToEndTests {
    static let page = """
        # TYPE vllm:num_requests_waiting gauge
        vllm:num_requests_waiting{engine="0",model_name="llama-3.1-8b"} 12.0
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="llama-3.1-8b"} 30.0
        # TYPE vllm:kv_cache_usage_perc gauge
        vllm:kv_cache_usage_perc{engine="0",model_name="llama-3.1-8b"} 0.5

        """

    static let node = """
        apiVersion: v1
        kind: Node
        metadata:
          name: gpu-0
          labels: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3, nvidia.com/gpu.memory: "81559"}
        spec:
          taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
        """

    static func pod(_ index: Int) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: llama-8b-\(index)
          namespace: default
          labels: {app.kubernetes.io/name: llama-8b, app.kubernetes.io/component: inference}
        spec:
          nodeName: gpu-0
          containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.0", resources: {limits: {nvidia.com/gpu: "1"}}}]
        """
    }

    /// Runs kubectl and fails the test with its output when it fails.
    static func kubectl(_ kubectl: Kubectl, _ arguments: [String], stdin: String? = nil) async throws -> String {
        let result = try await kubectl.run(arguments, stdin: stdin)
        try #require(result.exitCode == 0, "kubectl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Polls `check` every 200 ms until it returns true or `seconds` pass.
    static func eventually(_ seconds: Double, _ check: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await check() { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    /// Installs the CRD, the vLLM sample scraping `port`, a GPU node and two ready pods.
    static func install(_ kubectl: Kubectl, metricsPort: Int) async throws {
        let root = TestPaths.repositoryRoot.path
        _ = try await Self.kubectl(kubectl, ["apply", "-f", "\(root)/crds/inferencepools.poolpilot.dev.yaml"])
        _ = try await Self.kubectl(
            kubectl,
            ["wait", "--for", "condition=established", "crd/inferencepools.poolpilot.dev"]
        )
        kubectl.clearCache()
        _ = try await Self.kubectl(kubectl, ["apply", "-f", "\(root)/manifests/samples/vllm-llama.yaml"])
        let scrape = #"{"spec":{"metrics":{"scrape":{"port":\#(metricsPort),"path":"/metrics"}}}}"#
        _ = try await Self.kubectl(kubectl, ["patch", "ipool", "llama-8b", "--type", "merge", "-p", scrape])
        _ = try await Self.kubectl(kubectl, ["apply", "-f", "-"], stdin: node)
        let nodeStatus =
            #"{"status":{"allocatable":{"nvidia.com/gpu":"8","cpu":"96"},"conditions":[{"type":"Ready","status":"True"}]}}"#
        _ = try await Self.kubectl(
            kubectl,
            ["patch", "node", "gpu-0", "--subresource=status", "--type", "merge", "-p", nodeStatus]
        )
        for index in 0..<2 {
            _ = try await Self.kubectl(kubectl, ["apply", "-f", "-"], stdin: pod(index))
            let podStatus =
                #"{"status":{"phase":"Running","podIP":"127.0.0.1","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-12-04T15:00:00Z"}]}}"#
            _ = try await Self.kubectl(
                kubectl,
                ["patch", "pod", "llama-8b-\(index)", "--subresource=status", "--type", "merge", "-p", podStatus]
            )
        }
    }

    @Test func `scales the sample on served metrics and tells the story through kubectl`() async throws {
        let metrics = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0)) { _ in
            HTTPServerResponse(
                status: 200,
                headers: ["Content-Type": "text/plain; version=0.0.4"],
                body: .bytes(Array(Self.page.utf8))
            )
        }
        let metricsPort = try await metrics.start()
        var options = EmbeddedCluster.Options()
        options.extraArguments = ["--no-components"]
        try await EmbeddedCluster.with(options) { cluster in
            let kubectl = Kubectl(cluster: cluster)
            try await Self.install(kubectl, metricsPort: metricsPort)
            let configuration = OperatorConfiguration(
                kubeconfig: cluster.kubeconfigPath.path,
                namespaces: ["default"],
                metricsBindAddress: .init(host: "127.0.0.1", port: 0),
                healthProbeBindAddress: .init(host: "127.0.0.1", port: 0)
            )
            let runner = try OperatorRunner(configuration: configuration, logger: .disabled)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await runner.run() }
                defer { group.cancelAll() }

                // 2 ready pods with 12 waiting each against a target of 4: 6 replicas.
                let scaled = try await Self.eventually(60) {
                    try await Self.kubectl(kubectl, ["get", "deploy", "llama-8b", "-o", "jsonpath={.spec.replicas}"])
                        == "6"
                }
                #expect(scaled)
                let affinity = try await Self.kubectl(
                    kubectl,
                    ["get", "deploy", "llama-8b", "-o", "jsonpath={.spec.template.spec.affinity}"]
                )
                #expect(affinity.contains("nvidia.com/gpu.product"))

                let table = try await Self.kubectl(kubectl, ["get", "ipool", "llama-8b"])
                #expect(table.contains("WAITING/REPLICA"))
                let row = table.split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) } ?? []
                #expect(Array(row.prefix(6)) == ["llama-8b", "vllm", "llama-8b", "1", "8", "6"])

                let status = try YAML.decode(
                    try await Self.kubectl(kubectl, ["get", "ipool", "llama-8b", "-o", "json"])
                )["status"]
                let decoded = try #require(status).decode(InferencePoolStatus.self)
                #expect(decoded.condition(.ScalingActive)?.status == "True")
                #expect(decoded.condition(.MetricsAvailable)?.status == "True")
                #expect(decoded.condition(.Conflict)?.status == "False")
                #expect(decoded.gpu?.matchingNodes == 1)
                #expect(decoded.scalingHistory.last?.to == 6)

                // Events are recorded after the status write, so wait for them rather than race them.
                var described = ""
                _ = try await Self.eventually(30) {
                    described = try await Self.kubectl(kubectl, ["describe", "ipool", "llama-8b"])
                    return described.contains("PlacementPatched") && described.contains("waitingRequests is at 12")
                }
                #expect(described.contains("ScaledUp"))
                #expect(described.contains("PlacementPatched"))
                #expect(described.contains("waitingRequests is at 12 per replica"))

                // kubectl scale on the pool is a manual hold through its scale subresource.
                _ = try await Self.kubectl(kubectl, ["scale", "ipool", "llama-8b", "--replicas", "2"])
                let held = try await Self.eventually(30) {
                    try await Self.kubectl(kubectl, ["get", "deploy", "llama-8b", "-o", "jsonpath={.spec.replicas}"])
                        == "2"
                }
                #expect(held)
                let activeReason = try await Self.kubectl(
                    kubectl,
                    [
                        "get", "ipool", "llama-8b", "-o",
                        "jsonpath={.status.conditions[?(@.type==\"ScalingActive\")].reason}",
                    ]
                )
                #expect(activeReason == "ManualHold")
                let clear = #"{"spec":{"replicas":null}}"#
                _ = try await Self.kubectl(kubectl, ["patch", "ipool", "llama-8b", "--type", "merge", "-p", clear])

                // An HPA on the same Deployment: the pool reports the conflict and stops writing.
                let hpa = """
                    apiVersion: autoscaling/v2
                    kind: HorizontalPodAutoscaler
                    metadata: {name: llama-hpa, namespace: default}
                    spec:
                      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llama-8b}
                      minReplicas: 1
                      maxReplicas: 3
                      metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
                    """
                _ = try await Self.kubectl(kubectl, ["apply", "-f", "-"], stdin: hpa)
                let conflicted = try await Self.eventually(30) {
                    let json = try await Self.kubectl(
                        kubectl,
                        [
                            "get", "ipool", "llama-8b", "-o",
                            "jsonpath={.status.conditions[?(@.type==\"Conflict\")].status}",
                        ]
                    )
                    return json == "True"
                }
                #expect(conflicted)
                #expect(
                    try await Self.kubectl(kubectl, ["describe", "ipool", "llama-8b"]).contains(
                        "HorizontalPodAutoscaler llama-hpa"
                    )
                )
            }
        }
        await metrics.shutdown()
    }

    @Test func `two replicas share a lease: one leads, the other takes over when it stops`() async throws {
        var options = EmbeddedCluster.Options()
        options.extraArguments = ["--no-components"]
        try await EmbeddedCluster.with(options) { cluster in
            var configuration = OperatorConfiguration(
                kubeconfig: cluster.kubeconfigPath.path,
                namespaces: ["default"],
                leaderElect: true,
                leaderElectionNamespace: "default",
                metricsBindAddress: nil,
                healthProbeBindAddress: nil
            )
            configuration.leaderElectionID = "poolpilot-test"
            let first = try OperatorRunner(configuration: configuration, logger: .disabled)
            let second = try OperatorRunner(configuration: configuration, logger: .disabled)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await first.run() }
                group.addTask { try await second.run() }
                defer { group.cancelAll() }
                let oneLeads = try await Self.eventually(30) { first.isLeading != second.isLeading }
                #expect(oneLeads)
                let (leader, follower) = first.isLeading ? (first, second) : (second, first)

                // A graceful stop releases the lease, so the follower leads well before the 15 s
                // lease duration would have let it take over an abandoned lease.
                leader.stop()
                let tookOver = try await Self.eventually(10) { follower.isLeading }
                #expect(tookOver)
                #expect(!leader.isLeading)
                let kubectl = Kubectl(cluster: cluster)
                let holder = try await Self.kubectl(
                    kubectl,
                    ["get", "lease", "poolpilot-test", "-o", "jsonpath={.spec.holderIdentity}"]
                )
                #expect(!holder.isEmpty)
            }
        }
    }
}
