import KubeRuntime
import Synchronization
import Telemetry
import Testing

/// Records reconcile calls and the peak number running at once.
final class ReconcileLog: Sendable {
    private let state = Mutex<(calls: [ObjectKey], running: Int, peak: Int, perKeyPeak: Int, perKey: [ObjectKey: Int])>(
        ([], 0, 0, 0, [:])
    )

    func started(_ key: ObjectKey) {
        state.withLock { state in
            state.calls.append(key)
            state.running += 1
            state.peak = max(state.peak, state.running)
            state.perKey[key, default: 0] += 1
            state.perKeyPeak = max(state.perKeyPeak, state.perKey[key, default: 0])
        }
    }

    func finished(_ key: ObjectKey) {
        state.withLock { state in
            state.running -= 1
            state.perKey[key, default: 0] -= 1
        }
    }

    var calls: [ObjectKey] { state.withLock { $0.calls } }
    var peak: Int { state.withLock { $0.peak } }
    var perKeyPeak: Int { state.withLock { $0.perKeyPeak } }
}

enum FlakyError: Error { case boom }

@Suite struct ControllerTests {
    @Test func `runs keys on several workers but never one key twice at once`() async throws {
        let log = ReconcileLog()
        let controller = Controller(name: "t", kind: "Pod", workers: 4, clock: ManualClock()) { request in
            log.started(request.key)
            try? await Task.sleep(for: .milliseconds(2))
            log.finished(request.key)
            return .done
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            for round in 0..<50 {
                await controller.enqueue(ObjectKey(namespace: "ns", name: "k\(round % 5)"))
            }
            #expect(await eventually { await controller.queue.isIdle })
            await controller.stop()
        }
        #expect(log.perKeyPeak == 1)
        #expect(log.calls.count <= 50 && Set(log.calls).count == 5)
    }

    @Test func `retries failures with backoff and forgets after success`() async throws {
        let clock = ManualClock()
        let attempts = Mutex(0)
        let registry = MetricsRegistry()
        let metrics = try await RuntimeMetrics.register(in: registry)
        let controller = Controller(name: "t", kind: "Pod", clock: clock, metrics: metrics) { _ in
            let attempt = attempts.withLock { value in
                value += 1
                return value
            }
            if attempt < 3 { throw FlakyError.boom }
            return .done
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            await controller.enqueue(ObjectKey("a/b"))
            for expected in 1...2 {
                #expect(await eventually { attempts.withLock { $0 } == expected && clock.sleeperCount == 1 })
                clock.advanceToNextDeadline()
            }
            #expect(await eventually { attempts.withLock { $0 } == 3 })
            #expect(await eventually { await controller.queue.isIdle })
            #expect(await controller.queue.failureCount(of: ObjectKey("a/b")) == 0)
            await controller.stop()
        }
        #expect(
            await registry.value(of: "poolpilot_reconcile_total", labels: ["controller": "t", "result": "error"]) == 2
        )
        #expect(
            await registry.value(of: "poolpilot_reconcile_total", labels: ["controller": "t", "result": "success"]) == 1
        )
    }

    @Test func `does not retry a terminal error and logs it once at error level`() async throws {
        let capture = LogCapture()
        let calls = Mutex(0)
        let controller = Controller(
            name: "pools",
            kind: "InferencePool",
            clock: ManualClock(),
            logger: Logger(level: .debug, sink: .capture(capture))
        ) { _ in
            calls.withLock { $0 += 1 }
            throw ReconcileError.terminal(reason: "invalid spec", underlying: nil)
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            await controller.enqueue(ObjectKey("ml/chat"))
            #expect(await eventually { await controller.queue.isIdle && calls.withLock { $0 } == 1 })
            #expect(await controller.queue.delayedCount == 0)
            await controller.stop()
        }
        let errors = capture.records.filter { $0["level"] as? String == "error" }
        #expect(errors.count == 1)
        let record = try #require(errors.first)
        #expect(record["msg"] as? String == "reconcile failed permanently")
        #expect(record["object.kind"] as? String == "InferencePool")
        #expect(record["object.namespace"] as? String == "ml")
        #expect(record["object.name"] as? String == "chat")
        #expect(record["controller"] as? String == "pools")
        #expect((record["reconcile.id"] as? String)?.isEmpty == false)
    }

    @Test func `requeues after the asked delay`() async {
        let clock = ManualClock()
        let calls = Mutex(0)
        let controller = Controller(name: "t", kind: "Pod", clock: clock) { _ in
            calls.withLock { $0 += 1 }
            return .requeueAfter(.seconds(30))
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            await controller.enqueue(ObjectKey("a/b"))
            #expect(await eventually { calls.withLock { $0 } == 1 && clock.sleeperCount == 1 })
            #expect(clock.nextDeadline == clock.now.advanced(by: .seconds(30)))
            clock.advance(by: .seconds(30))
            #expect(await eventually { calls.withLock { $0 } == 2 })
            await controller.stop()
        }
    }

    @Test func `collapses a burst of 1000 events for 10 keys into few reconciles`() async {
        let log = ReconcileLog()
        let controller = Controller(name: "t", kind: "Pod", workers: 2, clock: ManualClock()) { request in
            log.started(request.key)
            try? await Task.sleep(for: .milliseconds(1))
            log.finished(request.key)
            return .done
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            for event in 0..<1000 {
                await controller.enqueue(ObjectKey(namespace: "ns", name: "pool-\(event % 10)"))
            }
            #expect(await eventually { await controller.queue.isIdle })
            await controller.stop()
        }
        let perKey = Dictionary(grouping: log.calls, by: { $0 }).mapValues(\.count)
        #expect(perKey.count == 10)
        #expect(perKey.values.allSatisfy { $0 >= 1 && $0 <= 20 })
        #expect(log.calls.count < 200)
    }

    @Test func `finishes an in-flight reconcile after stop`() async {
        let started = Mutex(false)
        let finished = Mutex(false)
        let release = AsyncStream<Void>.makeStream()
        let controller = Controller(name: "t", kind: "Pod", clock: ManualClock()) { _ in
            started.withLock { $0 = true }
            for await _ in release.stream { break }
            finished.withLock { $0 = true }
            return .done
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await controller.run() }
            await controller.enqueue(ObjectKey("a/b"))
            #expect(await eventually { started.withLock { $0 } })
            await controller.stop()
            release.continuation.yield()
            await group.waitForAll()
        }
        #expect(finished.withLock { $0 })
    }
}
