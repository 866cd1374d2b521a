import Foundation
import HTTP
import Testing

@testable import Kube

@Suite struct KubeClientRetryTests {
    @Test func `retries 5xx and 429 for a GET, honouring Retry-After`() async throws {
        let transport = FakeTransport { _, index in
            switch index {
            case 0: return .json(503, "")
            case 1: return .json(429, #"{"kind":"Status","code":429}"#, headers: ["Retry-After": "2"])
            default: return .json(200, deploymentJSON("web"))
            }
        }
        let sleeps = SleepRecorder()
        let client = KubeClient.testing(transport, sleeps: sleeps)
        let deployment = try await client.get(Deployment.self, name: "web", namespace: "ml")
        #expect(deployment.metadata.name == "web")
        #expect(transport.requests.count == 3)
        #expect(sleeps.recorded == [0.2, 2.0])
    }

    @Test func `backs off exponentially up to the cap and then gives up`() async throws {
        let transport = FakeTransport { _, _ in .json(500, "boom") }
        let sleeps = SleepRecorder()
        let options = KubeClientOptions(qps: 0, maxRetries: 4, initialBackoff: 1, maxBackoff: 5)
        let client = KubeClient.testing(transport, sleeps: sleeps, options: options)
        let error = try await #require(throws: KubeClientError.self) {
            try await client.get(Pod.self, name: "x", namespace: "ml")
        }
        #expect(error.code == 500)
        #expect(error.isRetryable)
        #expect(error.status?.message == "boom")
        #expect(sleeps.recorded == [1, 2, 4, 5])
        #expect(transport.requests.count == 5)
    }

    @Test func `does not replay a POST after a 5xx but does after a 429`() async throws {
        let first = FakeTransport { _, _ in .json(503, "") }
        let client = KubeClient.testing(first)
        let pod = Pod(metadata: ObjectMeta(name: "p", namespace: "ml"))
        await #expect(throws: KubeClientError.self) { try await client.create(pod) }
        #expect(first.requests.count == 1)

        let second = FakeTransport { _, index in
            index == 0 ? .json(429, "", headers: ["Retry-After": "1"]) : .json(201, #"{"metadata":{"name":"p"}}"#)
        }
        let created = try await KubeClient.testing(second).create(pod)
        #expect(created.metadata.name == "p")
        #expect(second.requests.count == 2)
    }

    @Test func `retries refused connections for every verb and timeouts only for idempotent ones`() async throws {
        let refused = FakeTransport { request, index in
            if index == 0 { throw HTTPError.connectFailed(url: request.url, reason: "refused") }
            return .json(201, #"{"metadata":{"name":"p"}}"#)
        }
        let pod = Pod(metadata: ObjectMeta(name: "p", namespace: "ml"))
        _ = try await KubeClient.testing(refused).create(pod)
        #expect(refused.requests.count == 2)

        let timedOut = FakeTransport { request, _ in
            throw HTTPError.timedOut(url: request.url, which: "request", seconds: 60)
        }
        let error = try await #require(throws: KubeClientError.self) {
            try await KubeClient.testing(timedOut).create(pod)
        }
        guard case .transport(let verb, _, _) = error else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(verb == "create")
        #expect(timedOut.requests.count == 1)
    }

    @Test func `caps Retry-After at the configured maximum`() async throws {
        let transport = FakeTransport { _, index in
            index == 0 ? .json(429, "", headers: ["Retry-After": "3600"]) : .json(200, deploymentJSON("web"))
        }
        let sleeps = SleepRecorder()
        let client = KubeClient.testing(transport, sleeps: sleeps)
        _ = try await client.get(Deployment.self, name: "web", namespace: "ml")
        #expect(sleeps.recorded == [60])
    }

    @Test func `limits the request rate with a token bucket`() async throws {
        let bucket = TokenBucket(qps: 100, burst: 2)
        let clock = ContinuousClock()
        let start = clock.now
        // Two tokens are there at once; the third is 10 ms away at 100 per second.
        for _ in 0..<3 { try await bucket.acquire() }
        #expect(clock.now - start >= .milliseconds(9))
    }
}
