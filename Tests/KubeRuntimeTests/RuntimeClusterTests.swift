import Foundation
import Kube
import KubeRuntime
import Synchronization
import Telemetry
import TestSupport
import Testing

/// A value shared between tasks.
final class Box<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        storage = Mutex(value)
    }

    var value: Value { storage.withLock { $0 } }

    func set(_ value: Value) {
        storage.withLock { $0 = value }
    }
}

/// The runtime against the embedded API server (a child process) and its fault injection.
@Suite(.serialized) struct RuntimeClusterTests {
    /// Whether the informer's cache holds exactly the server's leases with the same holders.
    func converged(_ informer: Informer<Lease>, _ harness: ClusterHarness) async -> Bool {
        guard let server = try? await harness.leaseHolders() else { return false }
        let cached = await informer.cache.objects(namespace: "default")
        var holders: [String: String] = [:]
        for lease in cached { holders[lease.metadata.name ?? ""] = lease.spec?.holderIdentity ?? "" }
        return holders == server
    }

    @Test func `resumes cut watches without missing an event`() async throws {
        try await withCluster { harness in
            let registry = MetricsRegistry()
            let metrics = try await RuntimeMetrics.register(in: registry)
            let informer = Informer(
                listWatcher: KubeListWatcher<Lease>(client: harness.client, namespace: "default", metrics: metrics),
                metrics: metrics
            )
            let seen = Mutex<[String: [String]]>([:])
            informer.addHandler { event in
                let name = event.object.metadata.name ?? ""
                seen.withLock { $0[name, default: []].append(event.object.spec?.holderIdentity ?? "") }
            }
            try await harness.setFaults(#"{"watchCutAfterEvents": 3, "bookmarkIntervalSeconds": 60}"#)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitUntilSynced()
                for index in 0..<10 { _ = try await harness.makeLease("l\(index)") }
                for index in 0..<10 { try await harness.setHolder("l\(index)", "h\(index)") }
                #expect(await eventually(within: 30) { await converged(informer, harness) })
                informer.stop()
            }
            let histories = seen.withLock { $0 }
            #expect(histories.count == 10)
            #expect(histories.allSatisfy { $0.value == ["", "h\($0.key.dropFirst())"] })
            let restarts = await registry.value(
                of: "poolpilot_watch_restarts_total",
                labels: ["resource": "leases.coordination.k8s.io", "reason": "closed"]
            )
            #expect((restarts ?? 0) >= 5)
            #expect(
                await registry.value(of: "poolpilot_api_requests_total", labels: ["verb": "list", "code": "200"]) == 1
            )
        }
    }

    @Test func `relists and converges after the history was compacted`() async throws {
        try await withCluster { harness in
            let gated = GatedListWatcher(base: KubeListWatcher<Lease>(client: harness.client, namespace: "default"))
            let informer = Informer(listWatcher: gated)
            for index in 0..<3 { _ = try await harness.makeLease("old\(index)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitUntilSynced()
                gated.gate.withLock { $0 = false }
                try await harness.adminCall("restart")
                #expect(await eventually(within: 30) { gated.waiting.withLock { $0 } >= 1 })
                _ = try await harness.client.delete(Lease.self, name: "old0", namespace: "default")
                for index in 0..<3 { _ = try await harness.makeLease("new\(index)") }
                try await harness.adminCall("compact")
                gated.gate.withLock { $0 = true }
                #expect(await eventually(within: 30) { gated.lists.withLock { $0 } == 2 })
                #expect(await eventually(within: 30) { await converged(informer, harness) })
                informer.stop()
            }
            #expect(await informer.cache.object(ObjectKey("default/old0")) == nil)
        }
    }

    @Test func `caches converge after the server restarts with persisted data`() async throws {
        var options = EmbeddedCluster.Options()
        options.persists = true
        try await withCluster(options) { harness in
            let informer = Informer(listWatcher: KubeListWatcher<Lease>(client: harness.client, namespace: "default"))
            for index in 0..<5 { _ = try await harness.makeLease("p\(index)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                await informer.waitUntilSynced()
                try await harness.adminCall("restart", json: #"{"unavailableSeconds": 1}"#)
                for index in 0..<5 { try await harness.setHolder("p\(index)", "after-restart") }
                _ = try await harness.makeLease("p5")
                #expect(await eventually(within: 40) { await converged(informer, harness) })
                informer.stop()
            }
        }
    }

    @Test func `waits as told by Retry-After when the server answers 429`() async throws {
        try await withCluster { harness in
            _ = try await harness.makeLease("busy")
            try await harness.setFaults(#"{"tooManyRequestsFraction": 1}"#)
            // Enough retries that a slow admin call on a loaded machine cannot exhaust them.
            let patient = KubeClient(
                configuration: harness.client.configuration,
                options: KubeClientOptions(qps: 0, maxRetries: 30)
            )
            let start = ContinuousClock.now
            async let read = patient.get(Lease.self, name: "busy", namespace: "default")
            try await Task.sleep(for: .milliseconds(300))
            try await harness.setFaults(#"{"tooManyRequestsFraction": 0}"#)
            let lease = try await read
            let elapsed = ContinuousClock.now - start
            #expect(lease.metadata.name == "busy")
            #expect(elapsed >= .milliseconds(900))
            await patient.shutdown()
        }
    }

    @Test func `retries a reconcile from a fresh read after a 409 conflict`() async throws {
        try await withCluster { harness in
            _ = try await harness.makeLease("target", holder: "start")
            let attempts = Mutex(0)
            let registry = MetricsRegistry()
            let metrics = try await RuntimeMetrics.register(in: registry)
            let controller = Controller(name: "conflict", kind: "Lease", metrics: metrics) { request in
                var lease = try await harness.client.get(
                    Lease.self,
                    name: request.key.name,
                    namespace: request.key.namespace
                )
                let attempt = attempts.withLock { value in
                    value += 1
                    return value
                }
                if attempt == 1 { try await harness.setHolder(request.key.name, "someone-else") }
                var annotations = lease.metadata.annotations ?? [:]
                annotations["poolpilot.dev/seen-holder"] = lease.spec?.holderIdentity ?? ""
                lease.metadata.annotations = annotations
                _ = try await harness.client.update(lease)
                return .done
            }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await controller.run() }
                await controller.enqueue(ObjectKey("default/target"))
                #expect(await eventually(within: 20) { attempts.withLock { $0 } == 2 })
                #expect(await eventually(within: 20) { await controller.queue.isIdle })
                await controller.stop()
            }
            let final = try await harness.client.get(Lease.self, name: "target", namespace: "default")
            #expect(final.spec?.holderIdentity == "someone-else")
            #expect(final.metadata.annotations?["poolpilot.dev/seen-holder"] == "someone-else")
            #expect(
                await registry.value(
                    of: "poolpilot_reconcile_total",
                    labels: ["controller": "conflict", "result": "error"]
                ) == 1
            )
        }
    }

    @Test func `one of two runtimes leads, the other takes over within the lease duration, never both`() async throws {
        try await withCluster { harness in
            func elector(_ identity: String) -> (LeaderElector, KillableLeaseLock) {
                let lock = KillableLeaseLock(
                    base: KubeLeaseLock(client: harness.client, namespace: "default", name: "op")
                )
                let configuration = LeaderElectionConfiguration(
                    namespace: "default",
                    name: "op",
                    identity: identity,
                    leaseDuration: .seconds(3),
                    renewDeadline: .seconds(2),
                    retryPeriod: .milliseconds(300)
                )
                return (LeaderElector(configuration: configuration, lock: lock), lock)
            }
            let (first, firstLock) = elector("first")
            let (second, _) = elector("second")
            let bothLed = Box(false)
            let takeover = Box<Duration?>(nil)
            await withTaskGroup(of: Void.self) { group in
                group.addTask { _ = await first.run() }
                #expect(await eventually(within: 20) { first.status.isLeading })
                group.addTask { _ = await second.run() }
                let watcher = StopSignal()
                group.addTask {
                    while !watcher.isFired {
                        if first.status.isLeading && second.status.isLeading { bothLed.set(true) }
                        try? await Task.sleep(for: .milliseconds(2))
                    }
                }
                #expect(await eventually(within: 5) { second.status.observedHolder == "first" })
                #expect(!second.status.isLeading)

                let killed = ContinuousClock.now
                firstLock.isKilled.withLock { $0 = true }
                #expect(await eventually(within: 20) { second.status.isLeading })
                takeover.set(ContinuousClock.now - killed)
                #expect(!first.status.isLeading)
                watcher.fire()
                second.stop()
                first.stop()
            }
            #expect(!bothLed.value)
            let elapsed = try #require(takeover.value)
            // The lease duration after the last observed renewal, plus one jittered retry and slack for a loaded machine.
            #expect(elapsed <= .seconds(3) + .seconds(2))
            #expect(try await harness.leaseHolders()["op"] == "")
        }
    }

    @Test func `reconciles a burst of 1000 changes for 10 objects a bounded number of times`() async throws {
        try await withCluster { harness in
            let counts = Mutex<[ObjectKey: Int]>([:])
            let controller = Controller(name: "burst", kind: "Lease", workers: 2) { request in
                counts.withLock { $0[request.key, default: 0] += 1 }
                try await Task.sleep(for: .milliseconds(20))
                return .done
            }
            let informer = Informer(listWatcher: KubeListWatcher<Lease>(client: harness.client, namespace: "default"))
            informer.addHandler(enqueueing: controller) { [ObjectCache<Lease>.key(of: $0)] }
            for index in 0..<10 { _ = try await harness.makeLease("b\(index)") }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await informer.run() }
                group.addTask { await controller.run() }
                await informer.waitUntilSynced()
                try await withThrowingTaskGroup(of: Void.self) { writers in
                    for index in 0..<10 {
                        writers.addTask {
                            for round in 0..<100 { try await harness.setHolder("b\(index)", "r\(round)") }
                        }
                    }
                    try await writers.waitForAll()
                }
                #expect(await eventually(within: 30) { await converged(informer, harness) })
                #expect(await eventually(within: 30) { await controller.queue.isIdle })
                informer.stop()
                await controller.stop()
            }
            let perKey = counts.withLock { $0 }
            #expect(perKey.count == 10)
            #expect(perKey.values.reduce(0, +) < 500)
            #expect(perKey.values.allSatisfy { $0 >= 1 && $0 < 100 })
        }
    }

    @Test func `an event storm creates bounded Event objects with counts`() async throws {
        try await withCluster { harness in
            let lease = try await harness.makeLease("noisy")
            let sink = KubeEventSink(client: harness.client)
            let recorder = EventRecorder(sink: sink, controller: "poolpilot", instance: "test")
            for index in 0..<600 {
                recorder.record(
                    about: lease,
                    severity: .warning,
                    reason: "ScrapeFailed",
                    action: "Scrape",
                    note: "timed out"
                )
                if index % 150 == 149 { await recorder.flush() }
            }
            for index in 0..<60 {
                recorder.record(
                    about: lease,
                    severity: .normal,
                    reason: "Changed",
                    action: "Scale",
                    note: "step \(index)"
                )
            }
            await recorder.flush()
            let events = try await harness.client.listAll(EventsV1Event.self, namespace: "default").items
            let about = events.filter { $0.regarding?.name == "noisy" }
            #expect(about.count == 25)
            let storm = about.first { $0.reason == "ScrapeFailed" }
            #expect(storm?.series?.count == 600)
            #expect(storm?.reportingController == "poolpilot")
            #expect(await sink.isUsingCoreEvents == false)
        }
    }
}
