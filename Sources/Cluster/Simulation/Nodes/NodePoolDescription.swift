import Foundation
import Kube
import YAML

/// A description of simulated GPU nodes, read from a small YAML file (`poolpilot cluster up --nodes`).
///
/// ```yaml
/// pools:
/// - name: h100                 # nodes are named gpu-h100-1, gpu-h100-2, ...
///   count: 2
///   product: NVIDIA-H100-80GB-HBM3
///   gpusPerNode: 8
///   memoryMiB: 81559           # optional for known products
///   timeSlicingReplicas: 4     # optional: time-sliced GPUs, resource stays nvidia.com/gpu
///   mig: {"3g.40gb": 2}        # optional: MIG mixed strategy, devices per GPU
///   taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
/// ```
public struct NodePoolDescription: Sendable, Equatable, Codable {
    /// One group of identical nodes.
    public struct Pool: Sendable, Equatable, Codable {
        /// Pool name; nodes are called `gpu-<name>-<n>`.
        public var name: String
        /// Number of nodes.
        public var count: Int
        /// GPU product as GFD spells it (`NVIDIA-H100-80GB-HBM3`).
        public var product: String
        /// Physical GPUs per node.
        public var gpusPerNode: Int
        /// Memory per GPU in MiB; known products fill it in when absent.
        public var memoryMiB: Int?
        /// Time-slicing replicas per GPU (no rename: product gets `-SHARED`).
        ///
        /// Absent or 1: exclusive.
        public var timeSlicingReplicas: Int?
        /// MIG devices per GPU by profile (`3g.40gb`), mixed strategy.
        ///
        /// Absent: MIG off.
        public var mig: [String: Int]?
        /// Node taints.
        ///
        /// Absent: the common `nvidia.com/gpu=present:NoSchedule`.
        public var taints: [Taint]?
        /// CPU cores per node.
        ///
        /// Default: "96".
        public var cpu: String?
        /// Memory per node.
        ///
        /// Default: "1Ti".
        public var memory: String?

        /// Creates a pool description.
        public init(
            name: String,
            count: Int,
            product: String,
            gpusPerNode: Int,
            memoryMiB: Int? = nil,
            timeSlicingReplicas: Int? = nil,
            mig: [String: Int]? = nil,
            taints: [Taint]? = nil,
            cpu: String? = nil,
            memory: String? = nil
        ) {
            self.name = name
            self.count = count
            self.product = product
            self.gpusPerNode = gpusPerNode
            self.memoryMiB = memoryMiB
            self.timeSlicingReplicas = timeSlicingReplicas
            self.mig = mig
            self.taints = taints
            self.cpu = cpu
            self.memory = memory
        }
    }

    /// The node groups.
    public var pools: [Pool]

    /// Creates a description.
    public init(pools: [Pool]) {
        self.pools = pools
    }

    /// The default cluster: 4 nodes × 8 GPUs.
    ///
    /// Two H100 nodes, one A100 node and one L4 node
    /// time-sliced four ways (32 schedulable `nvidia.com/gpu` of a quarter L4 each).
    public static let standard = NodePoolDescription(pools: [
        Pool(name: "h100", count: 2, product: "NVIDIA-H100-80GB-HBM3", gpusPerNode: 8),
        Pool(name: "a100", count: 1, product: "NVIDIA-A100-SXM4-80GB", gpusPerNode: 8),
        Pool(name: "l4", count: 1, product: "NVIDIA-L4", gpusPerNode: 8, timeSlicingReplicas: 4),
    ])

    /// Decodes a description from a JSON-compatible value (a parsed YAML or JSON document).
    ///
    /// - Throws: ``SimulationError/invalidNodeDescription(_:)`` for a bad shape or bad values.
    public static func decode(from value: JSONValue) throws -> NodePoolDescription {
        do {
            let data = try JSONEncoder().encode(value)
            let description = try JSONDecoder().decode(NodePoolDescription.self, from: data)
            try description.validate()
            return description
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError.invalidNodeDescription("\(error)")
        }
    }

    /// Decodes a description from YAML text (the `--nodes` file).
    ///
    /// - Throws: ``SimulationError/invalidNodeDescription(_:)`` for bad YAML, a bad shape or bad values.
    public static func parse(yaml text: String) throws -> NodePoolDescription {
        let value: JSONValue
        do {
            value = try YAML.decode(text)
        } catch {
            throw SimulationError.invalidNodeDescription("\(error)")
        }
        return try decode(from: value)
    }

    /// Checks counts and names.
    ///
    /// - Throws: ``SimulationError/invalidNodeDescription(_:)`` naming the first bad field.
    public func validate() throws {
        guard !pools.isEmpty else { throw SimulationError.invalidNodeDescription("pools: at least one pool") }
        for pool in pools {
            guard !pool.name.isEmpty, pool.name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw SimulationError.invalidNodeDescription(
                    "pools[].name \"\(pool.name)\": lowercase letters, digits, '-'"
                )
            }
            guard pool.count >= 0, pool.gpusPerNode >= 0 else {
                throw SimulationError.invalidNodeDescription("pools[\(pool.name)]: count and gpusPerNode must be >= 0")
            }
            if let replicas = pool.timeSlicingReplicas, replicas < 1 {
                throw SimulationError.invalidNodeDescription("pools[\(pool.name)].timeSlicingReplicas must be >= 1")
            }
            if pool.mig != nil, (pool.timeSlicingReplicas ?? 1) > 1 {
                throw SimulationError.invalidNodeDescription(
                    "pools[\(pool.name)]: mig and timeSlicingReplicas together"
                )
            }
            for profile in (pool.mig ?? [:]).keys where MIGProfile(profile) == nil {
                throw SimulationError.invalidNodeDescription(
                    "pools[\(pool.name)].mig: profile \"\(profile)\" is not <n>g.<m>gb"
                )
            }
        }
    }

    /// The nodes this description yields, in pool order.
    public func nodes() -> [SimulatedNode] {
        pools.flatMap { pool in
            (1...max(1, pool.count)).prefix(pool.count).map { SimulatedNode(pool: pool, index: $0) }
        }
    }
}
