/// An ordered, JSON-compatible value used to write manifests with a stable, readable key order.
///
/// Kubernetes manifests read best with `apiVersion`, `kind`, `metadata` first and a schema's
/// `description` before its `properties`; a dictionary cannot keep that order, so generated
/// manifests are built from this type and written by ``yamlText``.
public indirect enum ManifestValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int64)
    /// A floating-point number.
    case number(Double)
    /// A boolean.
    case bool(Bool)
    /// A list of values.
    case list([ManifestValue])
    /// An object whose members keep their order.
    case map([(key: String, value: ManifestValue)])

    /// Compares two values member by member, order included.
    public static func == (lhs: ManifestValue, rhs: ManifestValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The member named `key` when this is a map.
    public subscript(key: String) -> ManifestValue? {
        guard case .map(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
