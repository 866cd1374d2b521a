import Foundation
import Scaling

/// `poolpilot recommend`: runs the decision engine on a scenario file and prints the decision.
enum RecommendCommand {
    static let command = Subcommand(
        spec: CommandSpec(
            name: "recommend",
            summary: "Show what PoolPilot would decide for a scenario (policy, state, history, now).",
            usage: "--input FILE [-o text|json]",
            options: [
                OptionSpec(
                    "input",
                    short: "i",
                    kind: .value(placeholder: "FILE"),
                    help: "Scenario file, YAML or JSON; - reads stdin."
                ),
                OptionSpec(
                    "output",
                    short: "o",
                    kind: .value(placeholder: "FORMAT"),
                    help: "text or json.",
                    defaultValue: "text"
                ),
            ],
            discussion: """
                A scenario holds `policy`, `state`, optional `history` and `now` (seconds); see
                examples/scenarios/ and docs/scaling.md. Exit code 0 on success, 1 when the file
                cannot be read or decoded, 2 on a usage error.
                """
        )
    ) { arguments in
        guard let path = arguments.value("input") else {
            throw ArgumentError.missingArgument(command: "recommend", what: "--input FILE")
        }
        let format = try arguments.choice("output", ["text", "json"], default: "text")
        let scenario = try ScenarioFile.load(path)
        let decision = DecisionEngine.decide(scenario)
        let problems = scenario.policy.problems
        if !problems.isEmpty {
            Output.error("warning: invalid policy: \(problems.joined(separator: "; "))")
        }
        Output.line(format == "json" ? try DecisionPrinter.json(decision) : DecisionPrinter.text(decision))
        return 0
    }
}
