import Foundation
import TestSupport
import Testing

/// `poolpilot demo` in a short mode: the whole story runs, the chat pool scales up with the trace
/// and back down in the quiet tail, and the plot is written.
@Suite(
    .serialized,
    .enabled(
        if: SimulationHarness.isAvailable && SimulationHarness.hasDemoTools,
        "needs kubectl, prometheus, gnuplot and the poolpilot binary"
    )
)
struct DemoTests {
    /// The scale-up and scale-down counts of a pool's summary line.
    static func scaleEvents(_ output: String, pool: String) -> (ups: Int, downs: Int)? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("pool \(pool):") }) else {
            return nil
        }
        func count(after label: String) -> Int? {
            guard let range = line.range(of: label + " ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        guard let ups = count(after: "scale-ups"), let downs = count(after: "scale-downs") else { return nil }
        return (ups, downs)
    }

    @Test func `the short demo scales both pools, one through Prometheus, and writes its plot`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory(prefix: "poolpilot-demo")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await runProcess(
            TestPaths.poolpilotBinary,
            ["demo", "--seconds", "60", "--dir", directory.path]
        )
        let output = run.output + run.errorOutput

        #expect(run.status == 0, "\(output.suffix(3000))")
        let events = try #require(Self.scaleEvents(output, pool: "chat"), "\(output.suffix(3000))")
        #expect(events.ups >= 1)
        #expect(events.downs >= 1, "\(output.suffix(3000))")

        // The vision pool reads its signals through the demo's Prometheus, the second metric path.
        let manifest = try String(contentsOf: directory.appendingPathComponent("demo.yaml"), encoding: .utf8)
        #expect(manifest.contains("source: prometheus"))
        let vision = try #require(Self.scaleEvents(output, pool: "vision"), "\(output.suffix(3000))")
        #expect(vision.ups >= 1, "\(output.suffix(3000))")
        #expect(output.contains("kubectl get ipool"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("demo.png").path))
    }
}
