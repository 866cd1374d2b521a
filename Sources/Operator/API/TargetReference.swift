/// The Deployment a pool scales, in the pool's namespace.
public struct TargetReference: Codable, Sendable, Equatable {
    /// API version of the target.
    ///
    /// Default: `apps/v1`.
    public var apiVersion: String
    /// Kind of the target; only `Deployment` is supported.
    ///
    /// Default: `Deployment`.
    public var kind: String
    /// Name of the Deployment.
    public var name: String

    /// Creates a reference to the Deployment `name`.
    public init(name: String, apiVersion: String = "apps/v1", kind: String = "Deployment") {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }

    /// Decodes a reference, filling in `apps/v1` and `Deployment` when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? "apps/v1"
        kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? "Deployment"
        name = try container.decode(String.self, forKey: .name)
    }

    /// The schema of `spec.targetRef`.
    public static let schema = SchemaNode.object(
        "The Deployment this pool scales. It must be in the pool's namespace. PoolPilot writes its "
            + "replicas (through the scale subresource) and, when gpu.managePlacement is true, its pod "
            + "template's GPU placement.",
        [
            ("apiVersion", .string("API version of the target.", enum: ["apps/v1"], default: "apps/v1")),
            (
                "kind",
                .string(
                    "Kind of the target. Only Deployment is supported.",
                    enum: ["Deployment"],
                    default: "Deployment"
                )
            ),
            ("name", .string("Name of the Deployment.", maxLength: 253).withMinLength(1)),
        ],
        required: ["name"]
    )
}
