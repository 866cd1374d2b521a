import Operator

/// The options of `poolpilot run` and how they become an ``OperatorConfiguration``.
enum RunOptions {
    static let options: [OptionSpec] = [
        OptionSpec(
            "kubeconfig",
            kind: .value(placeholder: "PATH"),
            help: "Kubeconfig file ($KUBECONFIG).",
            defaultValue: "~/.kube/config, then in-cluster"
        ),
        OptionSpec(
            "context",
            kind: .value(placeholder: "NAME"),
            help: "Kubeconfig context.",
            defaultValue: "current context"
        ),
        OptionSpec(
            "namespace",
            short: "n",
            kind: .value(placeholder: "NS"),
            help: "Namespace to watch; repeat for several.",
            defaultValue: "all"
        ),
        OptionSpec("leader-elect", kind: .flag, help: "Elect a leader on a Lease before reconciling."),
        OptionSpec(
            "leader-election-id",
            kind: .value(placeholder: "NAME"),
            help: "Lease name.",
            defaultValue: "poolpilot-leader"
        ),
        OptionSpec(
            "leader-election-namespace",
            kind: .value(placeholder: "NS"),
            help: "Lease namespace.",
            defaultValue: "pod namespace, else default"
        ),
        OptionSpec("workers", kind: .value(placeholder: "N"), help: "Concurrent reconciles.", defaultValue: "2"),
        OptionSpec(
            "metrics-bind-address",
            kind: .value(placeholder: "ADDR"),
            help: "Where /metrics listens; 0 disables.",
            defaultValue: ":8080"
        ),
        OptionSpec(
            "health-probe-bind-address",
            kind: .value(placeholder: "ADDR"),
            help: "Where /healthz and /readyz listen; 0 disables.",
            defaultValue: ":8081"
        ),
        OptionSpec(
            "log-level",
            kind: .value(placeholder: "LEVEL"),
            help: "trace, debug, info, warning or error.",
            defaultValue: "info"
        ),
        OptionSpec("log-format", kind: .value(placeholder: "FORMAT"), help: "json or text.", defaultValue: "json"),
    ]

    /// The configuration from flags, then `POOLPILOT_…` environment variables, then defaults.
    static func configuration(from arguments: ParsedArguments, environment: [String: String]) throws(ArgumentError)
        -> OperatorConfiguration
    {
        func value(_ flag: String) -> String? {
            arguments.value(flag)
                ?? environment[OperatorConfiguration.environmentName(for: flag)].flatMap { $0.isEmpty ? nil : $0 }
        }
        var configuration = OperatorConfiguration()
        configuration.kubeconfig = value("kubeconfig")
        configuration.context = value("context")
        let namespaces = arguments.allValues("namespace")
        configuration.namespaces =
            namespaces.isEmpty
            ? (environment[OperatorConfiguration.environmentName(for: "namespace")] ?? "").split(separator: ",").map(
                String.init
            )
            : namespaces
        let electEnvironment = environment[OperatorConfiguration.environmentName(for: "leader-elect")]
        configuration.leaderElect =
            arguments.flag("leader-elect") || electEnvironment == "true" || electEnvironment == "1"
        configuration.leaderElectionID = value("leader-election-id") ?? configuration.leaderElectionID
        configuration.leaderElectionNamespace = value("leader-election-namespace")
        if let workers = value("workers") {
            guard let count = Int(workers), (1...64).contains(count) else {
                throw .invalidValue(
                    command: arguments.command,
                    option: "workers",
                    value: workers,
                    expected: "an integer in 1...64"
                )
            }
            configuration.workers = count
        }
        for flag in ["metrics-bind-address", "health-probe-bind-address"] {
            guard let text = value(flag) else { continue }
            guard let address = OperatorConfiguration.BindAddress.parse(text) else {
                throw .invalidValue(
                    command: arguments.command,
                    option: flag,
                    value: text,
                    expected: "HOST:PORT, :PORT or 0"
                )
            }
            if flag == "metrics-bind-address" {
                configuration.metricsBindAddress = address
            } else {
                configuration.healthProbeBindAddress = address
            }
        }
        let levels = ["trace", "debug", "info", "warning", "error"]
        if let level = value("log-level") {
            guard levels.contains(level) else {
                throw .invalidValue(
                    command: arguments.command,
                    option: "log-level",
                    value: level,
                    expected: levels.joined(separator: ", ")
                )
            }
            configuration.logLevel = level
        }
        if let format = value("log-format") {
            guard ["json", "text"].contains(format) else {
                throw .invalidValue(
                    command: arguments.command,
                    option: "log-format",
                    value: format,
                    expected: "json or text"
                )
            }
            configuration.logFormat = format
        }
        return configuration
    }
}
