/// The inference server a pool runs, which selects the metric names read from its pods.
public enum ServerKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// vLLM's OpenAI-compatible server (`vllm:` metrics on the HTTP port).
    case vllm
    /// NVIDIA Triton Inference Server (`nv_` metrics on port 8002).
    case triton

    /// The port its metrics are served on unless the pool says otherwise.
    public var defaultMetricsPort: Int {
        switch self {
        case .vllm: return InferencePoolDefaults.vllmMetricsPort
        case .triton: return InferencePoolDefaults.tritonMetricsPort
        }
    }
}
