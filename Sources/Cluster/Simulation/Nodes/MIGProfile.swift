/// A MIG profile name such as `3g.40gb`: compute slices and memory.
public struct MIGProfile: Sendable, Equatable {
    /// GPU compute slices (the `3` of `3g.40gb`).
    public var slices: Int
    /// Memory in GB (the `40` of `3g.40gb`).
    public var gigabytes: Int

    /// Parses `<n>g.<m>gb`; `nil` when it has another shape.
    public init?(_ name: String) {
        let parts = name.split(separator: ".")
        guard parts.count == 2, parts[0].hasSuffix("g"), parts[1].hasSuffix("gb"),
            let slices = Int(parts[0].dropLast()), let gigabytes = Int(parts[1].dropLast(2)), slices > 0, gigabytes > 0
        else { return nil }
        self.slices = slices
        self.gigabytes = gigabytes
    }

    /// The profile name, `3g.40gb`.
    public var name: String { "\(slices)g.\(gigabytes)gb" }

    /// The extended resource the device plugin advertises under the mixed strategy.
    public var resourceName: String { "nvidia.com/mig-\(name)" }
}
