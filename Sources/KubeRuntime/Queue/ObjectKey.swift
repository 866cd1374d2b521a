/// What a controller reconciles: an object's namespace and name, with no event payload.
///
/// Written `namespace/name`, or just `name` for cluster-scoped objects, like client-go's keys.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The namespace, or `nil` for cluster-scoped objects.
    public var namespace: String?
    /// The object name.
    public var name: String

    /// Creates a key.
    public init(namespace: String?, name: String) {
        self.namespace = namespace.flatMap { $0.isEmpty ? nil : $0 }
        self.name = name
    }

    /// Parses `namespace/name` or `name`.
    public init(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        if parts.count == 2 {
            self.init(namespace: String(parts[0]), name: String(parts[1]))
        } else {
            self.init(namespace: nil, name: text)
        }
    }

    /// `namespace/name`, or `name`.
    public var description: String {
        namespace.map { "\($0)/\(name)" } ?? name
    }

    /// Orders keys by namespace, then name.
    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.namespace ?? "", lhs.name) < (rhs.namespace ?? "", rhs.name)
    }
}
