// Benchmarks of the Kubernetes client: watch decoding speed and memory per open watch.
import Foundation
import HTTP
import Kube
import YAML

/// The client benchmarks registered in `main.swift`.
enum KubeBenchmarks {
    /// Decodes MODIFIED events of a realistic vLLM Pod (about 4 KiB of JSON) through ``WatchStream``.
    static let watchDecode = Benchmark(
        name: "kube-watch-decode",
        summary: "Watch events of a realistic Pod decoded per second (arg: event count, default 20000)."
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 20_000
        var bytes: [UInt8] = []
        for index in 0..<count {
            bytes += Array(#"{"type":"MODIFIED","object":"#.utf8)
            bytes += Array(realisticPod(resourceVersion: 1000 + index).utf8)
            bytes += Array("}\n".utf8)
        }
        let chunkSize = 16 * 1024
        let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map {
            Array(bytes[$0..<min($0 + chunkSize, bytes.count)])
        }

        let clock = ContinuousClock()
        let start = clock.now
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        for chunk in chunks { continuation.yield(chunk) }
        continuation.finish()
        var decoded = 0
        for try await event in WatchStream<Pod>(bytes: stream) where event.object != nil { decoded += 1 }
        let seconds = (clock.now - start).seconds
        print("kube.watch_decode.events: \(decoded)")
        print("kube.watch_decode.event_bytes: \(bytes.count / max(1, count)) bytes")
        print("kube.watch_decode.rate: \(Int(Double(decoded) / seconds)) events/s")
        print("kube.watch_decode.throughput: \(String(format: "%.1f", Double(bytes.count) / seconds / 1e6)) MB/s")
    }

    /// Opens many watches against a loopback server run in a child process, and reports the client's
    /// resident memory per open watch.
    static let watchMemory = Benchmark(
        name: "kube-watch-memory",
        summary: "Client memory per concurrent open watch (arg: watch count, default 1000)."
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 1000
        let server = try WatchServerProcess.start()
        defer { server.stop() }
        let client = KubeClient(
            configuration: ClientConfiguration(server: "http://127.0.0.1:\(server.port)"),
            options: KubeClientOptions(qps: 0)
        )
        do {
            _ = try await client.get(Pod.self, name: "probe", namespace: "default")
        } catch let error as KubeClientError {
            if case .transport(_, _, .unsupported(let what)) = error {
                print("kube.watch_memory: skipped: \(what)")
                return
            }
        }

        let before = ResidentMemory.bytes()
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (opened, openedSignal) = AsyncStream<Void>.makeStream()
            for _ in 0..<count {
                group.addTask {
                    let events = try await client.watch(Pod.self, namespace: "default")
                    for try await _ in events { openedSignal.yield() }
                }
            }
            var seen = 0
            for await _ in opened {
                seen += 1
                if seen == count { break }
            }
            let after = ResidentMemory.bytes()
            print("kube.watch_memory.watches: \(count)")
            print("kube.watch_memory.rss_delta: \((after - before) / 1024) KiB")
            print("kube.watch_memory.per_watch: \((after - before) / count) bytes")
            print("kube.watch_memory.note: HTTP/1.1 over plain loopback, one connection per watch")
            group.cancelAll()
            try await group.waitForAll()
        }
        await client.shutdown()
    }

