import Cluster
import Foundation
import Kube
import Metrics
import Operator

#if canImport(Glibc)
    import Glibc
#endif

extension DemoRun {
    /// Starts `poolpilot cluster serve` as a child and waits until its kubeconfig works.
    func startCluster() async throws {
        _ = try processes.start(
            "cluster",
            executable: binary,
            arguments: ["cluster", "serve", "--dir", clusterDirectory.path],
            log: directory.appendingPathComponent("cluster.log")
        )
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, !DemoProcesses.isInterrupted {
            if ClusterDirectory(clusterDirectory.path).readState() != nil {
                let nodes = try await kubectl(["get", "nodes", "--no-headers"])
                if nodes.status == 0, nodes.output.split(separator: "\n").count >= 4 { return }
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw DemoError.failed("the simulated cluster did not come up; see \(directory.path)/cluster.log")
    }

    /// Applies the repository's `crds/` (or the CRD generated from the API types when run elsewhere)
    /// and waits until it is established.
    func applyCRD() async throws {
        let repositoryCRD = URL(fileURLWithPath: InferencePoolCRD.path)
        let file: URL
        if FileManager.default.fileExists(atPath: repositoryCRD.path) {
            file = repositoryCRD
        } else {
            file = directory.appendingPathComponent("inferencepools.poolpilot.dev.yaml")
            try Data(InferencePoolCRD.yamlText.utf8).write(to: file)
        }
        try await kubectlChecked(["apply", "-f", file.path])
        try await kubectlChecked([
            "wait", "--for=condition=Established", "crd/inferencepools.poolpilot.dev", "--timeout=30s",
        ])
    }

    /// Writes Prometheus's configuration (loopback file_sd targets only) and starts it.
    func startPrometheus(port: Int) throws {
        let targets = directory.appendingPathComponent("prometheus-targets.json")
        try Data("[]\n".utf8).write(to: targets)
        let configuration = directory.appendingPathComponent("prometheus.yml")
        let text = PrometheusDemoConfig.configuration(targetsFile: targets.path, interval: 2)
        try Data(text.utf8).write(to: configuration)
        _ = try processes.start(
            "prometheus",
            executable: prometheus,
            arguments: [
                "--config.file=\(configuration.path)",
                "--storage.tsdb.path=\(directory.appendingPathComponent("prometheus-data").path)",
                "--web.listen-address=127.0.0.1:\(port)",
                "--storage.tsdb.retention.time=1h",
            ],
            log: directory.appendingPathComponent("prometheus.log")
        )
    }

    /// Waits until each pool's first replica is ready (its model loaded).
    func waitForPools(_ monitor: DemoMonitor) async throws {
        Output.line("==> waiting for the first replica of each pool to load its model")
        let deadline = ContinuousClock.now + .seconds(90)
        let start = ContinuousClock.now
        while ContinuousClock.now < deadline, !DemoProcesses.isInterrupted {
            try await monitor.writeTargets(to: targetsFile, ports: metricsPorts)
            var readyPools = 0
            for pool in DemoManifests.pools where try await monitor.sample(pool: pool, since: start).0.readyReplicas > 0
            {
                readyPools += 1
            }
            if readyPools == DemoManifests.pools.count { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        if !DemoProcesses.isInterrupted {
            throw DemoError.failed("the pools' first replicas did not become ready; see \(directory.path)")
        }
    }

    var targetsFile: URL { directory.appendingPathComponent("prometheus-targets.json") }
    var metricsPorts: [String: Int] { ["chat": 8000, "vision": 8002] }

    /// Starts the load and samples every second, printing a timeline row per pool every 5 seconds.
    func replay(manifests: DemoManifests, monitor: DemoMonitor) async throws -> [String: [(DemoSample, Int)]] {
        for (pool, load) in manifests.loads.sorted(by: { $0.key < $1.key }) {
            try await kubectlChecked([
                "annotate", "-n", DemoManifests.namespace, "deployment/\(pool)", "sim.poolpilot.dev/load=\(load)",
                "--overwrite",
            ])
        }
        Output.line(
            "==> replaying: chat = Azure LLM trace 2023 (conversation) at \(DemoSample.fixed(speedUp, decimals: 1))x for "
                + "\(manifests.loadSeconds)s, vision = a spike; then \(seconds - manifests.loadSeconds)s quiet"
        )
        Output.line(DemoSample.header)
        let start = ContinuousClock.now
        var timeline: [String: [(DemoSample, Int)]] = [:]
        var nextPrint = 0.0
        while ContinuousClock.now - start < .seconds(seconds), !DemoProcesses.isInterrupted {
            try? await monitor.writeTargets(to: targetsFile, ports: metricsPorts)
            for pool in DemoManifests.pools {
                guard let sample = try? await monitor.sample(pool: pool, since: start) else { continue }
                timeline[pool, default: []].append(sample)
                if sample.0.time >= nextPrint { Output.line(sample.0.row(pool: pool)) }
            }
            if let last = timeline["chat"]?.last?.0.time, last >= nextPrint { nextPrint += 5 }
            try await Task.sleep(for: .seconds(1))
        }
        return timeline
    }

    /// Queries Prometheus for the pools' queue depth, as a pool reading signals through Prometheus
    /// would, and prints what it answers.
    func reportPrometheus(url: String) async {
        let client = PrometheusClient(configuration: PrometheusConfiguration(baseURL: url))
        let queries = [
            "sum by (pod) (vllm:num_requests_waiting{namespace=\"\(DemoManifests.namespace)\"})",
            "sum by (pod) (nv_inference_pending_request_count{namespace=\"\(DemoManifests.namespace)\"})",
        ]
        Output.line("$ curl \(url)/api/v1/query  (Prometheus scraping the simulated pods)")
        for query in queries {
            do {
                let result = try await client.query(query)
                var series = 0
                if case .vector(let samples) = result.data { series = samples.count }
                Output.line("  \(query): \(series) series")
            } catch {
                Output.line("  \(query): \(error)")
            }
        }
    }

    /// Prints the summary, kubectl's view of the pools and the plot's path.
    func report(_ timeline: [String: [(DemoSample, Int)]]) async throws {
        Output.line("")
        Output.line("==> summary")
        var plotted: [(name: String, dataPath: String)] = []
        for pool in DemoManifests.pools {
            let samples = timeline[pool] ?? []
            let summary = DemoSummary(
                pool: pool,
                samples: samples.map(\.0),
                replicasInUse: samples.map(\.1),
                gpusPerReplica: 1
            )
            summary.lines.forEach(Output.line)
            let dataFile = directory.appendingPathComponent("\(pool).dat")
            try Data(DemoPlot.data(samples.map(\.0)).utf8).write(to: dataFile)
            plotted.append((pool, dataFile.path))
        }
        Output.line("")
        Output.line("$ kubectl get ipool -n \(DemoManifests.namespace)")
        Output.line(try await kubectl(["get", "ipool", "-n", DemoManifests.namespace]).output)
        Output.line("$ kubectl describe ipool chat -n \(DemoManifests.namespace)")
        Output.line(try await kubectl(["describe", "ipool", "chat", "-n", DemoManifests.namespace]).output)

        let plot = directory.appendingPathComponent("demo.png")
        let script = directory.appendingPathComponent("demo.gnuplot")
        try Data(DemoPlot.script(pools: plotted, output: plot.path).utf8).write(to: script)
        let result = try await DemoProcesses.run(gnuplot, [script.path])
        if result.status == 0 {
            Output.line("==> plot of load against replicas: \(plot.path)")
        } else {
            Output.error("gnuplot failed: \(result.output)")
        }
    }

    /// Runs kubectl against the demo cluster.
    func kubectl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await DemoProcesses.run(kubectl, arguments, environment: ["KUBECONFIG": kubeconfig])
    }

    /// Runs kubectl and fails with its output when it fails.
    func kubectlChecked(_ arguments: [String]) async throws {
        let result = try await kubectl(arguments)
        guard result.status == 0 else {
            throw DemoError.failed("kubectl \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
    }
}
