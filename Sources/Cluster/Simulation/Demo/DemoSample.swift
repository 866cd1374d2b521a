/// One row of the demo's timeline for one pool.
public struct DemoSample: Sendable, Equatable {
    /// Seconds since the load started.
    public var time: Double
    /// Arrivals per second.
    public var arrivalRate: Double
    /// Requests waiting across replicas.
    public var waiting: Int
    /// The pool's desired replicas (from the InferencePool status), when known.
    public var desiredReplicas: Int?
    /// Ready replicas.
    public var readyReplicas: Int
    /// Pods of the Deployment still Pending.
    public var pendingReplicas: Int
    /// GPU memory in use across replicas, bytes.
    public var gpuMemoryUsedBytes: Int64
    /// GPU memory of the replicas' devices, bytes.
    public var gpuMemoryTotalBytes: Int64
    /// SLO attainment so far, 0...1, when any request ended.
    public var attainment: Double?

    /// Creates a sample.
    public init(
        time: Double,
        arrivalRate: Double,
        waiting: Int,
        desiredReplicas: Int?,
        readyReplicas: Int,
        pendingReplicas: Int,
        gpuMemoryUsedBytes: Int64,
        gpuMemoryTotalBytes: Int64,
        attainment: Double?
    ) {
        self.time = time
        self.arrivalRate = arrivalRate
        self.waiting = waiting
        self.desiredReplicas = desiredReplicas
        self.readyReplicas = readyReplicas
        self.pendingReplicas = pendingReplicas
        self.gpuMemoryUsedBytes = gpuMemoryUsedBytes
        self.gpuMemoryTotalBytes = gpuMemoryTotalBytes
        self.attainment = attainment
    }

    /// The timeline's column headings, aligned with ``row(pool:)``.
    public static let header =
        "  time  pool          arrivals/s  waiting  desired  ready  pending  GPU mem (GiB)     SLO"

    /// This sample as an aligned timeline row.
    public func row(pool: String) -> String {
        let gib = 1_073_741_824.0
        let memory = "\(format(Double(gpuMemoryUsedBytes) / gib, 1))/\(format(Double(gpuMemoryTotalBytes) / gib, 0))"
        let slo = attainment.map { format($0 * 100, 1) + "%" } ?? "-"
        return [
            pad(format(time, 0) + "s", 6),
            "  " + pool.padding(12),
            pad(format(arrivalRate, 1), 12),
            pad(String(waiting), 9),
            pad(desiredReplicas.map(String.init) ?? "-", 9),
            pad(String(readyReplicas), 7),
            pad(String(pendingReplicas), 9),
            pad(memory, 15),
            pad(slo, 8),
        ].joined()
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        DemoSample.fixed(value, decimals: decimals)
    }

    /// `value` with a fixed number of decimals, without Foundation's `String(format:)`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled.truncatingRemainder(dividingBy: scale))
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let digits = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
