import Cluster
import Testing

@Suite struct ServingPoolModelTests {
    let parameters = ServerParameters(maxConcurrency: 4, prefillSecondsPerToken: 0.001, decodeSecondsPerToken: 0.01)

    @Test func `routes to the least loaded ready replica`() throws {
        var pool = ServingPoolModel(parameters: parameters)
        for name in ["pod-a", "pod-b", "pod-c"] { pool.addReplica(named: name) }
        pool.setReady(true, replica: "pod-a")
        pool.setReady(true, replica: "pod-b")
        for id in 0..<4 {
            pool.submit(SimulatedRequest(id: id, arrival: 0, inputTokens: 100, outputTokens: 100))
        }
        #expect(try #require(pool.replica(named: "pod-a")).load == 2)
        #expect(try #require(pool.replica(named: "pod-b")).load == 2)
        #expect(try #require(pool.replica(named: "pod-c")).load == 0)
        #expect(pool.snapshot.readyReplicas == 2)
        #expect(pool.snapshot.replicas == 3)
    }

    @Test func `rejects requests while no replica is ready`() {
        var pool = ServingPoolModel(parameters: parameters)
        pool.addReplica(named: "pod-a")
        pool.submit(SimulatedRequest(id: 0, arrival: 1, inputTokens: 10, outputTokens: 10))
        #expect(pool.records.map(\.outcome) == [.rejected])
    }

    @Test func `a removed ready replica drains what it holds`() {
        var pool = ServingPoolModel(parameters: parameters)
        pool.addReplica(named: "pod-a")
        pool.setReady(true, replica: "pod-a")
        pool.submit(SimulatedRequest(id: 0, arrival: 0, inputTokens: 100, outputTokens: 100))
        pool.removeReplica(named: "pod-a")
        #expect(pool.replicaNames.isEmpty)
        pool.advance(to: 10)
        #expect(pool.records.map(\.outcome) == [.completed])
        #expect(pool.replica(named: "pod-a") == nil)
    }

    @Test func `more replicas cut the waiting queue under the same load`() {
        func waiting(replicas: Int) -> Int {
            var pool = ServingPoolModel(parameters: parameters)
            for index in 0..<replicas {
                pool.addReplica(named: "pod-\(index)")
                pool.setReady(true, replica: "pod-\(index)")
            }
            let load = LoadPattern.constant(rate: 20).requests(duration: 10, inputTokens: 200, outputTokens: 100)
            for request in load { pool.submit(request) }
            return pool.snapshot.waiting
        }
        #expect(waiting(replicas: 1) > 50)
        #expect(waiting(replicas: 8) == 0)
    }
}
