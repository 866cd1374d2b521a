import Foundation
import TestSupport
import Testing

/// `poolpilot recommend` on the example scenarios in examples/scenarios/, run as a user would.
@Suite struct RecommendCommandTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var desired: Int
        var reason: String
        var testDescription: String { file }
    }

    /// The part of `-o json` the tests read.
    struct Report: Decodable {
        struct Limit: Decodable {
            var reason: String
        }

        struct Condition: Decodable {
            var type: String
            var reason: String
        }

        var desiredReplicas: Int
        var proposals: [[String: JSONAny]]
        var limitedBy: [Limit]
        var conditions: [Condition]
        var explanation: String
    }

    /// Any JSON value, decoded only to prove the shape.
    struct JSONAny: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    static let examples: [Example] = [
        Example(file: "steady.json", desired: 3, reason: "Tolerance"),
        Example(file: "burst.yaml", desired: 16, reason: "Burst"),
        Example(file: "gpu-shortage.yaml", desired: 2, reason: "Signal"),
        Example(file: "missing-metrics.yaml", desired: 4, reason: "MissingSignals"),
        Example(file: "cold-start.yaml", desired: 5, reason: "Signal"),
        Example(file: "scale-to-zero.yaml", desired: 0, reason: "ScaleToZero"),
        Example(file: "wake-from-zero.yaml", desired: 1, reason: "Activation"),
    ]

    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        let result = try await runProcess(TestPaths.poolpilotBinary, arguments)
        return (result.status, result.output, result.errorOutput)
    }

    static func path(_ file: String) -> String {
        TestPaths.repositoryRoot.appendingPathComponent("examples/scenarios/\(file)").path
    }

    @Test(arguments: examples)
    func `recommends for every example scenario`(_ example: Example) async throws {
        let result = try await Self.run(["recommend", "--input", Self.path(example.file), "-o", "json"])
        #expect(result.status == 0, "\(result.error)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.desiredReplicas == example.desired)
        #expect(report.limitedBy.map(\.reason).contains(example.reason))
        #expect(report.conditions.map(\.type).prefix(3) == ["AbleToScale", "ScalingActive", "ScalingLimited"])
        #expect(!report.proposals.isEmpty)
        #expect(report.explanation.hasSuffix("."))
        #expect(result.output.hasPrefix(#"{"desiredReplicas":"#))
    }

    @Test func `prints the explanation and tables as text`() async throws {
        let result = try await Self.run(["recommend", "-i", Self.path("burst.yaml")])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Desired replicas: 16 (current 2)\nScaling up from 2 to 16 replicas because"))
        #expect(result.output.contains("Signals:"))
        #expect(result.output.contains("Conditions:"))
    }

    @Test func `fails clearly on a missing file, a bad scenario and a missing option`() async throws {
        let missing = try await Self.run(["recommend", "--input", "/nonexistent/scenario.yaml"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("cannot read scenario /nonexistent/scenario.yaml"))

        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data("now: 1\npolicy:\n  maxReplicas: 3\nstate:\n  replicas: 1\n".utf8).write(to: bad)
        let invalid = try await Self.run(["recommend", "--input", bad.path])
        #expect(invalid.status == 1)
        #expect(invalid.error.contains("policy: missing field 'signals'"))

        let usage = try await Self.run(["recommend"])
        #expect(usage.status == 2)
    }
}
