/// Facts GFD derives from a GPU model: memory, family, compute capability.
struct GPUProduct: Sendable, Equatable {
    var memoryMiB: Int
    var family: String
    var computeMajor: Int
    var computeMinor: Int

    /// Known products by GFD's product label (spaces turned into dashes).
    static let known: [String: GPUProduct] = [
        "NVIDIA-H100-80GB-HBM3": GPUProduct(memoryMiB: 81_559, family: "hopper", computeMajor: 9, computeMinor: 0),
        "NVIDIA-H200": GPUProduct(memoryMiB: 143_771, family: "hopper", computeMajor: 9, computeMinor: 0),
        "NVIDIA-A100-SXM4-80GB": GPUProduct(memoryMiB: 81_920, family: "ampere", computeMajor: 8, computeMinor: 0),
        "NVIDIA-A100-SXM4-40GB": GPUProduct(memoryMiB: 40_960, family: "ampere", computeMajor: 8, computeMinor: 0),
        "NVIDIA-L4": GPUProduct(memoryMiB: 23_034, family: "ada-lovelace", computeMajor: 8, computeMinor: 9),
        "NVIDIA-L40S": GPUProduct(memoryMiB: 46_068, family: "ada-lovelace", computeMajor: 8, computeMinor: 9),
        "Tesla-T4": GPUProduct(memoryMiB: 15_360, family: "turing", computeMajor: 7, computeMinor: 5),
    ]

    /// The product's facts, or a generic entry for an unknown name.
    static func named(_ product: String, memoryMiB: Int?) -> GPUProduct {
        var facts = known[product] ?? GPUProduct(memoryMiB: 0, family: "unknown", computeMajor: 0, computeMinor: 0)
        if let memoryMiB { facts.memoryMiB = memoryMiB }
        return facts
    }
}
