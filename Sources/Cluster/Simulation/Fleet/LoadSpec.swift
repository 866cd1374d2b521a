import Foundation

/// The load offered to one Deployment, read from its `sim.poolpilot.dev/load` annotation (JSON).
///
/// ```json
/// {"trace": "azure-conv-2023", "start": 600, "duration": 240, "speedUp": 4}
/// {"pattern": "step", "before": 2, "after": 20, "at": 10, "duration": 60, "inputTokens": 800, "outputTokens": 150}
/// ```
/// Patterns: `constant` (`rate`), `step` (`before`, `after`, `at`), `ramp` (`from`, `to`, `at` as the
/// start, `over`), `spike` (`base`, `peak`, `at`, `over`), `diurnal` (`mean`, `amplitude`, `period`).
/// Times are seconds from when the simulation first sees the annotation value; changing the value
/// restarts the load.
public struct LoadSpec: Sendable, Equatable, Codable {
    /// `azure-conv-2023` to replay the bundled trace.
    public var trace: String?
    /// A synthetic pattern name.
    public var pattern: String?
    /// Trace seconds to start the replay at.
    ///
    /// Default: 0.
    public var start: Double?
    /// Seconds of load (trace seconds for a trace, simulation seconds for a pattern).
    ///
    /// Default: 300.
    public var duration: Double?
    /// Trace replay speed-up.
    ///
    /// Default: 1.
    public var speedUp: Double?
    /// Pattern parameters.
    public var rate, before, after, at, from, to, over, base, peak, mean, amplitude, period: Double?
    /// Tokens of each synthetic request.
    ///
    /// Defaults: 1,000 in, 200 out.
    public var inputTokens, outputTokens: Int?

    /// Creates an empty spec; set the fields you need.
    public init() {}

    /// Parses the annotation's JSON.
    ///
    /// - Throws: ``SimulationError/invalidLoad(_:)`` when it is not a valid spec.
    public static func parse(_ json: String) throws -> LoadSpec {
        do {
            return try JSONDecoder().decode(LoadSpec.self, from: Data(json.utf8))
        } catch {
            throw SimulationError.invalidLoad("\(error)")
        }
    }

    /// The requests this spec offers, arrival times from `origin`.
    ///
    /// - Throws: ``SimulationError/invalidLoad(_:)`` for an unknown trace or pattern.
    public func requests(origin: Double, trace loadTrace: () throws -> RequestTrace) throws -> [SimulatedRequest] {
        let length = duration ?? 300
        if let trace {
            guard trace == "azure-conv-2023" else { throw SimulationError.invalidLoad("unknown trace \"\(trace)\"") }
            return try loadTrace().replay(from: start ?? 0, duration: length, speedUp: speedUp ?? 1, at: origin)
        }
        guard let pattern = try loadPattern() else { return [] }
        return pattern.requests(
            duration: length,
            inputTokens: inputTokens ?? 1000,
            outputTokens: outputTokens ?? 200,
            at: origin
        )
    }

    /// The synthetic pattern, `nil` when none is named.
    ///
    /// - Throws: ``SimulationError/invalidLoad(_:)`` for an unknown name.
    public func loadPattern() throws -> LoadPattern? {
        switch pattern {
        case nil: return nil
        case "constant": return .constant(rate: rate ?? 1)
        case "step": return .step(before: before ?? 0, after: after ?? 1, at: at ?? 0)
        case "ramp": return .ramp(from: from ?? 0, to: to ?? 1, start: at ?? 0, duration: over ?? 60)
        case "spike": return .spike(base: base ?? 0, peak: peak ?? 1, at: at ?? 0, duration: over ?? 10)
        case "diurnal": return .diurnal(mean: mean ?? 1, amplitude: amplitude ?? 1, period: period ?? 600)
        case .some(let other): throw SimulationError.invalidLoad("unknown pattern \"\(other)\"")
        }
    }
}
