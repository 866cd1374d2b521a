import Foundation
import Kube

/// The `sim.poolpilot.dev/*` annotations of a Deployment (or its pod template).
///
/// They tune its simulated inference servers. See docs/simulation.md.
enum SimulationAnnotations {
    static let server = "sim.poolpilot.dev/server"
    static let model = "sim.poolpilot.dev/model"
    static let modelLoadSeconds = "sim.poolpilot.dev/model-load-seconds"
    static let sloSeconds = "sim.poolpilot.dev/slo-ttft-seconds"
    static let load = "sim.poolpilot.dev/load"
    static let parameters = "sim.poolpilot.dev/server-parameters"

    /// A Deployment's annotation, falling back to its pod template's.
    static func value(_ key: String, of deployment: Deployment) -> String? {
        deployment.metadata.annotations?[key] ?? deployment.spec?.template?.metadata?.annotations?[key]
    }

    /// The fleet settings of a Deployment, or `nil` when it runs neither vLLM nor Triton.
    ///
    /// - Throws: ``SimulationError/invalidLoad(_:)`` when the server parameters are not valid JSON.
    static func settings(of deployment: Deployment, defaultLoadSeconds: Double) throws -> InferenceFleet.PoolSettings? {
        let container = deployment.spec?.template?.spec?.containers.first
        guard let kind = ServerKind.detect(annotation: value(server, of: deployment), image: container?.image) else {
            return nil
        }
        var parameters = ServerParameters()
        if let json = value(self.parameters, of: deployment) {
            do {
                parameters = try JSONDecoder().decode(ServerParameters.self, from: Data(json.utf8))
            } catch {
                throw SimulationError.invalidLoad("\(self.parameters): \(error)")
            }
        }
        return InferenceFleet.PoolSettings(
            kind: kind,
            modelName: value(model, of: deployment) ?? modelName(container?.args ?? []) ?? deployment.metadata.name
                ?? "model",
            parameters: parameters,
            timeToFirstTokenBound: value(sloSeconds, of: deployment).flatMap(Double.init) ?? 2,
            modelLoadSeconds: value(modelLoadSeconds, of: deployment).flatMap(Double.init) ?? defaultLoadSeconds
        )
    }

    // vLLM names its model with --served-model-name, else --model.
    private static func modelName(_ arguments: [String]) -> String? {
        for flag in ["--served-model-name", "--model"] {
            for (index, argument) in arguments.enumerated() {
                if argument.hasPrefix(flag + "=") { return String(argument.dropFirst(flag.count + 1)) }
                if argument == flag, index + 1 < arguments.count { return arguments[index + 1] }
            }
        }
        return nil
    }
}
