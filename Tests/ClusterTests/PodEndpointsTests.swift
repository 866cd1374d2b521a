import Cluster
import HTTP
import Testing

@Suite struct PodEndpointsTests {
    let key = InferenceFleet.PoolKey(namespace: "ml", name: "llama")

    @Test func `serves metrics, readiness and completions for a pod`() async throws {
        let clock = ManualClock()
        let fleet = InferenceFleet(clock: { clock.read() })
        let parameters = ServerParameters(prefillSecondsPerToken: 0.001, decodeSecondsPerToken: 0.01)
        await fleet.configurePool(key, settings: .init(kind: .vllm, modelName: "llama", parameters: parameters))
        await fleet.addReplica("llama-a", to: key)

        let health = await PodEndpoints.handle(
            HTTPServerRequest(method: "GET", target: "/health"),
            pod: "llama-a",
            fleet: fleet
        )
        #expect(health.status == 503)
        let metrics = await PodEndpoints.handle(
            HTTPServerRequest(method: "GET", target: "/metrics"),
            pod: "llama-a",
            fleet: fleet
        )
        #expect(metrics.status == 200)
        #expect(metrics.headers["Content-Type"] == VLLMExposition.contentType)

        await fleet.setReady(true, pod: "llama-a")
        let body = Array(#"{"prompt":"hello there, how are you today?","max_tokens":10}"#.utf8)
        async let answer = PodEndpoints.handle(
            HTTPServerRequest(method: "POST", target: "/v1/completions", body: body),
            pod: "llama-a",
            fleet: fleet
        )
        // Once the request runs, move time past its completion and tick until it has finished.
        let deadline = ContinuousClock.now + .seconds(5)
        while await fleet.stats(key)?.running == 0, ContinuousClock.now < deadline {
            await Task.yield()
        }
        clock.set(5)
        #expect(await fleet.stats(key)?.finished == 1)
        let response = await answer
        #expect(response.status == 200)
        guard case .bytes(let bytes) = response.body else {
            Issue.record("expected a complete body")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"completion_tokens\":10"))
    }

    @Test func `refuses a pod ip off loopback`() async {
        let endpoints = PodEndpoints(fleet: InferenceFleet())
        await #expect(throws: SimulationError.self) {
            try await endpoints.start(pod: "p", ip: "10.0.0.5", ports: [8000])
        }
    }
}
