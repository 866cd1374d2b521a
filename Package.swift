// swift-tools-version: 6.2
// PoolPilot: a Kubernetes operator that autoscales vLLM and NVIDIA Triton inference pools.
// Targets and the direction of their dependencies follow ../shared/DESIGN.md (copied in docs/).
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "PoolPilot",
    products: [
        .executable(name: "poolpilot", targets: ["poolpilot"])
    ],
    targets: [
        // System libraries from Debian's -dev packages.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSystem"),

        // Foundations.
        .target(name: "HTTP", dependencies: ["CCurl", "COpenSSL", "CSystem"], swiftSettings: strict),
        .target(name: "YAML", dependencies: ["CYaml"], swiftSettings: strict),
        .target(name: "Telemetry", swiftSettings: strict),
        .target(name: "Scaling", swiftSettings: strict),

        // Kubernetes and signals.
        .target(name: "Kube", dependencies: ["HTTP", "YAML"], swiftSettings: strict),
        .target(name: "Metrics", dependencies: ["HTTP"], swiftSettings: strict),
        .target(name: "KubeRuntime", dependencies: ["Kube", "Telemetry", "HTTP"], swiftSettings: strict),

        // The embedded cluster and the operator.
        .target(
            name: "Cluster",
            dependencies: ["HTTP", "YAML", "Kube", "Metrics", "Telemetry"],
            resources: [.copy("Resources/traces")],
            swiftSettings: strict
        ),
        .target(
            name: "Operator",
            dependencies: ["KubeRuntime", "Kube", "Metrics", "Scaling", "Telemetry", "YAML", "HTTP"],
            swiftSettings: strict
        ),
        .target(
            name: "OperatorCLI",
            dependencies: ["Operator", "Cluster", "Kube", "Metrics", "Scaling", "Telemetry", "YAML", "HTTP"],
            swiftSettings: strict
        ),
        .executableTarget(name: "poolpilot", dependencies: ["OperatorCLI"], swiftSettings: strict),
        // Benchmarks for `make bench` (release build): one file per module's benchmarks.
        .executableTarget(
            name: "poolpilot-bench",
            dependencies: ["HTTP", "YAML", "Kube", "Metrics", "Scaling", "Telemetry", "KubeRuntime", "Cluster", "Operator"],
            swiftSettings: strict
        ),

        // Shared test helpers: temporary folders, the embedded cluster as a child process, kubectl.
        .target(name: "TestSupport", dependencies: ["Kube", "HTTP", "YAML"], swiftSettings: strict),

        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: strict),
        .testTarget(name: "KubeTests", dependencies: ["Kube", "HTTP", "YAML", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics", "HTTP", "YAML", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"], swiftSettings: strict),
        .testTarget(name: "ScalingTests", dependencies: ["Scaling"], swiftSettings: strict),
        .testTarget(
            name: "KubeRuntimeTests",
            dependencies: ["KubeRuntime", "Kube", "Telemetry", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "Kube", "YAML", "TestSupport", "HTTP"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OperatorTests",
            dependencies: ["Operator", "Kube", "KubeRuntime", "Telemetry", "HTTP", "Scaling", "Metrics", "TestSupport", "YAML"],
            swiftSettings: strict
        ),
        .testTarget(name: "OperatorCLITests", dependencies: ["OperatorCLI", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Kube", "YAML", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