    /// Opens many watches through ``KubeClient`` over one HTTP/2 connection to the http module's
    /// python3-h2 watch server (bench/tools/h2-watch-server.py) and reports client memory per watch.
    static let watchMemoryHTTP2 = Benchmark(
        name: "kube-watch-memory-h2",
        summary: "Client memory per open watch over HTTP/2 (arg: watch count, default 1000; needs python3-h2)."
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 1000
        guard H2WatchServer.isAvailable else {
            print("kube.watch_memory_h2: skipped: needs \(H2WatchServer.script) and /usr/bin/python3 with python3-h2")
            return
        }
        let server = try await H2WatchServer.start()
        defer { server.stop() }
        let port = server.port
        let authority = server.authority

        let client = KubeClient(
            configuration: ClientConfiguration(
                server: "https://127.0.0.1:\(port)",
                tls: TLSConfiguration(certificateAuthority: .pem(authority.certificatePEM))
            ),
            options: KubeClientOptions(qps: 0, maxRetries: 10, initialBackoff: 0.1, maxBackoff: 0.5)
        )
        for try await _ in try await client.watch(Pod.self, namespace: "default") { break }
        let before = ResidentMemory.bytes()
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (opened, openedSignal) = AsyncStream<Void>.makeStream()
            for _ in 0..<count {
                group.addTask {
                    for try await _ in try await client.watch(Pod.self, namespace: "default") { openedSignal.yield() }
                }
            }
            var seen = 0
            for await _ in opened {
                seen += 1
                if seen == count { break }
            }
            let after = ResidentMemory.bytes()
            print("kube.watch_memory_h2.watches: \(count)")
            print("kube.watch_memory_h2.rss_delta: \((after - before) / 1024) KiB")
            print("kube.watch_memory_h2.per_watch: \((after - before) / count) bytes")
            print("kube.watch_memory_h2.note: HTTP/2 over TLS to python3-h2, client process only")
            group.cancelAll()
            try await group.waitForAll()
        }
        await client.shutdown()
    }

    /// The child-process side of ``watchMemory``: a server whose watches send one event and stay open.
    static let watchServer = Benchmark(
        name: "kube-watch-server",
        summary: "Helper for kube-watch-memory: serves never-ending watches, prints its port."
    ) { _ in
        let server = HTTPServer(configuration: HTTPServerConfiguration()) { request in
            let line = #"{"type":"ADDED","object":"# + realisticPod(resourceVersion: 1) + "}\n"
            guard request.queryValue("watch") == "true" else {
                return HTTPServerResponse(status: 200, body: .bytes(Array(realisticPod(resourceVersion: 1).utf8)))
            }
            let (body, continuation) = AsyncStream<[UInt8]>.makeStream()
            continuation.yield(Array(line.utf8))
            return HTTPServerResponse(status: 200, headers: ["Content-Type": "application/json"], body: .stream(body))
        }
        let port = try await server.start()
        FileHandle.standardOutput.write(Data("port \(port)\n".utf8))
        while readLine() != nil {}
        await server.shutdown(deadline: 1)
    }
}

/// The benchmark binary itself, started as `kube-watch-server` in a child process.
struct WatchServerProcess {
    let process: Process
    let input: Pipe
    let port: Int

