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
        let generated = InferencePoolCRD.yamlText
        let paths = [InferencePoolCRD.path, InferencePoolCRD.kustomizePath]
        if arguments.flag("check") {
            let stale = paths.filter { path in
                (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) != generated
            }
            guard stale.isEmpty else {
                Output.error("error: \(stale.joined(separator: ", ")) stale; run 'make manifests' and commit")
                return 1
            }
            Output.line("\(paths.joined(separator: " and ")) are up to date")
            return 0
        }
        for path in paths {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(generated.utf8).write(to: file, options: .atomic)
            Output.line("wrote \(path)")
        }
        return 0
    }
}
