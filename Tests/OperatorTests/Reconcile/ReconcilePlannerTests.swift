import Operator
import Testing
import YAML

@Suite struct ReconcilePlannerTests {
    static let now = "2026-12-04T16:00:00Z"

    static func spec(_ change: (inout InferencePoolSpec) -> Void = { _ in }) -> InferencePoolSpec {
        var spec = InferencePoolSpec(
            targetRef: TargetReference(name: "llama"),
            server: .vllm,
            maxReplicas: 8,
            targets: ScalingTargets(waitingRequestsPerReplica: 4),
            gpu: GPUSpec(managePlacement: false)
        )
        change(&spec)
        return spec
    }

    static func deployment(replicas: Int = 2, ready: Int = 2) -> DeploymentSnapshot {
        DeploymentSnapshot(object: [
            "metadata": ["name": "llama", "resourceVersion": "41"],
            "spec": [
                "replicas": .integer(Int64(replicas)), "selector": ["matchLabels": ["app": "llama"]],
                "template": ["spec": ["containers": [["name": "vllm"]]]],
            ],
            "status": ["replicas": .integer(Int64(replicas)), "readyReplicas": .integer(Int64(ready))],
        ])
    }

    static let roomy = GPUCapacity(
        matchingNodes: ["a", "b"],
        freeUnits: 6,
        freeGPUs: 6,
        scheduledReplicas: 2,
        pendingReplicas: 0,
        additionalReplicas: 6
    )

    /// A signal that was read, so MetricsAvailable is True.
    static let waiting = SignalStatus(name: "waitingRequestsPerReplica", current: 8, target: 4, proposedReplicas: 4)

    static func inputs(
        spec: InferencePoolSpec = spec(),
        status: InferencePoolStatus = InferencePoolStatus(),
        deployment: DeploymentSnapshot? = deployment(),
        autoscalers: [AutoscalerReference] = [],
        capacity: GPUCapacity = roomy,
        verdict: EngineVerdict? = EngineVerdict(
            desiredReplicas: 4,
            explanation: "Waiting requests per replica are 8 against a target of 4, so 2 replicas become 4.",
            signals: [Self.waiting]
        ),
        metricsError: String? = nil
    ) -> ReconcileInputs {
        ReconcileInputs(
            pool: PoolSnapshot(namespace: "default", name: "llama", generation: 3, spec: spec, status: status),
            deployment: deployment,
            autoscalers: autoscalers,
            capacity: capacity,
            verdict: verdict,
            metricsError: metricsError,
            now: now
        )
    }

    @Test func `scales up through the read resourceVersion and explains it`() throws {
        let plan = ReconcilePlanner.plan(Self.inputs())
        #expect(plan.replicaWrite == .init(from: 2, to: 4, resourceVersion: "41"))
        #expect(plan.events.map(\.reason) == [.ScaledUp])
        #expect(plan.events.first?.message.contains("2 replicas become 4") == true)
        #expect(plan.status.desiredReplicas == 4)
        #expect(plan.status.lastScaleTime == Self.now)
        #expect(plan.status.scalingHistory.last?.to == 4)
        #expect(plan.status.selector == "app=llama")
        #expect(plan.status.condition(.Ready)?.status == "True")
        #expect(plan.status.condition(.ScalingActive)?.status == "True")
        #expect(plan.status.observedGeneration == 3)
        #expect(plan.requeueAfterSeconds == 5)
    }

