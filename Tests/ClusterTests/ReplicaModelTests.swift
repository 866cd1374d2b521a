import Cluster
import Testing

@Suite struct ReplicaModelTests {
    let parameters = ServerParameters(
        maxConcurrency: 2,
        prefillSecondsPerToken: 0.001,
        decodeSecondsPerToken: 0.01,
        batchSlowdown: 0,
        kvCacheTokens: 10_000
    )

    func request(_ id: Int, at arrival: Double, input: Int = 100, output: Int = 101) -> SimulatedRequest {
        SimulatedRequest(id: id, arrival: arrival, inputTokens: input, outputTokens: output)
    }

    @Test func `serves a lone request in prefill plus decode time`() throws {
        var replica = ReplicaModel(name: "pod-a", parameters: parameters)
        replica.isReady = true
        replica.submit(request(1, at: 0))
        #expect(replica.runningCount == 1)
        replica.advance(to: 10)

        let record = try #require(replica.takeFinishedRecords().first)
        #expect(record.outcome == .completed)
        #expect(abs(try #require(record.timeToFirstToken) - 0.1) < 1e-9)
        #expect(abs(try #require(record.latency) - 1.1) < 1e-9)
        #expect(replica.counters.succeeded == 1)
        #expect(replica.counters.promptTokens == 100)
        #expect(replica.counters.generationTokens == 101)
    }

    @Test func `queues requests beyond the concurrency limit and admits them as slots free`() throws {
        var replica = ReplicaModel(name: "pod-a", parameters: parameters)
        replica.isReady = true
        for id in 0..<3 { replica.submit(request(id, at: 0)) }
        #expect(replica.runningCount == 2)
        #expect(replica.waitingCount == 1)

        replica.advance(to: 1.2)
        #expect(replica.runningCount == 1)
        #expect(replica.waitingCount == 0)
        replica.advance(to: 5)
        let third = try #require(replica.takeFinishedRecords().first { $0.request.id == 2 })
        #expect(abs(try #require(third.queueSeconds) - 1.1) < 1e-9)
        #expect(replica.counters.queueTime.count == 3)
    }

    @Test func `a loading replica admits nothing until ready`() {
        var replica = ReplicaModel(name: "pod-a", parameters: parameters)
        replica.submit(request(1, at: 0))
        replica.advance(to: 5)
        #expect(replica.runningCount == 0)
        #expect(replica.waitingCount == 1)

        replica.isReady = true
        replica.advance(to: 5)
        #expect(replica.runningCount == 1)
    }

    @Test func `kv cache and gpu memory grow with running requests`() {
        var replica = ReplicaModel(name: "pod-a", parameters: parameters)
        replica.isReady = true
        let idleMemory = replica.gpuMemoryUsedBytes
        replica.submit(request(1, at: 0, input: 1000, output: 500))
        replica.advance(to: 1.0)
        let early = replica.kvCacheTokensInUse
        replica.advance(to: 3.0)
        #expect(early >= 1000)
        #expect(replica.kvCacheTokensInUse > early)
        #expect(replica.kvCacheUsage > 0.1)
        #expect(replica.gpuMemoryUsedBytes > idleMemory)
    }

    @Test func `admission waits when the kv cache cannot hold the next request`() {
        var small = parameters
        small.kvCacheTokens = 300
        var replica = ReplicaModel(name: "pod-a", parameters: small)
        replica.isReady = true
        replica.submit(request(1, at: 0))
        replica.submit(request(2, at: 0))
        #expect(replica.runningCount == 1)
        #expect(replica.waitingCount == 1)
    }

    @Test func `aborting returns every held request`() {
        var replica = ReplicaModel(name: "pod-a", parameters: parameters)
        replica.isReady = true
        for id in 0..<3 { replica.submit(request(id, at: 0)) }
        let records = replica.abortAll()
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.outcome == .aborted })
        #expect(replica.load == 0)
        #expect(replica.counters.aborted == 3)
    }

    @Test func `bigger batches decode each token slower`() {
        let slow = ServerParameters(decodeSecondsPerToken: 0.01, batchSlowdown: 0.1)
        #expect(slow.decodeSecondsPerToken(running: 1) == 0.01)
        #expect(abs(slow.decodeSecondsPerToken(running: 11) - 0.02) < 1e-12)
    }
}
