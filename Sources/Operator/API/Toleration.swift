/// A pod toleration, as in a Pod's `spec.tolerations`.
public struct Toleration: Codable, Sendable, Equatable, Hashable {
    /// The taint key matched; empty with `Exists` matches every taint.
    public var key: String?
    /// `Exists` or `Equal`.
    ///
    /// Default: `Equal`.
    public var `operator`: String?
    /// The taint value matched with `Equal`.
    public var value: String?
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`; absent matches every effect.
    public var effect: String?
    /// Seconds a `NoExecute` taint is tolerated before eviction.
    public var tolerationSeconds: Int?

    /// Creates a toleration.
    public init(
        key: String? = nil,
        operator: String? = nil,
        value: String? = nil,
        effect: String? = nil,
        tolerationSeconds: Int? = nil
    ) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    /// The toleration every GPU pod gets: `nvidia.com/gpu` exists, effect `NoSchedule`.
    public static let nvidiaGPU = Toleration(key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule")

    /// Whether this toleration tolerates a taint with `key`, `value` and `effect`.
    public func tolerates(key taintKey: String, value taintValue: String?, effect taintEffect: String) -> Bool {
        if let effect, !effect.isEmpty, effect != taintEffect { return false }
        if (self.operator ?? "Equal") == "Exists" {
            return key == nil || key == "" || key == taintKey
        }
        return key == taintKey && (value ?? "") == (taintValue ?? "")
    }

    /// The schema of one toleration.
    public static let schema = SchemaNode.object(
        "A toleration, as in a Pod's spec.tolerations.",
        [
            ("key", .string("The taint key; empty with operator Exists tolerates every taint.", maxLength: 253)),
            ("operator", .string("Exists or Equal. Default: Equal.", enum: ["Exists", "Equal"])),
            ("value", .string("The taint value matched with Equal.", maxLength: 63)),
            (
                "effect",
                .string(
                    "NoSchedule, PreferNoSchedule or NoExecute; empty tolerates every effect.",
                    enum: ["NoSchedule", "PreferNoSchedule", "NoExecute"]
                )
            ),
            (
                "tolerationSeconds",
                .integer("Seconds a NoExecute taint is tolerated before eviction.", format: "int64")
            ),
        ]
    )
}
