/// DCGM exporter: framebuffer used and free (MiB) per GPU, joined to pods by the exporter's
/// `namespace`/`pod` labels, with DCGM's blank sentinels read as missing.
extension ServerProfile {
    /// Values at or above this are DCGM "blank" sentinels (0x7ffffffffffffff0 and up: blank, not
    /// found, not supported, not permissioned), not measurements.
    static let dcgmSentinelFloor = 9_223_372_036_854_775_792.0

    static let bytesPerMiB = 1_048_576.0

    static func dcgmSignals(current: MetricSnapshot) -> [PodSignals] {
        // Group each GPU's readings by the pod it is assigned to.
        var readings: [String: [String: (used: Double?, free: Double?, reserved: Double?)]] = [:]
        var podOrder: [String] = []
        let series: [(String, Int)] = [(DCGMNames.used, 0), (DCGMNames.free, 1), (DCGMNames.reserved, 2)]
        for (name, slot) in series {
            for sample in current.samples(named: name) {
                guard let pod = dcgmPod(sample) else { continue }
                if readings[pod] == nil {
                    readings[pod] = [:]
                    podOrder.append(pod)
                }
                let gpu = dcgmGPU(sample)
                var entry = readings[pod]?[gpu] ?? (nil, nil, nil)
                let value = sample.value
                switch slot {
                case 0: entry.used = value
                case 1: entry.free = value
                default: entry.reserved = value
                }
                readings[pod]?[gpu] = entry
            }
        }

        let hasReserved = current.contains(sampleNamed: DCGMNames.reserved)
        return podOrder.map { pod in
            var signals = PodSignals(pod: pod)
            var used = 0.0
            var total = 0.0
            for entry in (readings[pod] ?? [:]).values {
                guard let gpuUsed = dcgmValue(entry.used), let gpuFree = dcgmValue(entry.free) else { return signals }
                var reserved = 0.0
                if hasReserved {
                    guard let value = dcgmValue(entry.reserved) else { return signals }
                    reserved = value
                }
                used += gpuUsed
                total += gpuUsed + gpuFree + reserved
            }
            signals.gpuMemoryUsedBytes = used * bytesPerMiB
            signals.gpuMemoryTotalBytes = total * bytesPerMiB
            signals.gpuMemoryUtilization = total > 0 ? fraction(used / total) : nil
            return signals
        }
    }

    /// A reading in MiB, or `nil` when absent, a sentinel, negative or not finite.
    static func dcgmValue(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value >= 0, value < dcgmSentinelFloor else { return nil }
        return value
    }

    /// `namespace/pod` from the exporter's Kubernetes labels; `nil` for GPUs no pod holds.
    static func dcgmPod(_ sample: Sample) -> String? {
        guard let pod = sample[label: "pod"], !pod.isEmpty else { return nil }
        guard let namespace = sample[label: "namespace"], !namespace.isEmpty else { return pod }
        return "\(namespace)/\(pod)"
    }

    /// The GPU's identity: exporter host (`Hostname`, or `hostname` since the rename), device UUID
    /// (`UUID`, or `uuid` with the old namespace) or index, and the MIG instance if any.
    static func dcgmGPU(_ sample: Sample) -> String {
        let host = sample[label: "Hostname"] ?? sample[label: "hostname"] ?? ""
        let device = sample[label: "UUID"] ?? sample[label: "uuid"] ?? sample[label: "gpu"] ?? ""
        let instance = sample[label: "GPU_I_ID"] ?? ""
        return "\(host)|\(device)|\(instance)"
    }
}
