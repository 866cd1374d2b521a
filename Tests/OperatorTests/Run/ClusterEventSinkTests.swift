import Foundation
import Operator
import Testing
import YAML

@Suite struct ClusterEventSinkTests {
    @Test func `repeats bump one Event's count instead of creating more`() async throws {
        let cluster = FakeCluster()
        let sink = ClusterEventSink(access: cluster, clock: ClusterFixtures.clock)
        let event = PlannedEvent(.MetricsUnavailable, "Signals could not be read.")
        for _ in 0..<5 { await sink.record(event, namespace: "default", name: "llama", uid: "u1") }
        await sink.record(PlannedEvent(.ScaledUp, "2 to 4."), namespace: "default", name: "llama", uid: "u1")
        let events = try await cluster.list(.coreEvents, namespace: "default", labelSelector: nil)
        #expect(events.count == 2)
        let repeated = try #require(events.first { $0["reason"] == "MetricsUnavailable" })
        #expect(repeated["count"] == 5)
        #expect(repeated.value(at: ["involvedObject", "kind"]) == "InferencePool")
        #expect(repeated.value(at: ["involvedObject", "uid"]) == "u1")
        #expect(repeated["type"] == "Warning")
    }
}
