/// One observed value of a signal, with the time it was observed.
///
/// In a scenario file a sample is either a bare number or `{"value": 3, "observedAt": 990}`.
public struct SignalSample: Codable, Sendable, Equatable {
    /// The value.
    public var value: Double
    /// When it was observed, in seconds on the caller's clock (the same clock as `now`).
    ///
    /// `nil` means "fresh": observed this interval.
    public var observedAt: Double?

    /// Creates a sample.
    public init(_ value: Double, observedAt: Double? = nil) {
        self.value = value
        self.observedAt = observedAt
    }

    /// Whether the value can be used (finite and not negative); anything else counts as missing.
    var isUsable: Bool {
        value.isFinite && value >= 0
    }

    /// Whether the sample is older than `staleAfter` seconds at `now`.
    func isStale(now: Double, staleAfter: Double?) -> Bool {
        guard let staleAfter, let observedAt else { return false }
        return now - observedAt > staleAfter
    }

    private enum CodingKeys: String, CodingKey {
        case value, observedAt
    }

    /// Decodes a bare number or an object with `value` and optional `observedAt`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let number = try? single.decode(Double.self) {
            self.init(number)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Double.self, forKey: .value),
            observedAt: try container.decodeIfPresent(Double.self, forKey: .observedAt)
        )
    }

    /// Encodes a bare number when there is no time, otherwise an object.
    public func encode(to encoder: any Encoder) throws {
        if let observedAt {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(observedAt, forKey: .observedAt)
        } else {
            var single = encoder.singleValueContainer()
            try single.encode(value)
        }
    }
}