    static func start() throws -> WatchServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["kube-watch-server"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        guard line.hasPrefix("port "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            throw KubeBenchmarkError.failed("watch server did not report a port: \(line)")
        }
        return WatchServerProcess(process: process, input: input, port: port)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// A benchmark that could not run.
enum KubeBenchmarkError: Error {
    case failed(String)
}

extension FileHandle {
    /// Reads bytes up to a newline (blocking; the benchmark has nothing else to do meanwhile).
    fileprivate func availableLine() -> [UInt8] {
        var line: [UInt8] = []
        while let byte = try? read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        return line
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// A vLLM server pod as the API server returns it: managed fields, probes, GPU limits, statuses.
func realisticPod(resourceVersion: Int) -> String {
    #"""
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"vllm-llama-7c9f8d6b5-x2kqp","generateName":"vllm-llama-7c9f8d6b5-","namespace":"ml","uid":"3f2b6c1e-8a4d-4e2f-9b7a-1c5d3e9f0a21","resourceVersion":"\#(resourceVersion)","creationTimestamp":"2025-01-01T00:00:00Z","labels":{"app":"vllm-llama","pod-template-hash":"7c9f8d6b5","poolpilot.dev/pool":"llama"},"annotations":{"prometheus.io/scrape":"true","prometheus.io/port":"8000"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"vllm-llama-7c9f8d6b5","uid":"9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4","controller":true,"blockOwnerDeletion":true}],"managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2025-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"9a8b7c6d\"}":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"server\"}":{".":{},"f:args":{},"f:image":{},"f:name":{},"f:ports":{},"f:resources":{}}}}}},{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2025-01-01T00:01:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{},"f:containerStatuses":{},"f:hostIP":{},"f:phase":{},"f:podIP":{},"f:startTime":{}}},"subresource":"status"}]},"spec":{"volumes":[{"name":"shm","emptyDir":{"medium":"Memory","sizeLimit":"16Gi"}},{"name":"kube-api-access","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}],"defaultMode":420}}],"containers":[{"name":"server","image":"vllm/vllm-openai:v0.6.3","args":["--model","meta-llama/Llama-3.1-8B-Instruct","--max-num-seqs","256","--gpu-memory-utilization","0.9"],"ports":[{"name":"http","containerPort":8000,"protocol":"TCP"}],"env":[{"name":"HF_HOME","value":"/cache"},{"name":"POD_NAME","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}],"resources":{"limits":{"cpu":"8","memory":"64Gi","nvidia.com/gpu":"1"},"requests":{"cpu":"4","memory":"48Gi","nvidia.com/gpu":"1"}},"volumeMounts":[{"name":"shm","mountPath":"/dev/shm"},{"name":"kube-api-access","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],"readinessProbe":{"httpGet":{"path":"/health","port":8000,"scheme":"HTTP"},"periodSeconds":5,"timeoutSeconds":1,"successThreshold":1,"failureThreshold":3},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","nodeSelector":{"nvidia.com/gpu.product":"NVIDIA-A100-SXM4-80GB"},"serviceAccountName":"default","nodeName":"gpu-node-3","schedulerName":"default-scheduler","tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"},{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],"priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority"},"status":{"phase":"Running","conditions":[{"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:05Z"},{"type":"Initialized","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:01Z"},{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:01:00Z"},{"type":"ContainersReady","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:01:00Z"},{"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:00Z"}],"hostIP":"10.0.3.17","hostIPs":[{"ip":"10.0.3.17"}],"podIP":"10.244.3.42","podIPs":[{"ip":"10.244.3.42"}],"startTime":"2025-01-01T00:00:00Z","containerStatuses":[{"name":"server","state":{"running":{"startedAt":"2025-01-01T00:00:30Z"}},"lastState":{},"ready":true,"restartCount":0,"image":"docker.io/vllm/vllm-openai:v0.6.3","imageID":"docker.io/vllm/vllm-openai@sha256:0f3c1a2b","containerID":"containerd://4b5c6d7e8f9a","started":true}],"qosClass":"Burstable"}}
    """#
}

extension KubeBenchmarks {
    /// Splits the watch decoding cost: a realistic Pod decoded as the typed model and as a JSON value.
    static let jsonDecode = Benchmark(
        name: "kube-json-decode",
        summary: "Pod JSON decoded per second: JSONDecoder vs the client's parser (arg: count, default 5000)."
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 5000
        let data = Data(realisticPod(resourceVersion: 1).utf8)
        let clock = ContinuousClock()
        let decoder = JSONDecoder()
        var start = clock.now
        for _ in 0..<count { _ = try decoder.decode(Pod.self, from: data) }
        print("kube.json_decode.pod_jsondecoder: \(Int(Double(count) / (clock.now - start).seconds)) objects/s")
        let bytes = Array(data)
        start = clock.now
        for _ in 0..<count { _ = try JSONValue(jsonBytes: bytes).decode(Pod.self) }
        print("kube.json_decode.pod_client_path: \(Int(Double(count) / (clock.now - start).seconds)) objects/s")
        start = clock.now
        for _ in 0..<count { _ = try JSONValue(jsonBytes: bytes) }
        print("kube.json_decode.parse_only: \(Int(Double(count) / (clock.now - start).seconds)) objects/s")
    }
}
