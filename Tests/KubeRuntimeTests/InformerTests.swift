import Kube
import KubeRuntime
import Synchronization
import Testing

/// Collects informer events.
final class EventLog: Sendable {
    let events = Mutex<[String]>([])

    func handler(_ event: InformerEvent<Pod>) async {
        let name = event.object.metadata.name ?? ""
        let line: String
        switch event {
        case .added: line = "added \(name)"
        case .updated: line = "updated \(name)"
        case .deleted: line = "deleted \(name)"
        }
        events.withLock { $0.append(line) }
    }

    var all: [String] { events.withLock { $0 } }
}

/// Whether the clock's next sleeper wakes `duration` from now, within a microsecond.
func waits(_ clock: ManualClock, about duration: Duration) -> Bool {
    guard let deadline = clock.nextDeadline else { return false }
    let difference = (deadline - clock.now) - duration
    return difference < .microseconds(1) && difference > .microseconds(-1)
}

@Suite struct InformerTests {
    func start(_ fake: FakeListWatcher, _ log: EventLog, clock: ManualClock = ManualClock()) -> Informer<Pod> {
        let informer = Informer(listWatcher: fake, clock: clock, jitter: { 1 })
        informer.addHandler { await log.handler($0) }
        return informer
    }

    @Test func `lists, then delivers watched changes in order`() async {
        let fake = FakeListWatcher()
        fake.apply("a")
        let log = EventLog()
        let informer = start(fake, log)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            fake.apply("b")
            fake.apply("a", labels: ["x": "1"])
            fake.apply("b", deleting: true)
            #expect(await eventually { log.all.count == 4 })
            informer.stop()
        }
        #expect(log.all == ["added a", "added b", "updated a", "deleted b"])
        #expect(await informer.cache.keys == [ObjectKey("ns/a")])
        #expect(await informer.cache.objects(matchingLabels: ["x": "1"]).count == 1)
    }

    @Test func `resumes a cut watch from the last resourceVersion without missing events`() async {
        let fake = FakeListWatcher()
        fake.state.withLock { $0.cutAfterEvents = 3 }
        let log = EventLog()
        let informer = start(fake, log)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            for index in 0..<20 { fake.apply("p\(index)") }
            #expect(await eventually { await informer.cache.count == 20 })
            informer.stop()
        }
        #expect(log.all == (0..<20).map { "added p\($0)" })
        let (lists, watches) = fake.state.withLock { ($0.lists, $0.watches) }
        #expect(lists == 1)
        #expect(watches.count > 3)
        #expect(Set(watches).count == watches.count)
    }

    @Test func `relists after history is compacted and converges`() async {
        let fake = FakeListWatcher()
        fake.apply("a")
        fake.apply("b")
        let log = EventLog()
        let clock = ManualClock()
        let informer = start(fake, log, clock: clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            fake.state.withLock { $0.cutAfterEvents = 0 }
            fake.apply("c")
            fake.apply("a", deleting: true)
            fake.compact()
            fake.state.withLock { $0.cutAfterEvents = nil }
            // Watches closed at once back off on the manual clock; move it along.
            #expect(
                await eventually {
                    clock.advanceToNextDeadline()
                    return fake.state.withLock { $0.lists } == 2
                }
            )
            #expect(await eventually { await informer.cache.keys == [ObjectKey("ns/b"), ObjectKey("ns/c")] })
            informer.stop()
        }
        #expect(log.all.contains("added c") && log.all.contains("deleted a"))
    }

    @Test func `backs off after watch failures and recovers`() async {
        let clock = ManualClock()
        let fake = FakeListWatcher()
        fake.state.withLock { $0.failuresLeft = 2 }
        let log = EventLog()
        let informer = start(fake, log, clock: clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            #expect(await eventually { clock.sleeperCount == 1 })
            #expect(waits(clock, about: .milliseconds(800)))
            clock.advanceToNextDeadline()
            #expect(await eventually { clock.sleeperCount == 1 })
            #expect(waits(clock, about: .milliseconds(1600)))
            clock.advanceToNextDeadline()
            fake.apply("late")
            #expect(await eventually { await informer.cache.count == 1 })
            informer.stop()
        }
    }

    @Test func `replays the cache as updates on each resync`() async {
        let clock = ManualClock()
        let fake = FakeListWatcher()
        fake.apply("a")
        fake.apply("b")
        let log = EventLog()
        let informer = Informer(listWatcher: fake, resyncPeriod: .seconds(60), clock: clock, jitter: { 1 })
        informer.addHandler { await log.handler($0) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            #expect(await eventually { clock.sleeperCount == 1 })
            clock.advance(by: .seconds(60))
            #expect(await eventually { log.all.count == 4 })
            informer.stop()
        }
        #expect(log.all == ["added a", "added b", "updated a", "updated b"])
    }

    @Test func `maps events to controller keys`() async {
        let fake = FakeListWatcher()
        fake.apply("chat-0", labels: ["pool": "chat"])
        fake.apply("chat-1", labels: ["pool": "chat"])
        fake.apply("embed-0", labels: ["pool": "embed"])
        let controller = Controller(name: "t", kind: "InferencePool", clock: ManualClock()) { _ in .done }
        let informer = Informer(listWatcher: fake, clock: ManualClock())
        informer.addHandler(enqueueing: controller) { pod in
            pod.metadata.labels?["pool"].map { [ObjectKey(namespace: pod.metadata.namespace, name: $0)] } ?? []
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await informer.run() }
            await informer.waitUntilSynced()
            #expect(await eventually { await controller.queue.depth == 2 })
            informer.stop()
        }
        #expect(await informer.cache.objects(in: ObjectCache<Pod>.labelIndex, value: "pool=chat").count == 2)
    }
}
