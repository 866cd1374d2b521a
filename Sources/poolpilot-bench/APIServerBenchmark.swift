import Cluster
import Foundation
import HTTP

/// The embedded API server under load: write-to-delivery latency on many watches, and memory per object.
///
/// Runs in-process against the server's request handler (store, watch fan-out, JSON encoding and the
/// streamed bodies), without sockets: the socket engine is measured by the HTTP benchmarks.
enum APIServerBenchmark {
    static let benchmark = Benchmark(
        name: "apiserver",
        summary: "Embedded API server: p99 write->delivery on 100 watches over 10,000 writes; memory per 10,000 pods."
    ) { arguments in
        let objects = arguments.first.flatMap(Int.init) ?? 10_000
        let watchers = arguments.dropFirst().first.flatMap(Int.init) ?? 100
        let rate = arguments.dropFirst(2).first.flatMap(Double.init) ?? 200
        try await memory(objects: objects)
        try await watchLatency(objects: objects, watchers: watchers, writesPerSecond: nil)
        try await watchLatency(objects: objects, watchers: watchers, writesPerSecond: rate)
    }

    private static func makeServer(historyLimit: Int) async throws -> EmbeddedAPIServer {
        var configuration = EmbeddedAPIServerConfiguration(credentials: .tokenOnly("bench"))
        configuration.isInsecureHTTP = true
        configuration.historyLimit = historyLimit
        return try await EmbeddedAPIServer(configuration: configuration)
    }

    private static func request(_ method: String, _ target: String, body: String = "") -> HTTPServerRequest {
        HTTPServerRequest(
            method: method,
            target: target,
            headers: ["Authorization": "Bearer bench", "Content-Type": "application/json"],
            body: Array(body.utf8)
        )
    }

    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Writes `objects` ConfigMaps (as fast as possible, or paced at `writesPerSecond`) with 100 watches open.
    private static func watchLatency(objects: Int, watchers: Int, writesPerSecond: Double?) async throws {
        let server = try await makeServer(historyLimit: objects + 100)
        var streams: [AsyncStream<[UInt8]>] = []
        for _ in 0..<watchers {
            let response = await server.handler.handle(
                request("GET", "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=\(1_000_000_000)")
            )
            guard case .stream(let stream) = response.body else { throw BenchmarkError.noStream }
            streams.append(stream)
        }
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for stream in streams {
                group.addTask {
                    var received: [UInt64] = []
                    received.reserveCapacity(objects)
                    for await chunk in stream {
                        let now = monotonicNanoseconds()
                        for sent in sentTimes(in: chunk) { received.append(now &- sent) }
                        if received.count >= objects { break }
                    }
                    return received
                }
            }
            for index in 0..<objects {
                if let writesPerSecond {
                    try await Task.sleep(until: started + .milliseconds(Int(Double(index) * 1000 / writesPerSecond)))
                }
                let body = """
                    {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"bench-\(index)",
                    "annotations":{"bench/sent":"\(monotonicNanoseconds())"}},"data":{"value":"\(index)"}}
                    """
                let response = await server.handler.handle(
                    request("POST", "/api/v1/namespaces/default/configmaps", body: body)
                )
                guard response.status == 201 else { throw BenchmarkError.writeFailed(response.status) }
            }
            var all: [UInt64] = []
            for try await received in group { all.append(contentsOf: received) }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { throw BenchmarkError.noDeliveries }
        func percentile(_ fraction: Double) -> Double {
            Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) / 1_000_000
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mode = writesPerSecond.map { "paced_\(Int($0))_per_s" } ?? "saturated"
        print("apiserver.watch.\(mode).objects: \(objects)")
        print("apiserver.watch.\(mode).watchers: \(watchers)")
        print("apiserver.watch.\(mode).deliveries: \(sorted.count)")
        print(String(format: "apiserver.watch.\(mode).p50_ms: %.3f", percentile(0.50)))
        print(String(format: "apiserver.watch.\(mode).p99_ms: %.3f", percentile(0.99)))
        print(String(format: "apiserver.watch.\(mode).max_ms: %.3f", percentile(1.0)))
        print(String(format: "apiserver.watch.\(mode).writes_per_s: %.0f", Double(objects) / seconds))
        await server.shutdown()
    }

    /// The `bench/sent` stamps of the events in one chunk (found by scanning, as a client would cheaply).
    private static func sentTimes(in chunk: [UInt8]) -> [UInt64] {
        let marker = Array(#""bench/sent":""#.utf8)
        var stamps: [UInt64] = []
        var index = 0
        while index + marker.count < chunk.count {
            if chunk[index] == marker[0], Array(chunk[index..<index + marker.count]) == marker {
                var cursor = index + marker.count
                var value: UInt64 = 0
                while cursor < chunk.count, chunk[cursor] >= 0x30, chunk[cursor] <= 0x39 {
                    value = value * 10 + UInt64(chunk[cursor] - 0x30)
                    cursor += 1
                }
                stamps.append(value)
                index = cursor
            } else {
                index += 1
            }
        }
        return stamps
    }

    private static func memory(objects: Int) async throws {
        let server = try await makeServer(historyLimit: 1000)
        let before = ResidentMemory.bytes()
        for index in 0..<objects {
            let response = await server.handler.handle(
                request("POST", "/api/v1/namespaces/default/pods", body: podJSON(index))
            )
            guard response.status == 201 else { throw BenchmarkError.writeFailed(response.status) }
        }
        let after = ResidentMemory.bytes()
        let sample = podJSON(0).utf8.count
        print("apiserver.memory.pod_json_bytes: \(sample)")
        print(String(format: "apiserver.memory.rss_mib_per_%d_pods: %.1f", objects, Double(after - before) / 1_048_576))
        await server.shutdown()
    }

    private static func podJSON(_ index: Int) -> String {
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"llama-8b-\(index)","namespace":"default",
        "labels":{"app.kubernetes.io/name":"llama-8b","app.kubernetes.io/component":"inference","pod-template-hash":"7d9f8c6b5"},
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"llama-8b-7d9f8c6b5","uid":"3f0c2a9e-1b7d-4c55-9a51-0e6f1d2b8c\(index % 10)0","controller":true,"blockOwnerDeletion":true}]},
        "spec":{"nodeName":"gpu-node-\(index % 50)","containers":[{"name":"vllm","image":"vllm/vllm-openai:v0.11.0",
        "args":["--model=meta-llama/Llama-3.1-8B-Instruct","--served-model-name=llama-3.1-8b","--port=8000","--max-model-len=8192"],
        "ports":[{"name":"http","containerPort":8000,"protocol":"TCP"}],
        "env":[{"name":"HF_HOME","value":"/cache"},{"name":"VLLM_LOGGING_LEVEL","value":"INFO"}],
        "resources":{"limits":{"nvidia.com/gpu":"1","memory":"48Gi","cpu":"8"},"requests":{"nvidia.com/gpu":"1","memory":"48Gi","cpu":"8"}},
        "readinessProbe":{"httpGet":{"path":"/health","port":"http"},"periodSeconds":5},
        "volumeMounts":[{"name":"cache","mountPath":"/cache"}]}],
        "volumes":[{"name":"cache","emptyDir":{"sizeLimit":"100Gi"}}],
        "tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}]},
        "status":{"phase":"Running","podIP":"10.0.\(index % 250).\(index % 200)","conditions":[{"type":"Ready","status":"True"}]}}
        """
    }

    enum BenchmarkError: Error {
        case noStream
        case writeFailed(Int)
        case noDeliveries
    }
}
