extension ServerParameters {
    /// Decodes parameters where every field is optional and missing ones keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ServerParameters()
        self.init(
            maxConcurrency: try container.decodeIfPresent(Int.self, forKey: .maxConcurrency) ?? defaults.maxConcurrency,
            prefillSecondsPerToken: try container.decodeIfPresent(Double.self, forKey: .prefillSecondsPerToken)
                ?? defaults.prefillSecondsPerToken,
            decodeSecondsPerToken: try container.decodeIfPresent(Double.self, forKey: .decodeSecondsPerToken)
                ?? defaults.decodeSecondsPerToken,
            batchSlowdown: try container.decodeIfPresent(Double.self, forKey: .batchSlowdown) ?? defaults.batchSlowdown,
            kvCacheTokens: try container.decodeIfPresent(Int.self, forKey: .kvCacheTokens) ?? defaults.kvCacheTokens,
            gpuMemoryTotalBytes: try container.decodeIfPresent(Int64.self, forKey: .gpuMemoryTotalBytes)
                ?? defaults.gpuMemoryTotalBytes,
            gpuMemoryBaseBytes: try container.decodeIfPresent(Int64.self, forKey: .gpuMemoryBaseBytes)
                ?? defaults.gpuMemoryBaseBytes,
            kvBytesPerToken: try container.decodeIfPresent(Int64.self, forKey: .kvBytesPerToken)
                ?? defaults.kvBytesPerToken
        )
    }

    enum CodingKeys: String, CodingKey {
        case maxConcurrency, prefillSecondsPerToken, decodeSecondsPerToken, batchSlowdown, kvCacheTokens
        case gpuMemoryTotalBytes, gpuMemoryBaseBytes, kvBytesPerToken
    }
}
