import Foundation
import Metrics
import Scaling
import YAML

extension PoolReconciler {
    /// What gather read for one pool.
    struct Gathered {
        var deployment: DeploymentSnapshot?
        var autoscalers: [AutoscalerReference]
        var otherPools: [PoolReference] = []
        var capacity: GPUCapacity
        var decision: Decision?
        var metricsError: String?
    }

    /// Reads everything the plan needs; asks the engine only for a valid pool with a target.
    func gather(pool: PoolSnapshot, key: String, at date: Date) async throws -> Gathered {
        let spec = pool.spec
        let deploymentObject = try await access.get(.deployments, namespace: pool.namespace, name: spec.targetRef.name)
        let empty = GPUCapacity(
            matchingNodes: [],
            freeUnits: 0,
            freeGPUs: 0,
            scheduledReplicas: 0,
            pendingReplicas: 0,
            additionalReplicas: 0
        )
        guard let deploymentObject, SpecValidator.problems(in: spec).isEmpty else {
            return Gathered(
                deployment: deploymentObject.map(DeploymentSnapshot.init),
                autoscalers: [],
                capacity: empty,
                decision: nil
            )
        }
        let deployment = DeploymentSnapshot(object: deploymentObject)

        var autoscalers = try await access.list(
            .horizontalPodAutoscalers,
            namespace: pool.namespace,
            labelSelector: nil
        )
        do {
            autoscalers += try await access.list(.scaledObjects, namespace: pool.namespace, labelSelector: nil)
        } catch OperatorError.notServed {
            // KEDA is not installed: there is no ScaledObject to conflict with.
        }

        let podObjects = try await access.list(.pods, namespace: pool.namespace, labelSelector: deployment.selector)
        let poolPods = podObjects.map(PodInfo.init(json:))
        let nodes = try await access.list(.nodes, namespace: nil, labelSelector: nil).map(NodeInfo.init(json:))
        let allPods = try await access.list(.pods, namespace: nil, labelSelector: nil).map(PodInfo.init(json:))
        let capacity = GPUCapacity.compute(gpu: spec.gpu, nodes: nodes, pods: allPods, poolPods: poolPods)

        let reading = await signals.read(
            key: key,
            spec: spec,
            pods: poolPods.filter { $0.isReady && !$0.isTerminating }
        )
        let decision = decide(
            spec: spec,
            status: pool.status,
            key: key,
            replicas: deployment.specReplicas,
            pods: poolPods,
            reading: reading,
            capacity: capacity,
            at: date
        )
        let otherPools = try await access.list(.inferencePools, namespace: pool.namespace, labelSelector: nil)
            .compactMap(PoolReference.init(json:)).filter { $0.name != pool.name }
        return Gathered(
            deployment: deployment,
            autoscalers: autoscalers.compactMap(AutoscalerReference.init(json:)),
            otherPools: otherPools,
            capacity: capacity,
            decision: decision,
            metricsError: reading.error
        )
    }

    /// Asks the engine, with the history kept for this pool.
    func decide(
        spec: InferencePoolSpec,
        status: InferencePoolStatus,
        key: String,
        replicas: Int,
        pods: [PodInfo],
        reading: SignalReading,
        capacity: GPUCapacity,
        at date: Date
    ) -> Decision {
        let now = date.timeIntervalSince1970
        let states = pods.map { pod in
            EngineAdapter.podState(
                pod,
                signals: reading.pods[pod.name],
                observedAt: now,
                targets: spec.targets,
                custom: reading.customPerPod[pod.name] ?? [:]
            )
        }
        let state = PoolState(
            replicas: replicas,
            pods: states,
            poolSignals: reading.poolTotals.mapValues { SignalSample($0, observedAt: now) },
            failedSignals: reading.failedSignals,
            gpuHeadroom: capacity.matchingNodes.isEmpty && capacity.scheduledReplicas == 0
                ? nil : capacity.additionalReplicas
        )
        let history = histories[key] ?? EngineAdapter.history(from: status)
        return DecisionEngine.decide(policy: EngineAdapter.policy(for: spec), state: state, history: history, now: now)
    }
}
