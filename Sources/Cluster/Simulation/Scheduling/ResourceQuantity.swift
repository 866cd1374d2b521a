/// Parses Kubernetes resource quantities into base units (cores, bytes, counts) for fit checks.
///
/// Understands the decimal suffixes `m`, `k`, `M`, `G`, `T`, `P`, `E`, the binary ones `Ki` … `Ei`
/// and plain or exponent numbers (`1e3`). Known limitation: precision is that of `Double`, plenty
/// for comparing requests with allocatable.
public enum ResourceQuantity {
    /// The value of `text` in base units; `nil` when it is not a quantity.
    public static func value(_ text: String) -> Double? {
        let suffixes: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
            ("m", 0.001), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
        ]
        let trimmed = String(text.filter { $0 != " " })
        for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
            guard let number = Double(trimmed.dropLast(suffix.count)) else { return nil }
            return number * factor
        }
        return Double(trimmed)
    }
}
