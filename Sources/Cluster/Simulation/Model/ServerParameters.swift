/// The knobs of one simulated inference server replica (a vLLM or Triton pod on one GPU).
///
/// The service model: a request admitted at time `s` produces its first token after the prefill,
/// `s + prefillSecondsPerToken × inputTokens`, then one token every
/// `decodeSecondsPerToken × (1 + batchSlowdown × (running − 1))` seconds, where `running` is the batch
/// size at admission (bigger batches decode each sequence a little slower). At most `maxConcurrency`
/// requests run at once; the rest wait in arrival order. A request is admitted only when its whole
/// KV footprint (`inputTokens + outputTokens`) fits in `kvCacheTokens` next to the running ones, so
/// the model never preempts. See docs/simulation.md.
public struct ServerParameters: Sendable, Equatable, Codable {
    /// Requests that may run at once (vLLM `--max-num-seqs`, Triton's max batch).
    ///
    /// Default: 32.
    public var maxConcurrency: Int
    /// Prefill time per input token, in seconds.
    ///
    /// Default: 0.00012 (about 8,300 tokens/s).
    public var prefillSecondsPerToken: Double
    /// Decode time per output token for a lone sequence, in seconds.
    ///
    /// Default: 0.012.
    public var decodeSecondsPerToken: Double
    /// Relative decode slowdown per extra running sequence.
    ///
    /// Default: 0.01 (32 running: +31 %).
    public var batchSlowdown: Double
    /// KV-cache capacity in tokens (vLLM `num_gpu_blocks × block_size`).
    ///
    /// Default: 466,032.
    public var kvCacheTokens: Int
    /// GPU memory of the device, in bytes.
    ///
    /// Default: 85,520,809,984 (H100 80GB HBM3).
    public var gpuMemoryTotalBytes: Int64
    /// GPU memory in use with nothing running (weights, CUDA context, activations), in bytes.
    ///
    /// Default: 17,179,869,184 (16 GiB, an 8B model in bf16).
    public var gpuMemoryBaseBytes: Int64
    /// GPU memory per KV-cache token held by a running request, in bytes.
    ///
    /// Default: 131,072.
    public var kvBytesPerToken: Int64

    /// Creates parameters; every argument defaults to the documented value.
    public init(
        maxConcurrency: Int = 32,
        prefillSecondsPerToken: Double = 0.00012,
        decodeSecondsPerToken: Double = 0.012,
        batchSlowdown: Double = 0.01,
        kvCacheTokens: Int = 466_032,
        gpuMemoryTotalBytes: Int64 = 85_520_809_984,
        gpuMemoryBaseBytes: Int64 = 17_179_869_184,
        kvBytesPerToken: Int64 = 131_072
    ) {
        self.maxConcurrency = maxConcurrency
        self.prefillSecondsPerToken = prefillSecondsPerToken
        self.decodeSecondsPerToken = decodeSecondsPerToken
        self.batchSlowdown = batchSlowdown
        self.kvCacheTokens = kvCacheTokens
        self.gpuMemoryTotalBytes = gpuMemoryTotalBytes
        self.gpuMemoryBaseBytes = gpuMemoryBaseBytes
        self.kvBytesPerToken = kvBytesPerToken
    }

    /// Seconds from admission to the first token for `inputTokens` of prompt.
    public func prefillSeconds(inputTokens: Int) -> Double {
        prefillSecondsPerToken * Double(inputTokens)
    }

    /// Seconds per output token when `running` sequences share the batch (including this one).
    public func decodeSecondsPerToken(running: Int) -> Double {
        decodeSecondsPerToken * (1 + batchSlowdown * Double(max(0, running - 1)))
    }
}
