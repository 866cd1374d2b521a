import Cluster
import Testing

@Suite struct LoadTests {
    @Test func `parses azure csv rows relative to the first arrival`() throws {
        let csv = """
            TIMESTAMP,ContextTokens,GeneratedTokens
            2023-11-16 23:59:59.5000000,374,44
            2023-11-17 00:00:01.0000000,396,109
            """
        let trace = try RequestTrace.parseAzureCSV(csv)
        #expect(trace.entries.count == 2)
        #expect(abs(trace.entries[1].offset - 1.5) < 1e-9)
        #expect(trace.entries[1].inputTokens == 396)
        #expect(trace.entries[1].outputTokens == 109)
    }

    @Test func `rejects a malformed row with its line number`() {
        #expect(throws: SimulationError.traceUnreadable("line 2: expected TIMESTAMP,ContextTokens,GeneratedTokens")) {
            try RequestTrace.parseAzureCSV("TIMESTAMP,ContextTokens,GeneratedTokens\nnot a row\n")
        }
    }

    @Test func `loads the bundled azure conversation trace`() throws {
        let trace = try RequestTrace.azureConversation2023()
        #expect(trace.entries.count == 19_366)
        #expect(abs(trace.span - 3501.7) < 1)
    }

    @Test func `replays a window sped up`() throws {
        let trace = try RequestTrace.azureConversation2023()
        let requests = trace.replay(from: 600, duration: 120, speedUp: 4, at: 100)
        let inWindow = trace.entries.filter { $0.offset >= 600 && $0.offset < 720 }.count
        #expect(requests.count == inWindow)
        #expect(requests.allSatisfy { $0.arrival >= 100 && $0.arrival < 130 })
    }

    struct RateCase: Sendable, CustomTestStringConvertible {
        var name: String
        var pattern: LoadPattern
        var time: Double
        var expected: Double
        var testDescription: String { name }
    }

    @Test(arguments: [
        RateCase(name: "step before", pattern: .step(before: 1, after: 5, at: 10), time: 9.9, expected: 1),
        RateCase(name: "step after", pattern: .step(before: 1, after: 5, at: 10), time: 10, expected: 5),
        RateCase(name: "ramp middle", pattern: .ramp(from: 0, to: 10, start: 0, duration: 10), time: 5, expected: 5),
        RateCase(name: "ramp end", pattern: .ramp(from: 0, to: 10, start: 0, duration: 10), time: 50, expected: 10),
        RateCase(name: "spike in", pattern: .spike(base: 1, peak: 9, at: 5, duration: 2), time: 6, expected: 9),
        RateCase(name: "spike out", pattern: .spike(base: 1, peak: 9, at: 5, duration: 2), time: 7, expected: 1),
        RateCase(name: "diurnal peak", pattern: .diurnal(mean: 4, amplitude: 2, period: 40), time: 10, expected: 6),
        RateCase(name: "diurnal floor", pattern: .diurnal(mean: 1, amplitude: 5, period: 40), time: 30, expected: 0),
    ])
    func `synthetic patterns give the documented rate`(_ item: RateCase) {
        #expect(abs(item.pattern.rate(at: item.time) - item.expected) < 1e-9)
    }

    @Test func `synthetic arrivals are deterministic and follow the rate`() {
        let pattern = LoadPattern.step(before: 2, after: 10, at: 5)
        let first = pattern.requests(duration: 10, inputTokens: 100, outputTokens: 20)
        let second = pattern.requests(duration: 10, inputTokens: 100, outputTokens: 20)
        #expect(first == second)
        #expect(abs(first.filter { $0.arrival < 5 }.count - 10) <= 1)
        #expect(abs(first.filter { $0.arrival >= 5 }.count - 50) <= 1)
    }
}
