import Foundation

/// A recorded request trace: arrival offsets and token counts, in arrival order.
///
/// ```swift
/// let trace = try RequestTrace.azureConversation2023()
/// let requests = trace.replay(from: 600, duration: 120, speedUp: 4)   // 8 minutes in 2
/// ```
public struct RequestTrace: Sendable {
    /// One row: seconds since the first arrival, prompt tokens, generated tokens.
    public struct Entry: Sendable, Equatable {
        /// Seconds since the trace's first arrival.
        public var offset: Double
        /// Prompt tokens.
        public var inputTokens: Int
        /// Generated tokens.
        public var outputTokens: Int
    }

    /// The rows, sorted by offset.
    public var entries: [Entry]

    /// Creates a trace from rows (sorted here).
    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.offset < $1.offset }
    }

    /// Seconds from the first to the last arrival.
    public var span: Double { entries.last?.offset ?? 0 }

    /// The bundled Azure LLM inference trace 2023, conversation service (CC BY 4.0; see
    /// `Resources/traces/SOURCES.md`).
    ///
    /// - Throws: ``SimulationError/traceUnreadable(_:)`` when the resource is missing or malformed.
    public static func azureConversation2023() throws -> RequestTrace {
        guard let url = Bundle.module.url(forResource: "traces/azure_llm_2023_conv", withExtension: "csv"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw SimulationError.traceUnreadable("bundled resource traces/azure_llm_2023_conv.csv not found")
        }
        return try parseAzureCSV(String(decoding: data, as: UTF8.self))
    }

    /// Parses the Azure trace CSV: `TIMESTAMP,ContextTokens,GeneratedTokens` with timestamps like
    /// `2023-11-16 18:15:46.6805900`; offsets are relative to the first row.
    ///
    /// - Throws: ``SimulationError/traceUnreadable(_:)`` naming the first malformed line.
    public static func parseAzureCSV(_ text: String) throws -> RequestTrace {
        var absolute: [(Double, Int, Int)] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0, fields.first == "TIMESTAMP" { continue }
            guard fields.count == 3, let time = secondsSinceEpoch(fields[0]),
                let input = Int(fields[1]), let output = Int(fields[2])
            else {
                throw SimulationError.traceUnreadable(
                    "line \(index + 1): expected TIMESTAMP,ContextTokens,GeneratedTokens"
                )
            }
            absolute.append((time, input, output))
        }
        guard let first = absolute.map(\.0).min() else { throw SimulationError.traceUnreadable("no rows") }
        return RequestTrace(
            entries: absolute.map { Entry(offset: $0.0 - first, inputTokens: $0.1, outputTokens: $0.2) }
        )
    }

    /// Requests of the window `[start, start + duration)` of the trace (trace seconds), arriving
    /// `speedUp` times faster, with arrival times starting at `at`.
    public func replay(from start: Double, duration: Double, speedUp: Double, at origin: Double = 0)
        -> [SimulatedRequest]
    {
        let factor = max(speedUp, 0.000_001)
        return entries.filter { $0.offset >= start && $0.offset < start + duration }.enumerated().map { index, entry in
            SimulatedRequest(
                id: index,
                arrival: origin + (entry.offset - start) / factor,
                inputTokens: entry.inputTokens,
                outputTokens: entry.outputTokens
            )
        }
    }

    // "YYYY-MM-DD HH:MM:SS.fffffff" → seconds since 1970 (UTC assumed; only differences matter).
    static func secondsSinceEpoch(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":")
        guard date.count == 3, time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]),
            let second = Double(time[2])
        else { return nil }
        let days = daysFromCivil(year: date[0], month: date[1], day: date[2])
        return Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second
    }

    // Days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
