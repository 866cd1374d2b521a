import Cluster
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let time = Mutex(0.0)

    func set(_ value: Double) { time.withLock { $0 = value } }
    func read() -> Double { time.withLock { $0 } }
}

@Suite struct InferenceFleetTests {
    let key = InferenceFleet.PoolKey(namespace: "ml", name: "llama")

    func fleet(_ clock: ManualClock, kind: ServerKind = .vllm) async -> InferenceFleet {
        let fleet = InferenceFleet(clock: { clock.read() })
        let parameters = ServerParameters(maxConcurrency: 4, prefillSecondsPerToken: 0.001, decodeSecondsPerToken: 0.01)
        await fleet.configurePool(key, settings: .init(kind: kind, modelName: "llama", parameters: parameters))
        return fleet
    }

    @Test func `replays a step load into ready replicas and reports stats`() async throws {
        let clock = ManualClock()
        let fleet = await fleet(clock)
        await fleet.addReplica("llama-a", to: key)
        await fleet.setReady(true, pod: "llama-a")
        var spec = LoadSpec()
        spec.pattern = "step"
        spec.before = 1
        spec.after = 10
        spec.at = 5
        spec.duration = 10
        spec.inputTokens = 100
        spec.outputTokens = 100
        try await fleet.setLoad(key, spec: spec, specKey: "v1")

        clock.set(4.99)
        let quiet = try #require(await fleet.stats(key))
        #expect(quiet.waiting == 0)
        clock.set(10)
        let busy = try #require(await fleet.stats(key))
        #expect(busy.arrivals >= 54)
        #expect(busy.waiting > 20)
        #expect(busy.arrivalRate > 9)
        #expect(busy.readyReplicas == 1)
        #expect(busy.isLoadComplete)
        #expect(busy.finished > 0)
    }

    @Test func `the same load key does not restart the load`() async throws {
        let clock = ManualClock()
        let fleet = await fleet(clock)
        var spec = LoadSpec()
        spec.pattern = "constant"
        spec.rate = 2
        spec.duration = 10
        try await fleet.setLoad(key, spec: spec, specKey: "a")
        clock.set(5)
        try await fleet.setLoad(key, spec: spec, specKey: "a")
        let stats = try #require(await fleet.stats(key))
        #expect(stats.arrivals >= 9)
        #expect(stats.rejected == stats.arrivals)
    }

    @Test func `serves each pod's metrics in its server's format`() async throws {
        let clock = ManualClock()
        let fleet = await fleet(clock, kind: .triton)
        await fleet.addReplica("llama-a", to: key)
        let metrics = try #require(await fleet.metrics(pod: "llama-a"))
        #expect(metrics.body.contains("nv_inference_pending_request_count{model=\"llama\",version=\"1\"} 0\n"))
        #expect(await fleet.metrics(pod: "other") == nil)
        #expect(await fleet.isReady(pod: "llama-a") == false)
    }

    @Test func `parses load annotations and rejects unknown patterns`() throws {
        let spec = try LoadSpec.parse(#"{"trace":"azure-conv-2023","start":600,"duration":60,"speedUp":4}"#)
        let requests = try spec.requests(origin: 0, trace: { try RequestTrace.azureConversation2023() })
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.arrival < 15 })
        #expect(throws: SimulationError.self) { try LoadSpec.parse(#"{"pattern":"zigzag"}"#).loadPattern() }
    }
}
