import Operator
import Testing
import YAML

/// Events and conditions say each thing once, as Warnings only when something turns.
@Suite struct PlannerNoiseTests {
    @Test func `a rate-limited scale warns once with the limit, not the scale's own text`() {
        let verdict = EngineVerdict(
            desiredReplicas: 3,
            explanation: "Scaling up from 2 to 3: the scale-up policy allows 1 pod per minute.",
            limits: [.ratePolicy],
            signals: [ReconcilePlannerTests.waiting]
        )
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(verdict: verdict))
        #expect(plan.events.map(\.reason).sorted { $0.rawValue < $1.rawValue } == [.ScaleLimited, .ScaledUp])
        let limited = plan.events.filter { $0.reason == .ScaleLimited }
        #expect(limited.first?.message != plan.events.first { $0.reason == .ScaledUp }?.message)
        #expect(limited.first?.message.contains("Scaling up from") == false)
        #expect(plan.status.condition(.ScalingLimited)?.message == limited.first?.message)

        // The next limited step keeps the condition True and records no second Warning.
        var next = ReconcilePlannerTests.inputs(
            status: plan.status,
            deployment: ReconcilePlannerTests.deployment(replicas: 3),
            verdict: EngineVerdict(
                desiredReplicas: 4,
                explanation: "Scaling up from 3 to 4.",
                limits: [.ratePolicy],
                signals: [ReconcilePlannerTests.waiting]
            )
        )
        next.now = "2026-12-04T16:01:00Z"
        #expect(ReconcilePlanner.plan(next).events.map(\.reason) == [.ScaledUp])
    }

    @Test func `a pool resting at minReplicas records no Warning`() {
        let verdict = EngineVerdict(
            desiredReplicas: 1,
            explanation: "Keeping 1 replica: minReplicas is 1.",
            limits: [.minReplicas],
            signals: [ReconcilePlannerTests.waiting]
        )
        let plan = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(deployment: ReconcilePlannerTests.deployment(replicas: 1), verdict: verdict)
        )
        #expect(plan.events.isEmpty)
        #expect(plan.status.condition(.ScalingLimited)?.reason == "TooFewReplicas")
    }

    @Test func `reaching maxReplicas after resting at min warns once`() {
        let resting = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(
                verdict: EngineVerdict(
                    desiredReplicas: 2,
                    explanation: "Keeping 2.",
                    limits: [.minReplicas],
                    signals: [ReconcilePlannerTests.waiting]
                )
            )
        )
        let capped = ReconcilePlanner.plan(
            ReconcilePlannerTests.inputs(
                status: resting.status,
                verdict: EngineVerdict(
                    desiredReplicas: 8,
                    explanation: "Scaling up to 8.",
                    limits: [.maxReplicas],
                    signals: [ReconcilePlannerTests.waiting]
                )
            )
        )
        #expect(capped.events.map(\.reason).sorted { $0.rawValue < $1.rawValue } == [.ScaleLimited, .ScaledUp])
        #expect(capped.status.condition(.ScalingLimited)?.reason == "TooManyReplicas")
    }

    @Test func `pods pending only because they were just created are no capacity shortage`() {
        let node = NodeInfo(
            name: "gpu-a",
            labels: ["nvidia.com/gpu.product": "NVIDIA-L4", "nvidia.com/gpu.memory": "23034"],
            allocatable: ["nvidia.com/gpu": 4]
        )
        let fresh = PodInfo(json: [
            "metadata": ["name": "llama-3"],
            "status": ["phase": "Pending"],
        ])
        let running = PodInfo(name: "llama-1", nodeName: "gpu-a", requests: ["nvidia.com/gpu": 1])
        let capacity = GPUCapacity.compute(
            gpu: GPUSpec(products: ["NVIDIA-L4"]),
            nodes: [node],
            pods: [running, fresh],
            poolPods: [running, fresh]
        )
        #expect(capacity.pendingReplicas == 0)
        #expect(capacity.freeGPUs == 3)
        #expect(capacity.schedulableReplicas == 4)
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(capacity: capacity))
        #expect(plan.status.condition(.CapacityAvailable)?.status == "True")
        #expect(!plan.events.map(\.reason).contains(.CapacityExhausted))
    }

    @Test func `an unschedulable pod is a shortage and the Event and condition agree`() {
        let node = NodeInfo(
            name: "gpu-a",
            labels: ["nvidia.com/gpu.product": "NVIDIA-L4", "nvidia.com/gpu.memory": "23034"],
            allocatable: ["nvidia.com/gpu": 1]
        )
        let stuck = PodInfo(json: [
            "metadata": ["name": "llama-2"],
            "status": [
                "phase": "Pending",
                "conditions": [["type": "PodScheduled", "status": "False", "reason": "Unschedulable"]],
            ],
        ])
        let running = PodInfo(name: "llama-1", nodeName: "gpu-a", requests: ["nvidia.com/gpu": 1])
        let capacity = GPUCapacity.compute(
            gpu: GPUSpec(products: ["NVIDIA-L4"]),
            nodes: [node],
            pods: [running, stuck],
            poolPods: [running, stuck]
        )
        #expect(capacity.pendingReplicas == 1)
        let plan = ReconcilePlanner.plan(ReconcilePlannerTests.inputs(capacity: capacity))
        let condition = plan.status.condition(.CapacityAvailable)
        #expect(condition?.status == "False")
        let event = plan.events.first { $0.reason == .CapacityExhausted }
        #expect(event?.message == condition?.message)
        #expect(event?.message.contains("0 GPUs free and can run 1 replicas") == true)
    }
}
