/// Number formatting for explanations, without Foundation.
enum Format {
    /// `value` with at most two decimals and no trailing zeros: 12, 0.85, 1.5.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.description }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths != 0 ? "-" : ""
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// "1 pod" or "3 pods".
    static func pods(_ count: Int) -> String {
        count == 1 ? "1 pod" : "\(count) pods"
    }

    /// "1 replica" or "3 replicas".
    static func replicas(_ count: Int) -> String {
        count == 1 ? "1 replica" : "\(count) replicas"
    }
}
