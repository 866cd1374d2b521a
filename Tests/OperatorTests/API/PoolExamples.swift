import Operator

/// Pools used across the operator tests.
enum PoolExamples {
    /// A spec with every optional field set, so a walk over its JSON reaches every schema node.
    static let fullSpec = InferencePoolSpec(
        targetRef: TargetReference(name: "llama"),
        server: .vllm,
        model: "meta-llama/Llama-3.1-8B-Instruct",
        minReplicas: 1,
        maxReplicas: 8,
        replicas: 3,
        paused: false,
        metrics: MetricsSpec(
            source: .prometheus,
            intervalSeconds: 5,
            scrape: ScrapeSpec(port: 8000, path: "/metrics", scheme: "http"),
            prometheus: PrometheusSpec(
                url: "http://127.0.0.1:9090",
                bearerTokenSecretRef: SecretKeyReference(name: "prom", key: "token"),
                insecureSkipTLSVerify: false
            ),
            fallback: FallbackSpec(failureThreshold: 3, replicas: 2)
        ),
        targets: ScalingTargets(
            waitingRequestsPerReplica: 4,
            runningRequestsPerReplica: 16,
            kvCacheUtilization: 0.8,
            gpuMemoryUtilization: 0.9,
            queueTimeSeconds: 0.5,
            custom: [
                CustomTarget(name: "tokens", metric: "vllm:generation_tokens_total", targetPerReplica: 1000),
                CustomTarget(name: "gateway", query: "sum(gateway_queue)", targetPerReplica: 2),
            ]
        ),
        behavior: ScalingBehavior(
            scaleUp: ScalingRules(
                stabilizationWindowSeconds: 0,
                selectPolicy: .Max,
                policies: [ScalingPolicy(type: .Pods, value: 4, periodSeconds: 15)],
                tolerance: 0.1
            ),
            scaleDown: ScalingRules(
                stabilizationWindowSeconds: 300,
                selectPolicy: .Min,
                policies: [ScalingPolicy(type: .Percent, value: 50, periodSeconds: 60)],
                tolerance: 0.05
            )
        ),
        burst: BurstSpec(enabled: true, factor: 2),
        gpu: GPUSpec(
            resourceName: "nvidia.com/gpu",
            count: 1,
            products: ["NVIDIA-H100-80GB-HBM3"],
            minMemoryMiB: 40960,
            nodeSelector: ["pool": "inference"],
            tolerations: [
                Toleration(key: "dedicated", operator: "Equal", value: "llm", effect: "NoExecute", tolerationSeconds: 60)
            ],
            capacityPolicy: .Pend,
            managePlacement: true
        ),
        scaleToZero: ScaleToZeroSpec(
            enabled: true,
            idleSeconds: 600,
            activationQuery: "sum(gateway_queue)",
            activationThreshold: 1
        )
    )

    /// A status with every optional field set.
    static let fullStatus = InferencePoolStatus(
        observedGeneration: 2,
        replicas: 3,
        readyReplicas: 2,
        desiredReplicas: 4,
        selector: "app=llama",
        lastScaleTime: "2026-12-04T15:00:00Z",
        waitingPerReplica: 5.5,
        gpuMemoryUtilization: 0.7,
        currentMetrics: [SignalStatus(name: "waitingRequestsPerReplica", current: 5.5, target: 4, proposedReplicas: 3)],
        gpu: GPUCapacityStatus(matchingNodes: 2, free: 1.5, schedulableReplicas: 4, pendingReplicas: 0),
        scalingHistory: [
            ScalingRecord(time: "2026-12-04T15:00:00Z", from: 2, to: 3, reason: "ScaledUp", message: "more queue")
        ],
        conditions: [
            PoolCondition(
                type: .Ready,
                status: true,
                reason: "Ready",
                message: "ok",
                observedGeneration: 2,
                lastTransitionTime: "2026-12-04T15:00:00Z"
            )
        ]
    )
}
