/// Which inference server a Deployment runs, which decides the `/metrics` format its pods serve.
public enum ServerKind: String, Sendable, Equatable, Codable {
    /// vLLM's OpenAI-compatible server (V1 metric names).
    case vllm
    /// NVIDIA Triton Inference Server.
    case triton

    /// Guesses the server from a container image or an explicit annotation value.
    ///
    /// `nil` when neither names vLLM or Triton: such pods run but serve no metrics.
    public static func detect(annotation: String?, image: String?) -> ServerKind? {
        if let annotation, let kind = ServerKind(rawValue: annotation.lowercased()) { return kind }
        let lowered = (image ?? "").lowercased()
        if lowered.contains("vllm") { return .vllm }
        if lowered.contains("triton") { return .triton }
        return nil
    }
}
