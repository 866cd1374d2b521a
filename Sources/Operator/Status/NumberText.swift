/// Short human text for numbers in conditions and Events.
enum NumberText {
    /// `value` with at most two decimals and no trailing zeros: 1.5, 2, 0.33.
    static func short(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
