import Foundation
import Kube
import Operator

/// `poolpilot doctor`: checks a cluster for PoolPilot and prints what to fix.
enum DoctorCommand {
    static let command = Subcommand(
        spec: CommandSpec(
            name: "doctor",
            summary: "Check a cluster for PoolPilot (CRD, RBAC, GPU nodes, device plugin, other autoscalers).",
            usage: "[--kubeconfig PATH] [--context NAME]",
            options: [
                OptionSpec("kubeconfig", kind: .value(placeholder: "PATH"), help: "Kubeconfig file ($KUBECONFIG)."),
                OptionSpec("context", kind: .value(placeholder: "NAME"), help: "Kubeconfig context."),
            ],
            discussion: "Exits 1 when a check fails. RBAC is checked for the identity doctor runs as."
        )
    ) { arguments in
        let configuration = try ClientConfiguration.load(
            context: arguments.value("context"),
            kubeconfigPath: arguments.value("kubeconfig")
        )
        let client = KubeClient(configuration: configuration)
        let findings = await Doctor.run(access: KubeClusterAccess(client: client))
        await client.shutdown()
        Output.line("poolpilot doctor: \(configuration.server)")
        for finding in findings { Output.line(finding.text) }
        let failures = findings.filter { $0.level == .failure }.count
        let warnings = findings.filter { $0.level == .warning }.count
        Output.line("\(failures) failed, \(warnings) warnings, \(findings.count - failures - warnings) ok")
        return failures == 0 ? 0 : 1
    }
}
