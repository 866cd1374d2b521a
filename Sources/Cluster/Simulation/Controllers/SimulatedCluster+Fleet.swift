import Foundation
import Kube
import YAML

extension SimulatedCluster {
    /// Keeps every inference pool's settings and load in step with its Deployment's annotations;
    /// an invalid load or parameter annotation gets one Warning event per distinct error.
    func configureFleet(_ snapshot: ClusterSnapshot) async {
        for deployment in snapshot.deployments where deployment.metadata.deletionTimestamp == nil {
            guard let name = deployment.metadata.name, let namespace = deployment.metadata.namespace else { continue }
            let key = InferenceFleet.PoolKey(namespace: namespace, name: name)
            do {
                guard
                    let settings = try SimulationAnnotations.settings(
                        of: deployment,
                        defaultLoadSeconds: options.defaultModelLoadSeconds
                    )
                else { continue }
                await fleet.configurePool(key, settings: settings)
                let text = SimulationAnnotations.value(SimulationAnnotations.load, of: deployment)
                try await fleet.setLoad(key, spec: try text.map(LoadSpec.parse), specKey: text)
                loadErrors[key.description] = nil
            } catch {
                let message = "\(error)"
                guard loadErrors[key.description] != message else { continue }
                loadErrors[key.description] = message
                let reference = ObjectReference(
                    kind: "Deployment",
                    namespace: namespace,
                    name: name,
                    uid: deployment.metadata.uid,
                    apiVersion: "apps/v1"
                )
                await record(
                    ObjectFactory.event(
                        about: reference,
                        type: "Warning",
                        reason: "InvalidSimulation",
                        message: message,
                        component: "poolpilot-simulation",
                        now: Date()
                    )
                )
            }
        }
    }

    /// Publishes each pool's ``PoolStats`` in the ConfigMap `poolpilot-sim-<deployment>`, at most
    /// once per ``SimulationOptions/statsInterval``.
    func publishStats(_ snapshot: ClusterSnapshot) async {
        let now = ContinuousClock.now
        if let last = lastStatsPublish, now - last < .milliseconds(Int(options.statsInterval * 1000)) { return }
        lastStatsPublish = now
        let existing = Set(snapshot.deployments.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name ?? "")" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for key in await fleet.poolKeys where existing.contains(key.description) {
            guard let stats = await fleet.stats(key), let data = try? encoder.encode(stats) else { continue }
            let name = SimulationStatsConfigMap.name(forDeployment: key.name)
            let json = String(decoding: data, as: UTF8.self)
            do {
                _ = try await client.patch(
                    SimulationStatsConfigMap.self,
                    name: name,
                    namespace: key.namespace,
                    patch: .merge(["data": ["stats.json": .string(json)]])
                )
            } catch let error as KubeClientError where error.code == 404 {
                let configMap = SimulationStatsConfigMap(
                    metadata: ObjectMeta(
                        name: name,
                        namespace: key.namespace,
                        labels: ["app.kubernetes.io/managed-by": "poolpilot-simulation"]
                    ),
                    data: ["stats.json": json]
                )
                _ = try? await client.create(configMap)
            } catch {
                logger.debug("stats publish failed", ["object.name": .string(name), "error": .string("\(error)")])
            }
        }
    }
}
