import KubeRuntime
import Telemetry
import Testing

@Suite struct WorkQueueTests {
    let pool = ObjectKey("ml/chat")
    let other = ObjectKey("ml/embed")

    @Test func `queues a key added twice only once`() async {
        let queue = WorkQueue<ObjectKey>(name: "t", clock: ManualClock())
        await queue.add(pool)
        await queue.add(pool)
        await queue.add(other)
        #expect(await queue.depth == 2)
        #expect(await queue.next() == pool)
        #expect(await queue.next() == other)
        #expect(await queue.depth == 0)
    }

    @Test func `never hands a key to two workers and runs it again after done`() async {
        let queue = WorkQueue<ObjectKey>(name: "t", clock: ManualClock())
        await queue.add(pool)
        #expect(await queue.next() == pool)
        await queue.add(pool)
        #expect(await queue.depth == 0)
        await queue.add(other)
        #expect(await queue.next() == other)
        await queue.done(pool)
        #expect(await queue.depth == 1)
        #expect(await queue.next() == pool)
    }

    @Test func `wakes a waiting worker when a key arrives`() async {
        let queue = WorkQueue<ObjectKey>(name: "t", clock: ManualClock())
        async let handed = queue.next()
        #expect(await eventually { await queue.depth == 0 })
        await queue.add(pool)
        #expect(await handed == pool)
    }

    @Test func `delays a key until its time and keeps the earlier of two delays`() async {
        let clock = ManualClock()
        let queue = WorkQueue<ObjectKey>(name: "t", clock: clock)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await queue.run() }
            await queue.add(pool, after: .seconds(10))
            await queue.add(pool, after: .seconds(3))
            await queue.add(pool, after: .seconds(20))
            #expect(await eventually { clock.nextDeadline == clock.now.advanced(by: .seconds(3)) })
            #expect(await queue.depth == 0)
            clock.advance(by: .seconds(3))
            #expect(await eventually { await queue.depth == 1 })
            #expect(await queue.delayedCount == 0)
            await queue.shutDown()
        }
    }

    @Test func `hands out nothing after shut down and waits for in-flight keys`() async {
        let queue = WorkQueue<ObjectKey>(name: "t", clock: ManualClock())
        await queue.add(pool)
        await queue.add(other)
        let first = await queue.next()
        await queue.shutDown()
        #expect(await queue.next() == nil)
        await queue.add(ObjectKey("x/y"))
        #expect(await queue.depth == 1)
        async let idle: Void = queue.waitUntilIdle()
        await queue.done(first ?? pool)
        await idle
        #expect(await queue.inProgressCount == 0)
    }

    @Test func `releases a parked worker on shut down`() async {
        let queue = WorkQueue<ObjectKey>(name: "t", clock: ManualClock())
        async let handed = queue.next()
        try? await Task.sleep(for: .milliseconds(5))
        await queue.shutDown()
        #expect(await handed == nil)
    }

    @Test func `counts adds, retries and depth in the standard metrics`() async throws {
        let registry = MetricsRegistry()
        let metrics = try await RuntimeMetrics.register(in: registry)
        let queue = WorkQueue<ObjectKey>(name: "pools", clock: ManualClock(), metrics: metrics)
        await queue.add(pool)
        await queue.add(other)
        await queue.addRateLimited(pool)
        #expect(await registry.value(of: "poolpilot_workqueue_adds_total", labels: ["name": "pools"]) == 2)
        #expect(await registry.value(of: "poolpilot_workqueue_retries_total", labels: ["name": "pools"]) == 1)
        #expect(await registry.value(of: "poolpilot_workqueue_depth", labels: ["name": "pools"]) == 2)
        _ = await queue.next()
        let latency = await registry.histogram("poolpilot_workqueue_queue_duration_seconds", labels: ["name": "pools"])
        #expect(latency?.count == 1)
    }
}

@Suite struct RateLimiterTests {
    @Test func `doubles the per-key delay from 5 ms and caps it at 1000 s`() {
        var limiter = RateLimiter<String>(bucket: TokenBucket(ratePerSecond: 1000, burst: 1000))
        let now = ContinuousClock.now
        let delays = (0..<4).map { _ in limiter.delay(for: "a", now: now) }
        #expect(delays == [.milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(40)])
        #expect(limiter.delay(for: "b", now: now) == .milliseconds(5))
        for _ in 0..<30 { _ = limiter.delay(for: "c", now: now) }
        #expect(limiter.delay(for: "c", now: now) == .seconds(1000))
        limiter.forget("a")
        #expect(limiter.failureCount(of: "a") == 0)
        #expect(limiter.delay(for: "a", now: now) == .milliseconds(5))
    }

    @Test func `spaces retries by the overall bucket once the burst is spent`() {
        var limiter = RateLimiter<Int>()
        let now = ContinuousClock.now
        for key in 0..<100 { #expect(limiter.delay(for: key, now: now) == .milliseconds(5)) }
        #expect(limiter.delay(for: 100, now: now) == .milliseconds(100))
        #expect(limiter.delay(for: 101, now: now) == .milliseconds(200))
        #expect(limiter.delay(for: 102, now: now.advanced(by: .seconds(1))) == .milliseconds(5))
    }
}