    @Test func `an invalid spec is reported and nothing is written`() {
        let invalid = Self.spec { $0.minReplicas = 9 }
        let plan = ReconcilePlanner.plan(Self.inputs(spec: invalid))
        #expect(plan.replicaWrite == nil)
        #expect(plan.templateWrite == nil)
        #expect(plan.events.map(\.reason) == [.InvalidSpec])
        #expect(plan.status.condition(.Ready)?.reason == "InvalidSpec")
        #expect(
            plan.status.condition(.Ready)?.message.contains("minReplicas (9) must not exceed maxReplicas (8)") == true
        )
    }

    @Test func `the same invalid spec is not announced twice`() {
        let invalid = Self.spec { $0.targets = ScalingTargets() }
        let first = ReconcilePlanner.plan(Self.inputs(spec: invalid))
        let second = ReconcilePlanner.plan(Self.inputs(spec: invalid, status: first.status))
        #expect(second.events.isEmpty)
        #expect(second.status.condition(.Ready)?.lastTransitionTime == Self.now)
    }

    @Test func `missing metrics hold the replicas and say so once`() {
        let plan = ReconcilePlanner.plan(Self.inputs(verdict: nil, metricsError: "connection refused on 10.0.0.7:8000"))
        #expect(plan.replicaWrite == nil)
        #expect(plan.events.map(\.reason) == [.MetricsUnavailable])
        #expect(plan.status.condition(.MetricsAvailable)?.status == "False")
        #expect(plan.status.condition(.ScalingActive)?.reason == "FailedGetMetrics")
        let again = ReconcilePlanner.plan(Self.inputs(status: plan.status, verdict: nil, metricsError: "timeout"))
        #expect(again.events.isEmpty)
    }

    @Test func `an HPA on the same Deployment is a conflict and replicas are left alone`() {
        let hpa = AutoscalerReference(
            kind: "HorizontalPodAutoscaler",
            name: "llama-hpa",
            targetKind: "Deployment",
            targetName: "llama"
        )
        let other = AutoscalerReference(kind: "ScaledObject", name: "web", targetKind: "Deployment", targetName: "web")
        let plan = ReconcilePlanner.plan(Self.inputs(autoscalers: [hpa, other]))
        #expect(plan.replicaWrite == nil)
        #expect(plan.status.condition(.Conflict)?.status == "True")
        #expect(plan.status.condition(.Conflict)?.message.contains("HorizontalPodAutoscaler llama-hpa") == true)
        #expect(plan.status.condition(.Conflict)?.message.contains("web") == false)
        #expect(plan.events.map(\.reason) == [.Conflict])
    }

    @Test func `capacity Hold reports exhausted capacity and the limit`() {
        let full = GPUCapacity(
            matchingNodes: ["a"],
            freeUnits: 0,
            freeGPUs: 0,
            scheduledReplicas: 2,
            pendingReplicas: 0,
            additionalReplicas: 0
        )
        let verdict = EngineVerdict(
            desiredReplicas: 2,
            explanation: "Signals ask for 4 replicas but the matching GPU nodes can run only 2.",
            limits: [.capacity],
            signals: [Self.waiting]
        )
        let plan = ReconcilePlanner.plan(Self.inputs(capacity: full, verdict: verdict))
        #expect(plan.replicaWrite == nil)
        #expect(plan.status.condition(.CapacityAvailable)?.status == "False")
        #expect(plan.status.condition(.ScalingLimited)?.reason == "CapacityLimited")
        #expect(Set(plan.events.map(\.reason)) == [.CapacityExhausted, .ScaleLimited])
        #expect(plan.status.gpu?.schedulableReplicas == 2)
    }

    @Test func `capacity Pend writes beyond capacity and reports pending replicas`() {
        let full = GPUCapacity(
            matchingNodes: ["a"],
            freeUnits: 0,
            freeGPUs: 0,
            scheduledReplicas: 2,
            pendingReplicas: 0,
            additionalReplicas: 0
        )
        let verdict = EngineVerdict(
            desiredReplicas: 4,
            explanation: "Scaled to 4; 2 will pend until nodes are added.",
            signals: [Self.waiting],
            pendingForCapacity: 2
        )
        let plan = ReconcilePlanner.plan(
            Self.inputs(spec: Self.spec { $0.gpu.capacityPolicy = .Pend }, capacity: full, verdict: verdict)
        )
        #expect(plan.replicaWrite?.to == 4)
        #expect(plan.status.condition(.CapacityAvailable)?.message.contains("2 replicas are pending") == true)
        #expect(plan.events.map(\.reason).contains(.CapacityExhausted))
    }

    @Test func `the template is patched only when the placement differs`() throws {
        let managed = Self.spec { $0.gpu = GPUSpec(products: ["NVIDIA-L4"]) }
        let first = ReconcilePlanner.plan(Self.inputs(spec: managed))
        let placed = try #require(first.templateWrite)
        #expect(first.events.map(\.reason).contains(.PlacementPatched))
        let second = ReconcilePlanner.plan(Self.inputs(spec: managed, deployment: DeploymentSnapshot(object: placed)))
        #expect(second.templateWrite == nil)
        #expect(!second.events.map(\.reason).contains(.PlacementPatched))
    }

    @Test func `a manual hold runs exactly the held count`() {
        let plan = ReconcilePlanner.plan(Self.inputs(spec: Self.spec { $0.replicas = 1 }))
        #expect(plan.replicaWrite?.to == 1)
        #expect(plan.status.condition(.ScalingActive)?.reason == "ManualHold")
        #expect(plan.status.condition(.ScalingLimited)?.status == "False")
    }

    @Test func `a paused pool reads but never writes`() {
        let plan = ReconcilePlanner.plan(
            Self.inputs(
                spec: Self.spec {
                    $0.paused = true; $0.gpu.managePlacement = true
                }
            )
        )
        #expect(plan.replicaWrite == nil)
        #expect(plan.templateWrite == nil)
        #expect(plan.status.condition(.ScalingActive)?.reason == "Paused")
        #expect(plan.status.desiredReplicas == 4)
    }

    @Test func `a hand-made scale is noticed once and kept as the starting point`() {
        var status = InferencePoolStatus()
        status.scalingHistory = [ScalingRecord(time: "t", from: 1, to: 2, reason: "ScaledUp", message: "m")]
        let verdict = EngineVerdict(
            desiredReplicas: 5,
            explanation: "Within tolerance; 5 replicas stay.",
            limits: [.tolerance],
            signals: [Self.waiting]
        )
        let plan = ReconcilePlanner.plan(
            Self.inputs(status: status, deployment: Self.deployment(replicas: 5), verdict: verdict)
        )
        #expect(plan.events.map(\.reason) == [.ManualScale])
        #expect(plan.replicaWrite == nil)
        let again = ReconcilePlanner.plan(
            Self.inputs(status: plan.status, deployment: Self.deployment(replicas: 5), verdict: verdict)
        )
        #expect(again.events.isEmpty)
    }

    @Test func `a missing Deployment is reported without writes`() {
        let plan = ReconcilePlanner.plan(Self.inputs(deployment: nil))
        #expect(plan.replicaWrite == nil)
        #expect(plan.status.condition(.Ready)?.reason == "TargetNotFound")
        #expect(plan.events.map(\.reason) == [.TargetNotFound])
    }

    @Test func `scaling history keeps the last ten changes`() {
        var status = InferencePoolStatus()
        status.scalingHistory = (0..<10).map {
            ScalingRecord(time: "t\($0)", from: 2, to: 2, reason: "ScaledUp", message: "m")
        }
        let plan = ReconcilePlanner.plan(Self.inputs(status: status))
        #expect(plan.status.scalingHistory.count == 10)
        #expect(plan.status.scalingHistory.first?.time == "t1")
        #expect(plan.status.scalingHistory.last?.to == 4)
    }
}
