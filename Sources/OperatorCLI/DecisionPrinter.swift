import Foundation
import Scaling

/// Renders a ``Decision`` for `poolpilot recommend`, as a table for people or as JSON.
enum DecisionPrinter {
    /// The decision as one JSON object: `desiredReplicas`, `currentReplicas`, `proposals`,
    /// `limitedBy`, `conditions`, `explanation`, `podsToRemove`, `pendingForCapacity`, `history`, in
    /// that order; nested objects have sorted keys, so the output is byte-for-byte reproducible.
    static func json(_ decision: Decision) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func encoded(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let members: [(String, String)] = [
            ("desiredReplicas", try encoded(decision.desiredReplicas)),
            ("currentReplicas", try encoded(decision.currentReplicas)),
            ("proposals", try encoded(decision.proposals)),
            ("limitedBy", try encoded(decision.limitedBy)),
            ("conditions", try encoded(decision.conditions)),
            ("explanation", try encoded(decision.explanation)),
            ("podsToRemove", try encoded(decision.podsToRemove)),
            ("pendingForCapacity", try encoded(decision.pendingForCapacity)),
            ("history", try encoded(decision.history)),
        ]
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The decision as text: the sentence, then signals, limits and conditions as tables.
    static func text(_ decision: Decision) -> String {
        var lines = [
            "Desired replicas: \(decision.desiredReplicas) (current \(decision.currentReplicas))",
            decision.explanation,
            "",
            "Signals:",
        ]
        var signalRows = [
            ["SIGNAL", "STATUS", "OBSERVED", "TARGET", "RATIO", "REPLICAS", "READY", "MISSING", "UNREADY"]
        ]
        for proposal in decision.proposals {
            signalRows.append([
                proposal.signal,
                proposal.status.rawValue,
                proposal.observed.map(number) ?? "-",
                number(proposal.target),
                proposal.ratio.map(number) ?? "-",
                proposal.replicas.map(String.init) ?? "-",
                String(proposal.readyPods),
                String(proposal.missingPods),
                String(proposal.unreadyPods),
            ])
        }
        lines += table(signalRows)
        if !decision.limitedBy.isEmpty {
            lines += ["", "Limited by:"]
            lines += table(decision.limitedBy.map { [$0.reason.rawValue, $0.message] })
        }
        lines += ["", "Conditions:"]
        lines += table(decision.conditions.map { [$0.type, $0.status, $0.reason, $0.message] })
        if !decision.podsToRemove.isEmpty {
            lines += ["", "Pods to remove first: \(decision.podsToRemove.joined(separator: ", "))"]
        }
        if decision.pendingForCapacity > 0 {
            lines += ["", "Pods that will pend for GPU capacity: \(decision.pendingForCapacity)"]
        }
        return lines.joined(separator: "\n")
    }

    /// Rows padded into columns, two spaces apart, indented by two.
    private static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = "  "
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return line
        }
    }

    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}
