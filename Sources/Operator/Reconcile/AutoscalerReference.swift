import YAML

/// Another autoscaler in the pool's namespace and the workload it targets.
public struct AutoscalerReference: Sendable, Equatable {
    /// `HorizontalPodAutoscaler` or `ScaledObject`.
    public var kind: String
    /// Its name.
    public var name: String
    /// The kind of the workload it scales.
    public var targetKind: String
    /// The name of the workload it scales.
    public var targetName: String

    /// Creates a reference.
    public init(kind: String, name: String, targetKind: String, targetName: String) {
        self.kind = kind
        self.name = name
        self.targetKind = targetKind
        self.targetName = targetName
    }

    /// Reads an HPA (autoscaling/v2 or v1) or a KEDA ScaledObject; `nil` for anything else.
    ///
    /// Both keep their target in `spec.scaleTargetRef`; a ScaledObject's kind defaults to Deployment.
    public init?(json object: JSONValue) {
        guard let kind = object["kind"]?.stringValue, kind == "HorizontalPodAutoscaler" || kind == "ScaledObject",
            let name = object.value(at: ["metadata", "name"])?.stringValue,
            let targetName = object.value(at: ["spec", "scaleTargetRef", "name"])?.stringValue
        else { return nil }
        self.kind = kind
        self.name = name
        self.targetName = targetName
        targetKind = object.value(at: ["spec", "scaleTargetRef", "kind"])?.stringValue ?? "Deployment"
    }

    /// Whether it scales the Deployment named `deployment`.
    public func targets(deployment: String) -> Bool {
        targetKind == "Deployment" && targetName == deployment
    }
}
