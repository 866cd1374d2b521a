import Foundation
import Synchronization
import YAML

/// Faults the server injects for tests; all off by default.
///
/// Set with `poolpilot cluster serve` flags or at runtime through `PUT /poolpilot/admin/faults`
/// (see docs/embedded-cluster.md). Fractions are probabilities in 0...1 applied to each API request
/// (health, version and admin paths are exempt).
public struct FaultSettings: Sendable, Equatable {
    /// Added latency per request in milliseconds.
    ///
    /// Default: 0.
    public var latencyMilliseconds: Int = 0
    /// Fraction of requests answered 429 TooManyRequests with `Retry-After: 1`.
    ///
    /// Default: 0.
    public var tooManyRequestsFraction: Double = 0
    /// Fraction answered 500 InternalError.
    ///
    /// Default: 0.
    public var internalErrorFraction: Double = 0
    /// Fraction answered 503 ServiceUnavailable.
    ///
    /// Default: 0.
    public var unavailableFraction: Double = 0
    /// Watches are closed after sending this many events.
    ///
    /// Default: never.
    public var watchCutAfterEvents: Int?
    /// Watches are closed after this many seconds.
    ///
    /// Default: never.
    public var watchCutAfterSeconds: Double?
    /// Seconds between BOOKMARK events on watches that allow them.
    ///
    /// Default: 60.
    public var bookmarkIntervalSeconds: Double = 60

    /// No faults.
    public init() {}

    /// These settings with the members of the admin endpoint's JSON applied: absent members keep their
    /// current values, `null` turns a watch cut off.
    func merging(_ json: JSONValue) throws(APIError) -> FaultSettings {
        guard let members = json.objectValue else { throw APIError.badRequest("fault settings must be a JSON object") }
        let known: Set<String> = [
            "latencyMilliseconds", "tooManyRequestsFraction", "internalErrorFraction", "unavailableFraction",
            "watchCutAfterEvents", "watchCutAfterSeconds", "bookmarkIntervalSeconds",
        ]
        if let unknown = members.keys.first(where: { !known.contains($0) }) {
            throw APIError.badRequest("unknown fault setting \"\(unknown)\"")
        }
        var settings = self
        if let value = json["latencyMilliseconds"] { settings.latencyMilliseconds = Int(value.integerValue ?? -1) }
        if let value = json["tooManyRequestsFraction"] { settings.tooManyRequestsFraction = value.doubleValue ?? -1 }
        if let value = json["internalErrorFraction"] { settings.internalErrorFraction = value.doubleValue ?? -1 }
        if let value = json["unavailableFraction"] { settings.unavailableFraction = value.doubleValue ?? -1 }
        if let value = json["watchCutAfterEvents"] { settings.watchCutAfterEvents = value.integerValue.map(Int.init) }
        if let value = json["watchCutAfterSeconds"] { settings.watchCutAfterSeconds = value.doubleValue }
        if let value = json["bookmarkIntervalSeconds"] { settings.bookmarkIntervalSeconds = value.doubleValue ?? -1 }
        let fractions = [
            settings.tooManyRequestsFraction, settings.internalErrorFraction, settings.unavailableFraction,
        ]
        guard fractions.allSatisfy({ (0...1).contains($0) }), fractions.reduce(0, +) <= 1 else {
            throw APIError.badRequest("fault fractions must be numbers within 0...1 that add up to at most 1")
        }
        guard settings.latencyMilliseconds >= 0, settings.bookmarkIntervalSeconds > 0 else {
            throw APIError.badRequest("latencyMilliseconds must be >= 0 and bookmarkIntervalSeconds > 0")
        }
        return settings
    }

    /// These settings with every fault off; the bookmark interval is kept.
    var cleared: FaultSettings {
        var settings = FaultSettings()
        settings.bookmarkIntervalSeconds = bookmarkIntervalSeconds
        return settings
    }

    /// The JSON the admin endpoint returns.
    var json: JSONValue {
        [
            "latencyMilliseconds": .integer(Int64(latencyMilliseconds)),
            "tooManyRequestsFraction": .double(tooManyRequestsFraction),
            "internalErrorFraction": .double(internalErrorFraction),
            "unavailableFraction": .double(unavailableFraction),
            "watchCutAfterEvents": watchCutAfterEvents.map { .integer(Int64($0)) } ?? .null,
            "watchCutAfterSeconds": watchCutAfterSeconds.map { .double($0) } ?? .null,
            "bookmarkIntervalSeconds": .double(bookmarkIntervalSeconds),
        ]
    }
}

/// The live fault settings plus the simulated-restart window, shared by every request.
final class FaultInjector: Sendable {
    private struct State {
        var settings: FaultSettings
        var unavailableUntil: ContinuousClock.Instant?
        var generator: SplitMix
    }

    private let state: Mutex<State>

    init(settings: FaultSettings, seed: UInt64) {
        state = Mutex(State(settings: settings, unavailableUntil: nil, generator: SplitMix(seed: seed)))
    }

    var settings: FaultSettings {
        get { state.withLock { $0.settings } }
        set { state.withLock { $0.settings = newValue } }
    }

    /// Answers 503 to everything until `seconds` from now (a simulated restart).
    func beUnavailable(for seconds: Double) {
        state.withLock { $0.unavailableUntil = .now + .milliseconds(Int(seconds * 1000)) }
    }

    /// The latency to add and the error to answer with, if this request is picked for one.
    func decide() -> (latencyMilliseconds: Int, error: APIError?) {
        state.withLock { state in
            let settings = state.settings
            if let until = state.unavailableUntil, until > .now {
                return (
                    0,
                    APIError(
                        code: 503,
                        reason: "ServiceUnavailable",
                        message: "the server is restarting",
                        retryAfterSeconds: 1
                    )
                )
            }
            let roll = state.generator.nextUnit()
            var threshold = settings.tooManyRequestsFraction
            if roll < threshold {
                return (
                    settings.latencyMilliseconds,
                    APIError(
                        code: 429,
                        reason: "TooManyRequests",
                        message: "Too many requests, please try again later.",
                        retryAfterSeconds: 1
                    )
                )
            }
            threshold += settings.internalErrorFraction
            if roll < threshold {
                return (settings.latencyMilliseconds, APIError.internalError("injected fault"))
            }
            threshold += settings.unavailableFraction
            if roll < threshold {
                return (
                    settings.latencyMilliseconds,
                    APIError(
                        code: 503,
                        reason: "ServiceUnavailable",
                        message: "injected fault: the server is currently unable to handle the request",
                        retryAfterSeconds: 1
                    )
                )
            }
            return (settings.latencyMilliseconds, nil)
        }
    }
}

/// A small seedable generator so fault sequences are reproducible.
struct SplitMix: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A uniform value in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
