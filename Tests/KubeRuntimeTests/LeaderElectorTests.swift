import Foundation
import KubeRuntime
import Synchronization
import Testing

/// An in-memory Lease with optimistic concurrency, shared by several electors.
final class MemoryLeaseLock: LeaseLock, Sendable {
    struct Stored {
        var record: LeaseRecord
        var resourceVersion: Int
    }

    let stored = Mutex<Stored?>(nil)
    let writes = Mutex<[String]>([])
    let isFailing = Mutex(false)

    var description: String { "ns/op" }

    func fetch() async throws -> (record: LeaseRecord, resourceVersion: String?)? {
        if isFailing.withLock({ $0 }) { throw RuntimeError.unsupported("injected") }
        return stored.withLock { $0.map { ($0.record, String($0.resourceVersion)) } }
    }

    func create(_ record: LeaseRecord) async throws -> String? {
        if isFailing.withLock({ $0 }) { throw RuntimeError.unsupported("injected") }
        return try stored.withLock { stored in
            guard stored == nil else { throw RuntimeError.invalidConfiguration("exists") }
            stored = Stored(record: record, resourceVersion: 1)
            writes.withLock { $0.append(record.holderIdentity) }
            return "1"
        }
    }

    func update(_ record: LeaseRecord, resourceVersion: String?) async throws -> String? {
        if isFailing.withLock({ $0 }) { throw RuntimeError.unsupported("injected") }
        return try stored.withLock { stored in
            guard let current = stored, String(current.resourceVersion) == resourceVersion else {
                throw RuntimeError.invalidConfiguration("conflict")
            }
            stored = Stored(record: record, resourceVersion: current.resourceVersion + 1)
            writes.withLock { $0.append(record.holderIdentity) }
            return String(current.resourceVersion + 1)
        }
    }
}

@Suite struct LeaderElectorTests {
    func elector(_ identity: String, _ lock: MemoryLeaseLock, _ clock: ManualClock) -> LeaderElector {
        LeaderElector(
            configuration: LeaderElectionConfiguration(namespace: "ns", name: "op", identity: identity),
            lock: lock,
            clock: clock,
            jitter: { 1 }
        )
    }

    @Test func `one of two electors leads and the other takes over after the leader stops`() async {
        let clock = ManualClock()
        let lock = MemoryLeaseLock()
        let first = elector("a", lock, clock)
        let second = elector("b", lock, clock)
        await withTaskGroup(of: LeaderElector.Outcome.self) { group in
            group.addTask { await first.run() }
            #expect(await eventually { first.status.isLeading && clock.sleeperCount == 1 })
            group.addTask { await second.run() }
            #expect(await eventually { clock.sleeperCount == 2 })
            #expect(!second.status.isLeading)
            #expect(second.status.observedHolder == "a")

            first.stop()
            #expect(await eventually { lock.stored.withLock { $0?.record.holderIdentity } == "" })
            #expect(!first.status.isLeading)
            clock.advance(by: .seconds(2))
            #expect(await eventually { second.status.isLeading })
            second.stop()
            clock.advance(by: .seconds(2))
        }
    }

    @Test func `a follower waits the full lease duration when the leader vanishes without releasing`() async {
        let clock = ManualClock()
        let lock = MemoryLeaseLock()
        lock.stored.withLock {
            $0 = MemoryLeaseLock.Stored(
                record: LeaseRecord(holderIdentity: "gone", leaseDurationSeconds: 15),
                resourceVersion: 5
            )
        }
        let follower = elector("b", lock, clock)
        await withTaskGroup(of: LeaderElector.Outcome.self) { group in
            group.addTask { await follower.run() }
            for _ in 0..<8 {
                #expect(await eventually { clock.sleeperCount == 1 })
                #expect(!follower.status.isLeading)
                clock.advance(by: .seconds(2))
            }
            #expect(await eventually { follower.status.isLeading })
            follower.stop()
        }
        #expect(lock.writes.withLock { $0 }.first == "b")
    }

    @Test func `a leader that cannot renew stops leading before its lease could be taken`() async {
        let clock = ManualClock()
        let lock = MemoryLeaseLock()
        let leader = elector("a", lock, clock)
        let outcome = await withTaskGroup(of: LeaderElector.Outcome.self) { group in
            group.addTask { await leader.run() }
            #expect(await eventually { leader.status.isLeading && clock.sleeperCount == 1 })
            lock.isFailing.withLock { $0 = true }
            clock.advance(by: .seconds(9))
            #expect(leader.status.isLeading)
            #expect(await eventually { clock.sleeperCount == 1 && clock.nextDeadline == clock.now + .seconds(2) })
            clock.advance(by: .seconds(1))
            #expect(!leader.status.isLeading)
            clock.advance(by: .seconds(1))
            return await group.next() ?? .stopped
        }
        #expect(outcome == .lost)
    }
}
