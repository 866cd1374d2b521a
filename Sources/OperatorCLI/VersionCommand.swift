/// `poolpilot version`: prints the version of PoolPilot and of the API it serves.
enum VersionCommand {
    /// The release version of this build.
    static let version = "0.1.0"

    static let command = Subcommand(
        spec: CommandSpec(
            name: "version",
            summary: "Print PoolPilot's version and the Kubernetes API version it is built for.",
            usage: "[-o text|json]",
            options: [OptionSpec("output", short: "o", kind: .value(placeholder: "FORMAT"), help: "text or json.")]
        )
    ) { arguments in
        let format = try arguments.choice("output", ["text", "json"], default: "text")
        if format == "json" {
            Output.line(#"{"version":"\#(version)","kubernetesAPI":"1.32","apiGroup":"poolpilot.dev/v1alpha1"}"#)
        } else {
            Output.line("poolpilot \(version) (Kubernetes API 1.32, poolpilot.dev/v1alpha1)")
        }
        return 0
    }
}
