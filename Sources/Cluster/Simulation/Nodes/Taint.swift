/// A node taint, as in `Node.spec.taints`.
public struct Taint: Sendable, Equatable, Codable, Hashable {
    /// The taint key.
    public var key: String
    /// The taint value; may be empty.
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    public var effect: String

    /// Creates a taint.
    public init(key: String, value: String? = nil, effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// The GPU taint most clusters put on GPU nodes: `nvidia.com/gpu=present:NoSchedule`.
    public static let gpu = Taint(key: "nvidia.com/gpu", value: "present", effect: "NoSchedule")
}
