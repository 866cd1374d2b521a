// Runtime benchmarks: the memory of an informer cache of N Pods, controller throughput with a no-op
// reconcile, and the latency from a watched change to its reconcile starting. The watch source is
// in memory, so the figures measure the runtime itself (cache, handlers, queue, workers), not
// HTTP or JSON parsing of the stream.
import Foundation
import Kube
import KubeRuntime
import Synchronization

enum RuntimeBenchmarks {
    static let cacheMemory = Benchmark(
        name: "runtime.cache-memory",
        summary: "Resident memory of an informer cache of N Pods (decoded from JSON). Args: [PODS]"
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 100_000
        let before = ResidentMemory.kilobytes()
        let source = MemoryListWatcher(events: nil) {
            try (0..<count).map { index in try JSONDecoder().decode(Pod.self, from: podJSON(index)) }
        }
        let informer = Informer(listWatcher: source)
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            informer.stop()
        }
        let elapsed = ContinuousClock.now - start
        let added = ResidentMemory.kilobytes() - before
        let cached = await informer.cache.count
        print("runtime.cache.pods: \(cached)")
        print("runtime.cache.memory: \(added / 1024) MiB (RSS growth: objects, indexes, allocator slack)")
        print("runtime.cache.memory_per_pod: \(String(format: "%.2f", Double(added) / Double(max(count, 1)))) KiB")
        print("runtime.cache.fill_time: \(elapsed)")
        print("runtime.cache.total_rss: \(ResidentMemory.kilobytes() / 1024) MiB")
    }

    static let reconcileRate = Benchmark(
        name: "runtime.reconciles",
        summary: "Reconciles per second with a no-op reconcile, 1 and 4 workers. Args: [KEYS]"
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 200_000
        for workers in [1, 4] {
            let controller = Controller(name: "bench", kind: "Pod", workers: workers) { _ in .done }
            let start = ContinuousClock.now
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await controller.run() }
                for index in 0..<count {
                    await controller.enqueue(ObjectKey(namespace: "bench", name: "pod-\(index)"))
                }
                while !(await controller.queue.isIdle) { await Task.yield() }
                await controller.stop()
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            let rate = Double(count) / seconds
            print("runtime.reconciles.workers_\(workers): \(String(format: "%.0f", rate)) reconciles/s")
        }
    }

    static let watchLatency = Benchmark(
        name: "runtime.watch-latency",
        summary:
            "Watched change -> reconcile start latency, p50/p99, through informer, handler and queue. Args: [CHANGES]"
    ) { arguments in
        let count = arguments.first.flatMap(Int.init) ?? 20_000
        let (events, producer) = AsyncStream<WatchEvent<Pod>>.makeStream()
        let sentAt = Mutex<[String: ContinuousClock.Instant]>([:])
        let latencies = Mutex<[Duration]>([])
        let controller = Controller(name: "latency", kind: "Pod", workers: 2) { request in
            let now = ContinuousClock.now
            if let sent = sentAt.withLock({ $0[request.key.name] }) {
                latencies.withLock { $0.append(now - sent) }
            }
            return .done
        }
        let informer = Informer(listWatcher: MemoryListWatcher(events: events) { [] })
        informer.addHandler(enqueueing: controller) { [ObjectCache<Pod>.key(of: $0)] }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            group.addTask { await controller.run() }
            await informer.waitUntilSynced()
            for index in 0..<count {
                let pod = try? JSONDecoder().decode(Pod.self, from: podJSON(index))
                guard let pod else { continue }
                sentAt.withLock { $0[pod.metadata.name ?? ""] = ContinuousClock.now }
                producer.yield(.added(pod))
                if index % 100 == 99 { try? await Task.sleep(for: .milliseconds(1)) }
            }
            while latencies.withLock({ $0.count }) < count { try? await Task.sleep(for: .milliseconds(5)) }
            producer.finish()
            informer.stop()
            await controller.stop()
        }
        let sorted = latencies.withLock { $0 }.sorted()
        func percentile(_ fraction: Double) -> Duration {
            sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
        print("runtime.watch_latency.changes: \(sorted.count)")
        print("runtime.watch_latency.p50: \(percentile(0.5))")
        print("runtime.watch_latency.p99: \(percentile(0.99))")
    }

    /// A Pod as a kubelet-created ReplicaSet pod looks in a list: labels, owner, one container.
    static func podJSON(_ index: Int) -> Data {
        let name = "vllm-chat-7d9f8b6c5-\(index)"
        let text = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)","namespace":"ml-\(index % 20)",\
            "uid":"\(UUID().uuidString.lowercased())","resourceVersion":"\(1000 + index)",\
            "creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"vllm-chat","pod-template-hash":"7d9f8b6c5",\
            "poolpilot.dev/pool":"chat-\(index % 50)"},"ownerReferences":[{"apiVersion":"apps/v1",\
            "kind":"ReplicaSet","name":"vllm-chat-7d9f8b6c5","uid":"0b6f1c2e-rs","controller":true,\
            "blockOwnerDeletion":true}]},"spec":{"nodeName":"gpu-node-\(index % 500)","containers":[{"name":"vllm",\
            "image":"vllm/vllm-openai:v0.6.3","ports":[{"containerPort":8000,"name":"http"}],\
            "resources":{"limits":{"nvidia.com/gpu":"1"},"requests":{"cpu":"4","memory":"16Gi"}}}]},\
            "status":{"phase":"Running","podIP":"10.0.\(index / 250 % 250).\(index % 250)",\
            "conditions":[{"type":"Ready","status":"True"}]}}
            """
        return Data(text.utf8)
    }
}

/// Lists pods made on demand (so the benchmark holds no copy), then streams the given events (or nothing) as one watch.
struct MemoryListWatcher: ListWatcher {
    let events: AsyncStream<WatchEvent<Pod>>?
    let makePods: @Sendable () throws -> [Pod]

    var resourceDescription: String { "pods" }

    func list() async throws -> (items: [Pod], resourceVersion: String) {
        (try makePods(), "1")
    }

    func watch(from resourceVersion: String, timeoutSeconds: Int, onEvent: (WatchEvent<Pod>) async throws -> Void)
        async throws
    {
        guard let events else {
            try await Task.sleep(for: .seconds(3600))
            return
        }
        for await event in events { try await onEvent(event) }
        try await Task.sleep(for: .seconds(3600))
    }
}
