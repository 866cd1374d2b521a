/// A cumulative Prometheus-style histogram: bucket upper bounds, counts per bucket, sum and count.
public struct Histogram: Sendable, Equatable {
    /// Upper bounds of the finite buckets, increasing.
    ///
    /// `+Inf` is implied.
    public let bounds: [Double]
    /// Observations per finite bucket (not cumulative); index `bounds.count` holds those above all.
    public private(set) var counts: [Int]
    /// Sum of every observation.
    public private(set) var sum: Double = 0
    /// Number of observations.
    public private(set) var count: Int = 0

    /// Creates an empty histogram with the given finite bucket bounds.
    public init(bounds: [Double]) {
        self.bounds = bounds
        self.counts = Array(repeating: 0, count: bounds.count + 1)
    }

    /// Records one observation.
    public mutating func observe(_ value: Double) {
        let index = bounds.firstIndex { value <= $0 } ?? bounds.count
        counts[index] += 1
        sum += value
        count += 1
    }

    /// Cumulative counts per finite bound, then the `+Inf` bucket (equal to ``count``).
    public var cumulativeCounts: [Int] {
        var running = 0
        return counts.map { value in
            running += value
            return running
        }
    }
}

extension Histogram {
    /// vLLM V1's `time_to_first_token_seconds` buckets.
    public static let vllmTimeToFirstToken: [Double] = [
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0,
        80.0, 160.0, 640.0, 2560.0,
    ]
    /// vLLM V1's request latency buckets (queue time, e2e latency, inference time).
    public static let vllmRequestLatency: [Double] = [
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0,
        960.0, 1920.0, 7680.0,
    ]
    /// Triton's default `first_response_histogram_ms` buckets.
    public static let tritonFirstResponse: [Double] = [100, 500, 2000, 5000]
}
