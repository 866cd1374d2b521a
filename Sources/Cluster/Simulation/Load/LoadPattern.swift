import Foundation

/// A synthetic arrival-rate shape, in requests per second over simulation seconds.
public enum LoadPattern: Sendable, Equatable {
    /// A constant rate.
    case constant(rate: Double)
    /// `before` until `at`, then `after`.
    case step(before: Double, after: Double, at: Double)
    /// A linear change from `from` to `to` over `[start, start + duration]`, flat outside.
    case ramp(from: Double, to: Double, start: Double, duration: Double)
    /// `base`, with `peak` during `[at, at + duration)`.
    case spike(base: Double, peak: Double, at: Double, duration: Double)
    /// A day-like sine: `mean + amplitude × sin(2π t / period)`, never below zero.
    case diurnal(mean: Double, amplitude: Double, period: Double)

    /// The arrival rate at time `t`, requests per second.
    public func rate(at time: Double) -> Double {
        switch self {
        case .constant(let rate):
            return max(0, rate)
        case .step(let before, let after, let at):
            return max(0, time < at ? before : after)
        case .ramp(let from, let to, let start, let duration):
            let progress = duration <= 0 ? (time >= start ? 1 : 0) : min(1, max(0, (time - start) / duration))
            return max(0, from + (to - from) * progress)
        case .spike(let base, let peak, let at, let duration):
            return max(0, time >= at && time < at + duration ? peak : base)
        case .diurnal(let mean, let amplitude, let period):
            return max(0, mean + amplitude * sin(2 * Double.pi * time / max(period, 0.001)))
        }
    }

    /// Deterministic arrivals over `[0, duration)`: the rate is integrated in `resolution`-second
    /// steps and a request arrives each time the integral passes a whole number, so the same
    /// pattern always yields the same requests (no randomness).
    public func requests(
        duration: Double,
        inputTokens: Int,
        outputTokens: Int,
        resolution: Double = 0.01,
        at origin: Double = 0
    ) -> [SimulatedRequest] {
        var requests: [SimulatedRequest] = []
        var accumulated = 0.0
        var time = 0.0
        while time < duration {
            accumulated += rate(at: time) * resolution
            while accumulated >= 1 {
                accumulated -= 1
                requests.append(
                    SimulatedRequest(
                        id: requests.count,
                        arrival: origin + time,
                        inputTokens: inputTokens,
                        outputTokens: outputTokens
                    )
                )
            }
            time += resolution
        }
        return requests
    }
}
