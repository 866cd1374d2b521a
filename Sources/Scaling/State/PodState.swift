/// One pod of the pool as the engine needs to see it.
public struct PodState: Codable, Sendable, Equatable {
    /// The pod's lifecycle phase, spelled as Kubernetes spells it.
    public enum Phase: String, Codable, Sendable, Equatable {
        /// Accepted but not all containers are running (unscheduled, pulling, creating).
        case pending = "Pending"
        /// Bound to a node with its containers started.
        case running = "Running"
        /// All containers ended successfully.
        case succeeded = "Succeeded"
        /// All containers ended and at least one failed.
        case failed = "Failed"
        /// The kubelet could not report the phase.
        case unknown = "Unknown"
    }

    /// Why a pending pod is pending.
    public enum PendingReason: String, Codable, Sendable, Equatable {
        /// No node has a free GPU of the requested kind.
        case insufficientGPU = "InsufficientGPU"
        /// The scheduler found no node for another reason (affinity, taints, other resources).
        case unschedulable = "Unschedulable"
        /// Scheduled; the image is being pulled or the containers created.
        case containerCreating = "ContainerCreating"

        /// Whether this pod waits for cluster capacity rather than for its own start.
        public var isCapacity: Bool {
            self == .insufficientGPU || self == .unschedulable
        }
    }

    /// The pod's name.
    public var name: String
    /// The pod's phase.
    public var phase: Phase
    /// Whether the pod's Ready condition is True.
    public var isReady: Bool
    /// When the pod last turned Ready, in seconds on the caller's clock.
    public var readySince: Double?
    /// Whether the pod is scheduled and still loading its model (starting, not yet Ready).
    public var isLoading: Bool
    /// Whether the pod is being deleted (it has a deletion timestamp).
    public var isTerminating: Bool
    /// Why the pod pends, when it is Pending.
    public var pendingReason: PendingReason?
    /// The pod's signal values by signal name; an absent name is a missing value.
    public var signals: [String: SignalSample]

    /// Creates a pod.
    public init(
        name: String,
        phase: Phase = .running,
        isReady: Bool = true,
        readySince: Double? = nil,
        isLoading: Bool = false,
        isTerminating: Bool = false,
        pendingReason: PendingReason? = nil,
        signals: [String: SignalSample] = [:]
    ) {
        self.name = name
        self.phase = phase
        self.isReady = isReady
        self.readySince = readySince
        self.isLoading = isLoading
        self.isTerminating = isTerminating
        self.pendingReason = pendingReason
        self.signals = signals
    }

    private enum CodingKeys: String, CodingKey {
        case name, phase, isReady = "ready", readySince, isLoading = "loading", isTerminating = "terminating"
        case pendingReason, signals
    }

    /// Decodes a pod; only `name` is required.
    ///
    /// A pod is Running and Ready unless told otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        phase = try container.decodeIfPresent(Phase.self, forKey: .phase) ?? .running
        isReady = try container.decodeIfPresent(Bool.self, forKey: .isReady) ?? (phase == .running)
        readySince = try container.decodeIfPresent(Double.self, forKey: .readySince)
        isLoading = try container.decodeIfPresent(Bool.self, forKey: .isLoading) ?? false
        isTerminating = try container.decodeIfPresent(Bool.self, forKey: .isTerminating) ?? false
        pendingReason = try container.decodeIfPresent(PendingReason.self, forKey: .pendingReason)
        let raw = try container.decodeIfPresent([String: SignalSample?].self, forKey: .signals) ?? [:]
        signals = raw.compactMapValues { $0 }
    }

    /// Whether the pod waits for nodes with free GPUs (or other cluster capacity).
    public var isPendingForCapacity: Bool {
        phase == .pending && (pendingReason?.isCapacity ?? false)
    }
}
