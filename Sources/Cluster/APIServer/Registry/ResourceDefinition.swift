import YAML

/// Everything the server knows about one served resource in one group/version.
struct ResourceDefinition: Sendable, Equatable {
    /// The API group; "" for the core group.
    var group: String
    /// The served version, such as "v1".
    var version: String
    /// The plural resource name used in URLs, such as "deployments".
    var plural: String
    /// The singular name, such as "deployment".
    var singular: String
    /// The kind, such as "Deployment".
    var kind: String
    /// Whether objects live in a namespace.
    var isNamespaced: Bool
    /// Short names for kubectl, such as ["deploy"].
    var shortNames: [String] = []
    /// Categories, such as ["all"].
    var categories: [String] = []
    /// Whether `/status` is served.
    var hasStatus: Bool = false
    /// How `/scale` maps to this resource, when served.
    var scale: ScaleMapping?
    /// Where the objects are stored: resources served in several versions share one key.
    var storageKey: String
    /// Whether this came from a CRD (custom resources refuse strategic merge patches).
    var isCustom: Bool = false
    /// Printer columns; `nil` uses the built-in or default columns.
    var printerColumns: [PrinterColumn]?
    /// Field selectors this resource supports beyond `metadata.name` and `metadata.namespace`.
    var selectableFields: [String] = []
    /// The CRD's validation for this version (custom resources only).
    var schema: StructuralSchema?

    /// `apps/v1`, or `v1` for the core group.
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `deployments.apps`, or `configmaps` for the core group: the name used in messages.
    var qualifiedResource: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// The list kind, such as "DeploymentList".
    var listKind: String { kind + "List" }

    /// Creates a definition; `storageKey` defaults to `group/plural`.
    init(
        group: String,
        version: String,
        plural: String,
        singular: String? = nil,
        kind: String,
        namespaced: Bool,
        shortNames: [String] = [],
        categories: [String] = [],
        status: Bool = false,
        scale: ScaleMapping? = nil,
        storageKey: String? = nil,
        selectableFields: [String] = []
    ) {
        self.group = group
        self.version = version
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.kind = kind
        self.isNamespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.hasStatus = status
        self.scale = scale
        self.storageKey = storageKey ?? "\(group)/\(plural)"
        self.selectableFields = selectableFields
    }
}

/// How the `autoscaling/v1 Scale` subresource reads and writes an object.
struct ScaleMapping: Sendable, Equatable {
    /// Path of the desired replicas, such as ["spec", "replicas"].
    var specReplicasPath: [String]
    /// Path of the observed replicas, such as ["status", "replicas"].
    var statusReplicasPath: [String]
    /// Path of a string selector (CRDs), when set.
    var labelSelectorPath: [String]?
    /// Whether the selector is read from `spec.selector` as a `LabelSelector` object (built-in workloads).
    var readsSelectorObject: Bool = false

    /// The mapping of Deployments, ReplicaSets and StatefulSets.
    static let workload = ScaleMapping(
        specReplicasPath: ["spec", "replicas"],
        statusReplicasPath: ["status", "replicas"],
        labelSelectorPath: nil,
        readsSelectorObject: true
    )

    /// Parses a CRD path like `.spec.replicas`.
    static func path(_ text: String) -> [String] {
        text.split(separator: ".").map(String.init)
    }
}

/// One `additionalPrinterColumns` entry.
struct PrinterColumn: Sendable, Equatable {
    /// The header.
    var name: String
    /// `integer`, `number`, `string`, `boolean` or `date`.
    var type: String
    /// An optional format hint.
    var format: String = ""
    /// A description.
    var description: String = ""
    /// 0 shows always; higher shows only with `-o wide`.
    var priority: Int = 0
    /// The simple JSONPath, such as `.spec.replicas`.
    var jsonPath: String
}
