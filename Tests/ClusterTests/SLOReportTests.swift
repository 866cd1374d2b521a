import Cluster
import Testing

@Suite struct SLOReportTests {
    func record(ttft: Double?, outcome: RequestRecord.Outcome) -> RequestRecord {
        let request = SimulatedRequest(id: 0, arrival: 10, inputTokens: 1, outputTokens: 1)
        return RequestRecord(
            request: request,
            replica: "pod",
            started: ttft.map { _ in 10 },
            firstToken: ttft.map { 10 + $0 },
            finished: 20,
            outcome: outcome
        )
    }

    @Test func `counts completed requests under the bound, misses and failures`() throws {
        let records = [
            record(ttft: 0.1, outcome: .completed),
            record(ttft: 0.4, outcome: .completed),
            record(ttft: 3, outcome: .completed),
            record(ttft: nil, outcome: .rejected),
        ]
        let report = SLOReport(records: records, timeToFirstTokenBound: 0.5)
        #expect(report.total == 4)
        #expect(report.met == 2)
        #expect(report.rejected == 1)
        #expect(try #require(report.attainment) == 0.5)
        #expect(try #require(report.p99TimeToFirstToken) == 3)
    }

    @Test func `has no attainment without requests`() {
        #expect(SLOReport(records: [RequestRecord](), timeToFirstTokenBound: 1).attainment == nil)
    }
}
