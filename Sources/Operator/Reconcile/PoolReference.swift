import YAML

/// Another InferencePool in the same namespace and the Deployment it targets.
///
/// Two pools must never drive one Deployment: the older pool (by `creationTimestamp`, then by
/// name) keeps it and every younger one reports a conflict and writes nothing.
public struct PoolReference: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// `metadata.creationTimestamp` (RFC 3339), if set.
    public var creationTimestamp: String?
    /// The name of the Deployment it targets.
    public var targetName: String

    /// Creates a reference.
    public init(name: String, creationTimestamp: String?, targetName: String) {
        self.name = name
        self.creationTimestamp = creationTimestamp
        self.targetName = targetName
    }

    /// Reads an InferencePool object; `nil` when it has no name or target.
    public init?(json object: JSONValue) {
        guard let name = object.value(at: ["metadata", "name"])?.stringValue,
            let targetName = object.value(at: ["spec", "targetRef", "name"])?.stringValue
        else { return nil }
        self.name = name
        self.targetName = targetName
        creationTimestamp = object.value(at: ["metadata", "creationTimestamp"])?.stringValue
    }

    /// Whether this pool was created before `other` (then sorts first by name on a tie).
    ///
    /// RFC 3339 timestamps in UTC with the same precision order as strings; a pool without a
    /// timestamp counts as the youngest.
    public func precedes(_ other: PoolReference) -> Bool {
        switch (creationTimestamp, other.creationTimestamp) {
        case let (mine?, theirs?) where mine != theirs: return mine < theirs
        case (_?, nil): return true
        case (nil, _?): return false
        default: return name < other.name
        }
    }
}
