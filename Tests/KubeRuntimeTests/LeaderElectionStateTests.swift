import Foundation
import KubeRuntime
import Testing

@Suite struct LeaderElectionStateTests {
    let configuration = LeaderElectionConfiguration(namespace: "ns", name: "op", identity: "a")
    let start = ContinuousClock.now
    let wall = Date(timeIntervalSince1970: 1_767_225_600)

    @Test func `creates a missing lease and leads once the create succeeds`() throws {
        var state = LeaderElectionState(configuration: configuration)
        #expect(state.willAttempt(now: start, wallTime: wall) == .fetchLease)
        let action = state.leaseFetched(nil, resourceVersion: nil, now: start, wallTime: wall)
        guard case .createLease(let record) = action else {
            Issue.record("expected a create, got \(action)")
            return
        }
        #expect(record.holderIdentity == "a" && record.leaseDurationSeconds == 15 && record.leaseTransitions == 0)
        #expect(state.leaseWritten(record, resourceVersion: "1", now: start) == .startedLeading)
        #expect(state.isLeader)
        #expect(state.leadingUntil == start.advanced(by: .seconds(10)))
    }

    @Test func `stands by while another holder's lease is valid and takes over after the lease duration`() {
        var state = LeaderElectionState(configuration: configuration)
        let other = LeaseRecord(holderIdentity: "b", leaseDurationSeconds: 15, acquireTime: wall, renewTime: wall)
        #expect(state.leaseFetched(other, resourceVersion: "7", now: start, wallTime: wall) == .standBy(holder: "b"))
        let later = start.advanced(by: .seconds(14))
        #expect(state.leaseFetched(other, resourceVersion: "7", now: later, wallTime: wall) == .standBy(holder: "b"))
        let expired = start.advanced(by: .seconds(15))
        let action = state.leaseFetched(other, resourceVersion: "7", now: expired, wallTime: wall)
        guard case .updateLease(let record, let resourceVersion) = action else {
            Issue.record("expected an update, got \(action)")
            return
        }
        #expect(record.holderIdentity == "a" && record.leaseTransitions == 1 && resourceVersion == "7")
    }

    @Test func `measures validity from the last observed change, not the holder's renew time`() {
        var state = LeaderElectionState(configuration: configuration)
        var other = LeaseRecord(holderIdentity: "b", leaseDurationSeconds: 15, renewTime: wall)
        _ = state.leaseFetched(other, resourceVersion: "7", now: start, wallTime: wall)
        other.renewTime = wall.addingTimeInterval(-3600)
        let renewedLater = start.advanced(by: .seconds(10))
        #expect(
            state.leaseFetched(other, resourceVersion: "8", now: renewedLater, wallTime: wall) == .standBy(holder: "b")
        )
        let stillValid = start.advanced(by: .seconds(24))
        #expect(
            state.leaseFetched(other, resourceVersion: "8", now: stillValid, wallTime: wall) == .standBy(holder: "b")
        )
    }

    @Test func `takes a released lease at once`() {
        var state = LeaderElectionState(configuration: configuration)
        let released = LeaseRecord(holderIdentity: "", leaseDurationSeconds: 1, leaseTransitions: 4)
        let action = state.leaseFetched(released, resourceVersion: "9", now: start, wallTime: wall)
        guard case .updateLease(let record, _) = action else {
            Issue.record("expected an update, got \(action)")
            return
        }
        #expect(record.holderIdentity == "a" && record.leaseTransitions == 5)
    }

    @Test func `stops leading when renewals fail past the renew deadline`() {
        var state = LeaderElectionState(configuration: configuration)
        _ = state.leaseFetched(nil, resourceVersion: nil, now: start, wallTime: wall)
        _ = state.leaseWritten(
            LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15),
            resourceVersion: "1",
            now: start
        )
        guard case .updateLease = state.willAttempt(now: start.advanced(by: .seconds(2)), wallTime: wall) else {
            Issue.record("a leader renews from its cached record")
            return
        }
        #expect(state.leaseWriteFailed(now: start.advanced(by: .seconds(2))) == .retry)
        #expect(state.isLeader)
        #expect(state.willAttempt(now: start.advanced(by: .seconds(4)), wallTime: wall) == .fetchLease)
        #expect(state.leaseFetchFailed(now: start.advanced(by: .seconds(6))) == .retry)
        #expect(state.leaseFetchFailed(now: start.advanced(by: .seconds(10))) == .stoppedLeading)
        #expect(!state.isLeader)
    }

    @Test func `releases the lease on shut down only when leading`() {
        var follower = LeaderElectionState(configuration: configuration)
        #expect(follower.willShutDown(wallTime: wall) == .none)
        var leader = LeaderElectionState(configuration: configuration)
        _ = leader.leaseWritten(
            LeaseRecord(holderIdentity: "a", leaseDurationSeconds: 15),
            resourceVersion: "3",
            now: start
        )
        let action = leader.willShutDown(wallTime: wall)
        guard case .releaseLease(let record, let resourceVersion) = action else {
            Issue.record("expected a release, got \(action)")
            return
        }
        #expect(record.holderIdentity == "" && record.leaseDurationSeconds == 1 && resourceVersion == "3")
    }

    @Test func `rejects timings client-go would reject`() {
        #expect(configuration.isValid)
        var bad = configuration
        bad.renewDeadline = .seconds(20)
        #expect(!bad.isValid)
    }
}
