import HTTP
import Kube
import KubeRuntime
import Synchronization
import Telemetry
import Testing

@Suite struct HealthEndpointsTests {
    @Test func `answers health, readiness and metrics`() async throws {
        let registry = MetricsRegistry()
        let counter = try await registry.makeCounter("poolpilot_test_total", help: "Test.")
        counter.increment()
        let ready = Mutex(false)
        let endpoints = HealthEndpoints(addresses: [], registry: registry) {
            ready.withLock { $0 } ? nil : "not the leader"
        }
        #expect(await endpoints.handle(HTTPServerRequest(method: "GET", target: "/healthz")).status == 200)
        let notReady = await endpoints.handle(HTTPServerRequest(method: "GET", target: "/readyz"))
        #expect(notReady.status == 503)
        ready.withLock { $0 = true }
        #expect(await endpoints.handle(HTTPServerRequest(method: "GET", target: "/readyz")).status == 200)
        let metrics = await endpoints.handle(HTTPServerRequest(method: "GET", target: "/metrics"))
        #expect(metrics.status == 200)
        #expect(metrics.headers["Content-Type"] == MetricsRegistry.contentType)
        guard case .bytes(let body) = metrics.body else {
            Issue.record("metrics must be a complete body")
            return
        }
        #expect(String(decoding: body, as: UTF8.self).contains("poolpilot_test_total 1"))
        #expect(await endpoints.handle(HTTPServerRequest(method: "GET", target: "/nope")).status == 404)
    }
}

@Suite struct ManagerTests {
    @Test func `starts controllers after sync, reports ready, and stops gracefully`() async throws {
        let fake = FakeListWatcher()
        fake.apply("a")
        let finished = Mutex(0)
        let release = StopSignal()
        let controller = Controller(name: "m", kind: "Pod") { _ in
            await release.wait()
            finished.withLock { $0 += 1 }
            return .done
        }
        let informer = Informer(listWatcher: fake)
        informer.addHandler(enqueueing: controller) { [ObjectCache<Pod>.key(of: $0)] }
        let registry = MetricsRegistry()
        let manager = try Manager(
            configuration: ManagerConfiguration(
                endpointAddresses: [ListenAddress(host: "127.0.0.1", port: 0)],
                handlesSignals: false
            ),
            registry: registry
        )
        manager.add(informer: informer)
        manager.add(controller: controller)
        let outcome = try await withThrowingTaskGroup(of: Manager.Outcome?.self) { group in
            group.addTask { try await manager.run() }
            #expect(await eventually { manager.readiness() == nil })
            #expect(await eventually { await controller.queue.inProgressCount == 1 })
            let port = try #require(manager.endpointPorts.first)
            let http = HTTPClient()
            let ready = try await http.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/readyz"))
            let scraped = try await http.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/metrics"))
            http.shutdown()
            #expect(ready.status == 200, "\(String(decoding: ready.body, as: UTF8.self))")
            #expect(scraped.status == 200)
            manager.stop()
            #expect(manager.readiness() == "shutting down")
            release.fire()
            return try await group.next() ?? nil
        }
        #expect(outcome == .stopped)
        #expect(finished.withLock { $0 } == 1)
    }

    @Test func `a follower keeps its cache warm but is not ready`() async throws {
        let lock = MemoryLeaseLock()
        lock.stored.withLock {
            $0 = MemoryLeaseLock.Stored(
                record: LeaseRecord(holderIdentity: "other", leaseDurationSeconds: 15),
                resourceVersion: 1
            )
        }
        let fake = FakeListWatcher()
        fake.apply("a")
        let calls = Mutex(0)
        let controller = Controller(name: "f", kind: "Pod") { _ in
            calls.withLock { $0 += 1 }
            return .done
        }
        let informer = Informer(listWatcher: fake)
        informer.addHandler(enqueueing: controller) { [ObjectCache<Pod>.key(of: $0)] }
        let manager = try Manager(
            configuration: ManagerConfiguration(
                leaderElection: LeaderElectionConfiguration(namespace: "ns", name: "op", identity: "me"),
                handlesSignals: false
            ),
            lock: lock
        )
        manager.add(informer: informer)
        manager.add(controller: controller)
        let outcome = try await withThrowingTaskGroup(of: Manager.Outcome?.self) { group in
            group.addTask { try await manager.run() }
            #expect(await eventually { manager.readiness() == "not the leader" })
            #expect(await informer.cache.count == 1)
            manager.stop()
            return try await group.next() ?? nil
        }
        #expect(outcome == .stopped)
        #expect(calls.withLock { $0 } == 0)
    }

    @Test func `cancels reconciles and reports the loss when the lease cannot be renewed`() async throws {
        let clock = ManualClock()
        let lock = MemoryLeaseLock()
        let fake = FakeListWatcher()
        fake.apply("a")
        let started = Mutex(false)
        let controller = Controller(name: "l", kind: "Pod") { _ in
            started.withLock { $0 = true }
            try await Task.sleep(for: .seconds(3600))
            return .done
        }
        let informer = Informer(listWatcher: fake)
        informer.addHandler(enqueueing: controller) { [ObjectCache<Pod>.key(of: $0)] }
        let manager = try Manager(
            configuration: ManagerConfiguration(
                leaderElection: LeaderElectionConfiguration(namespace: "ns", name: "op", identity: "me"),
                handlesSignals: false
            ),
            lock: lock,
            clock: clock
        )
        manager.add(informer: informer)
        manager.add(controller: controller)
        let outcome = try await withThrowingTaskGroup(of: Manager.Outcome?.self) { group in
            group.addTask { try await manager.run() }
            #expect(await eventually { started.withLock { $0 } && clock.sleeperCount == 1 })
            lock.isFailing.withLock { $0 = true }
            for _ in 0..<5 {
                #expect(await eventually { clock.sleeperCount == 1 })
                clock.advance(by: .seconds(2))
            }
            #expect(!manager.leadership.isLeading)
            return try await group.next() ?? nil
        }
        #expect(outcome == .leadershipLost)
    }

    @Test func `rejects invalid election timings`() {
        var election = LeaderElectionConfiguration(namespace: "ns", name: "op", identity: "me")
        election.renewDeadline = .seconds(30)
        #expect(throws: RuntimeError.self) {
            try Manager(configuration: ManagerConfiguration(leaderElection: election), lock: MemoryLeaseLock())
        }
    }
}
