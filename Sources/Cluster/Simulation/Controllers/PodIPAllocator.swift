/// Hands out loopback pod IPs.
///
/// Order: `127.0.1.1` … `127.0.1.254`, then `127.0.2.x`, and so on up to
/// `127.0.9.x` (`127.0.3.x` is left to node addresses). Freed addresses are reused lowest first.
struct PodIPAllocator: Sendable {
    private var inUse: Set<Int> = []
    private static let subnets = [1, 2, 4, 5, 6, 7, 8, 9]

    /// The lowest free address, or `nil` when all ~2,000 are taken.
    mutating func allocate() -> String? {
        for index in 0..<(Self.subnets.count * 254) where !inUse.contains(index) {
            inUse.insert(index)
            return Self.address(index)
        }
        return nil
    }

    /// Returns an address to the pool.
    mutating func release(_ address: String) {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4, let subnet = Self.subnets.firstIndex(of: parts[2]) else { return }
        inUse.remove(subnet * 254 + parts[3] - 1)
    }

    /// Marks an address as taken (a pod that already had it).
    mutating func reserve(_ address: String) {
        let parts = address.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4, parts[0] == 127, parts[1] == 0, let subnet = Self.subnets.firstIndex(of: parts[2])
        else {
            return
        }
        inUse.insert(subnet * 254 + parts[3] - 1)
    }

    private static func address(_ index: Int) -> String {
        "127.0.\(subnets[index / 254]).\(index % 254 + 1)"
    }
}
