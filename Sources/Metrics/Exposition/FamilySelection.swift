/// Which metric families a parse materialises.
///
/// Lines of families that are not selected are skipped after their name is read: their labels and
/// values are neither built nor checked, which makes picking a few families from a large page cheap.
public enum FamilySelection: Sendable, Equatable {
    /// Every family.
    case all
    /// Only the families with these names. A name also selects the OpenMetrics counter family it
    /// belongs to when it ends in `_total` (OpenMetrics names `foo_total`'s family `foo`).
    case families(Set<String>)

    /// Whether the family named `name` of type `type` is selected.
    public func includes(family name: String, type: MetricType) -> Bool {
        switch self {
        case .all:
            return true
        case .families(let names):
            if names.contains(name) { return true }
            return type == .counter && names.contains(name + "_total")
        }
    }
}

/// What a sample name's suffix makes of it within its family.
enum SampleRole: Sendable, Equatable {
    case plain
    case total
    case created
    case bucket
    case count
    case sum
    case gaugeCount
    case gaugeSum
    case info

    /// The suffix this role adds to the family name.
    var suffix: [UInt8] {
        switch self {
        case .plain: return []
        case .total: return Array("_total".utf8)
        case .created: return Array("_created".utf8)
        case .bucket: return Array("_bucket".utf8)
        case .count: return Array("_count".utf8)
        case .sum: return Array("_sum".utf8)
        case .gaugeCount: return Array("_gcount".utf8)
        case .gaugeSum: return Array("_gsum".utf8)
        case .info: return Array("_info".utf8)
        }
    }

    /// The roles a family of `type` may hold in `format`, tried in order.
    static func roles(for type: MetricType, in format: ExpositionFormat) -> [SampleRole] {
        let isOpenMetrics = format == .openMetrics
        switch type {
        case .counter: return isOpenMetrics ? [.total, .created] : [.plain]
        case .gauge, .unknown, .stateSet: return [.plain]
        case .histogram: return isOpenMetrics ? [.bucket, .count, .sum, .created] : [.bucket, .count, .sum]
        case .gaugeHistogram: return [.bucket, .gaugeCount, .gaugeSum]
        case .summary: return isOpenMetrics ? [.plain, .count, .sum, .created] : [.plain, .count, .sum]
        case .info: return [.info]
        }
    }

    /// Every suffix any role has, longest first, for finding a family from a sample name.
    static let knownSuffixes: [[UInt8]] = [
        SampleRole.created, .bucket, .gaugeCount, .total, .count, .gaugeSum, .info, .sum,
    ].map(\.suffix)
}
