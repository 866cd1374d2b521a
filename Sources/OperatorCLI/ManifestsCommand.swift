import Foundation
import Operator

/// `poolpilot manifests`: writes the CRD generated from the InferencePool API types (a developer tool).
enum ManifestsCommand {
    static let command = Subcommand(
        spec: CommandSpec(
            name: "manifests",
            summary: "Write the InferencePool CRD generated from the API types (for developers).",
            usage: "[--dir DIR] [--check]",
            options: [
                OptionSpec(
                    "dir",
                    kind: .value(placeholder: "DIR"),
                    help: "Repository root to write crds/ under.",
                    defaultValue: "."
                ),
                OptionSpec("check", kind: .flag, help: "Do not write; exit 1 if the committed CRD is stale."),
            ],
            discussion: "make manifests runs this; make check-manifests runs it with --check."
        )
    ) { arguments in
        let root = URL(fileURLWithPath: arguments.value("dir") ?? ".")
        let file = root.appendingPathComponent(InferencePoolCRD.path)
        let generated = InferencePoolCRD.yamlText
        if arguments.flag("check") {
            let committed = try? String(contentsOf: file, encoding: .utf8)
            guard committed == generated else {
                Output.error("error: \(InferencePoolCRD.path) is stale; run 'make manifests' and commit it")
                return 1
            }
            Output.line("\(InferencePoolCRD.path) is up to date")
            return 0
        }
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try Data(generated.utf8).write(to: file, options: .atomic)
        Output.line("wrote \(InferencePoolCRD.path)")
        return 0
    }
}
