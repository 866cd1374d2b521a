/// The objects the demo applies with kubectl: a namespace, a vLLM chat Deployment and a Triton
/// vision Deployment, each with its InferencePool.
///
/// The two metric paths both run: the chat pool scrapes its pods directly, the vision pool reads
/// its signals through the demo's Prometheus server (which scrapes the same pods, loopback only).
struct DemoManifests {
    /// Seconds of replay.
    var seconds: Int
    /// Trace speed-up.
    var speedUp: Double
    /// The Prometheus URL the second pool queries.
    var prometheusURL: String

    static let namespace = "poolpilot-demo"
    static let pools = ["chat", "vision"]

    /// Seconds of load; the rest of the run is quiet so the pools scale back down.
    var loadSeconds: Int { max(10, seconds * 3 / 5) }

    /// The scale-down stabilization window, short enough to act in the quiet tail.
    var stabilizationSeconds: Int { max(5, (seconds - loadSeconds) / 3) }

    /// Burst mode holds scale-down for about a minute after a burst; short runs turn it off so the
    /// quiet tail can show the scale-down.
    var burst: Bool { seconds >= 150 }

    /// The namespace, Deployments and pools (no load yet).
    var yaml: String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(Self.namespace)
        ---
        \(deployment(name: "chat", image: "vllm/vllm-openai:v0.11.0", ports: [8000], args: [
            "--model=meta-llama/Llama-3.1-8B-Instruct", "--served-model-name=llama-3.1-8b", "--port=8000",
        ], parameters: #"{"maxConcurrency": 16}"#))
        ---
        \(deployment(name: "vision", image: "nvcr.io/nvidia/tritonserver:25.01-py3", ports: [8000, 8002], args: [
            "--model-repository=/models", "--load-model=llama-trt", "--metrics-port=8002",
        ], parameters: #"{"maxConcurrency": 8, "gpuMemoryTotalBytes": 24152899584, "gpuMemoryBaseBytes": 8589934592}"#))
        ---
        apiVersion: poolpilot.dev/v1alpha1
        kind: InferencePool
        metadata:
          name: chat
          namespace: \(Self.namespace)
        spec:
          targetRef:
            name: chat
          server: vllm
          minReplicas: 1
          maxReplicas: 10
          metrics:
            intervalSeconds: 2
            scrape:
              port: 8000
              path: /metrics
          targets:
            waitingRequestsPerReplica: 4
            kvCacheUtilization: 0.8
          burst:
            enabled: \(burst)
          behavior:
            scaleDown:
              stabilizationWindowSeconds: \(stabilizationSeconds)
              policies:
              - type: Pods
                value: 2
                periodSeconds: 5
          gpu:
            resourceName: nvidia.com/gpu
            count: 1
            products:
            - NVIDIA-H100-80GB-HBM3
            - NVIDIA-A100-SXM4-80GB
            capacityPolicy: Hold
        ---
        apiVersion: poolpilot.dev/v1alpha1
        kind: InferencePool
        metadata:
          name: vision
          namespace: \(Self.namespace)
        spec:
          targetRef:
            name: vision
          server: triton
          minReplicas: 1
          maxReplicas: 8
          metrics:
            intervalSeconds: 2
            source: prometheus
            prometheus:
              url: \(prometheusURL)
          targets:
            waitingRequestsPerReplica: 4
          burst:
            enabled: \(burst)
          behavior:
            scaleDown:
              stabilizationWindowSeconds: \(stabilizationSeconds)
              policies:
              - type: Pods
                value: 2
                periodSeconds: 5
          gpu:
            resourceName: nvidia.com/gpu
            count: 1
            capacityPolicy: Pend

        """
    }

    /// The load annotation per pool: the Azure conversation trace for chat (from its busiest
    /// stretch), a spike for vision; both stop after ``loadSeconds``.
    var loads: [String: String] {
        let traceSeconds = Int(Double(loadSeconds) * speedUp)
        let spikeAt = loadSeconds / 4
        let spikeLength = loadSeconds / 2
        return [
            "chat": #"{"trace":"azure-conv-2023","start":1500,"duration":\#(traceSeconds),"speedUp":\#(speedUp)}"#,
            "vision":
                #"{"pattern":"spike","base":2,"peak":12,"at":\#(spikeAt),"over":\#(spikeLength),"duration":\#(loadSeconds),"inputTokens":400,"outputTokens":120}"#,
        ]
    }

    private func deployment(name: String, image: String, ports: [Int], args: [String], parameters: String) -> String {
        let portLines = ports.map { "        - containerPort: \($0)" }.joined(separator: "\n")
        let argLines = args.map { "        - \"\($0)\"" }.joined(separator: "\n")
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(Self.namespace)
              annotations:
                sim.poolpilot.dev/model-load-seconds: "6"
                sim.poolpilot.dev/slo-ttft-seconds: "2"
                sim.poolpilot.dev/server-parameters: '\(parameters)'
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: \(name)
              template:
                metadata:
                  labels:
                    app: \(name)
                spec:
                  containers:
                  - name: server
                    image: \(image)
                    args:
            \(argLines)
                    ports:
            \(portLines)
                    resources:
                      requests:
                        cpu: "4"
                        memory: 24Gi
                        nvidia.com/gpu: "1"
                      limits:
                        nvidia.com/gpu: "1"
                  tolerations:
                  - key: nvidia.com/gpu
                    operator: Exists
                    effect: NoSchedule
            """
    }
}
