/// The InferencePool CustomResourceDefinition, generated from the API types' schemas.
///
/// `poolpilot manifests` (and `make manifests`) writes ``yamlText`` to
/// `crds/inferencepools.poolpilot.dev.yaml`; a test fails when the committed file differs.
public enum InferencePoolCRD {
    /// The CRD's name: `<plural>.<group>`.
    public static let name = "inferencepools.poolpilot.dev"
    /// The plural resource name.
    public static let plural = "inferencepools"
    /// The kind.
    public static let kind = "InferencePool"
    /// The short name, distinct from the Gateway API inference extension's `infpool`.
    public static let shortName = "ipool"
    /// The file the CRD is written to, relative to the repository root.
    public static let path = "crds/inferencepools.poolpilot.dev.yaml"
    /// Where the same CRD is written again for `kubectl apply -k manifests/`: kustomize loads no file
    /// outside its folder, and a kustomization.yaml inside crds/ would break `kubectl apply -f crds/`.
    public static let kustomizePath = "manifests/crd/inferencepools.poolpilot.dev.yaml"

    /// The whole object schema: apiVersion, kind, metadata, spec, status.
    public static let schema = SchemaNode.object(
        "InferencePool autoscales a vLLM or Triton inference Deployment on its queue, KV-cache and GPU "
            + "memory signals, places its pods on matching GPUs, and explains each decision in its "
            + "status, conditions and Events. Not to be confused with the Gateway API inference "
            + "extension's InferencePool (inference.networking.k8s.io, short name infpool), which routes "
            + "requests; address this one as inferencepools.poolpilot.dev or ipool.",
        [
            ("apiVersion", .string("The versioned schema of this object: poolpilot.dev/v1alpha1.")),
            ("kind", .string("The kind of this object: InferencePool.")),
            ("metadata", SchemaNode(kind: .object, description: "Standard object metadata.")),
            ("spec", InferencePoolSpec.schema),
            ("status", InferencePoolStatus.schema),
        ],
        required: ["spec"]
    )

    /// The columns `kubectl get ipool` shows.
    static let printerColumns: [ManifestValue] = [
        column("Server", "string", ".spec.server", "The inference server."),
        column("Target", "string", ".spec.targetRef.name", "The Deployment scaled."),
        column("Min", "integer", ".spec.minReplicas", "Fewest replicas."),
        column("Max", "integer", ".spec.maxReplicas", "Most replicas."),
        column("Desired", "integer", ".status.desiredReplicas", "Replicas PoolPilot last decided."),
        column("Ready", "integer", ".status.readyReplicas", "Ready replicas of the Deployment."),
        column("Waiting/replica", "number", ".status.waitingPerReplica", "Waiting requests per ready replica."),
        column("GPU mem", "number", ".status.gpuMemoryUtilization", "Mean GPU memory utilization, 0 to 1."),
        column("Age", "date", ".metadata.creationTimestamp", "Time since the pool was created."),
    ]

    private static func column(_ name: String, _ type: String, _ path: String, _ description: String) -> ManifestValue {
        .map([
            ("description", .string(description)), ("jsonPath", .string(path)), ("name", .string(name)),
            ("type", .string(type)),
        ])
    }

    /// The CRD as an ordered manifest.
    public static var manifest: ManifestValue {
        let version: ManifestValue = .map([
            ("additionalPrinterColumns", .list(printerColumns)),
            ("name", .string(InferencePoolAPI.version)),
            ("schema", .map([("openAPIV3Schema", schema.manifestValue)])),
            ("served", .bool(true)),
            ("storage", .bool(true)),
            (
                "subresources",
                .map([
                    (
                        "scale",
                        .map([
                            ("labelSelectorPath", .string(".status.selector")),
                            ("specReplicasPath", .string(".spec.replicas")),
                            ("statusReplicasPath", .string(".status.replicas")),
                        ])
                    ),
                    ("status", .map([])),
                ])
            ),
        ])
        return .map([
            ("apiVersion", .string("apiextensions.k8s.io/v1")),
            ("kind", .string("CustomResourceDefinition")),
            (
                "metadata",
                .map([
                    ("name", .string(name)),
                    ("labels", .map([("app.kubernetes.io/name", .string("poolpilot"))])),
                ])
            ),
            (
                "spec",
                .map([
                    ("group", .string(InferencePoolAPI.group)),
                    (
                        "names",
                        .map([
                            ("categories", .list([.string("poolpilot")])),
                            ("kind", .string(kind)),
                            ("listKind", .string(kind + "List")),
                            ("plural", .string(plural)),
                            ("shortNames", .list([.string(shortName)])),
                            ("singular", .string("inferencepool")),
                        ])
                    ),
                    ("scope", .string("Namespaced")),
                    ("versions", .list([version])),
                ])
            ),
        ])
    }

    /// The CRD as YAML, with a header saying how it is made.
    public static var yamlText: String {
        "# Generated by `make manifests` (poolpilot manifests) from Sources/Operator/API. Do not edit.\n---\n"
            + manifest.yamlText
    }
}
