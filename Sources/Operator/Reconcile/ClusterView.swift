import Kube
import YAML

/// A node as the capacity and placement logic sees it.
public struct NodeInfo: Sendable, Equatable {
    /// A node taint.
    public struct Taint: Sendable, Equatable {
        /// The taint key.
        public var key: String
        /// The taint value, if any.
        public var value: String?
        /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
        public var effect: String

        /// Creates a taint.
        public init(key: String, value: String? = nil, effect: String) {
            self.key = key
            self.value = value
            self.effect = effect
        }
    }

    /// The node's name.
    public var name: String
    /// Its labels, including GPU Feature Discovery's `nvidia.com/gpu.*`.
    public var labels: [String: String]
    /// Allocatable amounts by resource name.
    public var allocatable: [String: Double]
    /// Its taints.
    public var taints: [Taint]
    /// Whether the node's Ready condition is True.
    public var isReady: Bool
    /// Whether the node is cordoned (`spec.unschedulable`).
    public var isUnschedulable: Bool

    /// Creates a node view.
    public init(
        name: String,
        labels: [String: String] = [:],
        allocatable: [String: Double] = [:],
        taints: [Taint] = [],
        isReady: Bool = true,
        isUnschedulable: Bool = false
    ) {
        self.name = name
        self.labels = labels
        self.allocatable = allocatable
        self.taints = taints
        self.isReady = isReady
        self.isUnschedulable = isUnschedulable
    }

    /// Reads the fields PoolPilot needs from a Node object.
    public init(json node: JSONValue) {
        name = node.value(at: ["metadata", "name"])?.stringValue ?? ""
        labels = (node.value(at: ["metadata", "labels"])?.objectValue ?? [:]).compactMapValues(\.stringValue)
        allocatable = (node.value(at: ["status", "allocatable"])?.objectValue ?? [:])
            .compactMapValues(Quantity.doubleValue(of:))
        taints = (node.value(at: ["spec", "taints"])?.arrayValue ?? []).compactMap { taint in
            guard let key = taint["key"]?.stringValue, let effect = taint["effect"]?.stringValue else { return nil }
            return Taint(key: key, value: taint["value"]?.stringValue, effect: effect)
        }
        let conditions = node.value(at: ["status", "conditions"])?.arrayValue ?? []
        isReady = conditions.contains { $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True" }
        isUnschedulable = node.value(at: ["spec", "unschedulable"])?.boolValue ?? false
    }
}

/// A pod as the capacity logic and the engine input see it.
public struct PodInfo: Sendable, Equatable {
    /// The pod's name.
    public var name: String
    /// The node it is bound to, if scheduled.
    public var nodeName: String?
    /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
    public var phase: String
    /// Whether its Ready condition is True.
    public var isReady: Bool
    /// When its Ready condition last turned True, RFC 3339.
    public var readySince: String?
    /// When it was created, RFC 3339.
    public var createdAt: String?
    /// Whether it is being deleted.
    public var isTerminating: Bool
    /// The pod's IP address, when it has one.
    public var podIP: String?
    /// Requested amounts by resource name, summed over its containers.
    public var requests: [String: Double]
    /// Why the scheduler could not place it (`PodScheduled` condition message), if pending.
    public var unschedulableMessage: String?
    /// Its labels.
    public var labels: [String: String]

    /// Creates a pod view.
    public init(
        name: String,
        nodeName: String? = nil,
        phase: String = "Running",
        isReady: Bool = true,
        readySince: String? = nil,
        createdAt: String? = nil,
        isTerminating: Bool = false,
        podIP: String? = nil,
        requests: [String: Double] = [:],
        unschedulableMessage: String? = nil,
        labels: [String: String] = [:]
    ) {
        self.name = name
        self.nodeName = nodeName
        self.phase = phase
        self.isReady = isReady
        self.readySince = readySince
        self.createdAt = createdAt
        self.isTerminating = isTerminating
        self.podIP = podIP
        self.requests = requests
        self.unschedulableMessage = unschedulableMessage
        self.labels = labels
    }

    /// Whether the pod holds node resources: bound to a node and not finished.
    public var holdsResources: Bool {
        nodeName != nil && phase != "Succeeded" && phase != "Failed"
    }

    /// Whether the pod waits for a node.
    public var isPendingUnscheduled: Bool {
        nodeName == nil && phase == "Pending" && !isTerminating
    }

    /// Reads the fields PoolPilot needs from a Pod object.
    public init(json pod: JSONValue) {
        name = pod.value(at: ["metadata", "name"])?.stringValue ?? ""
        labels = (pod.value(at: ["metadata", "labels"])?.objectValue ?? [:]).compactMapValues(\.stringValue)
        nodeName = pod.value(at: ["spec", "nodeName"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        phase = pod.value(at: ["status", "phase"])?.stringValue ?? "Pending"
        podIP = pod.value(at: ["status", "podIP"])?.stringValue
        createdAt = pod.value(at: ["metadata", "creationTimestamp"])?.stringValue
        isTerminating = pod.value(at: ["metadata", "deletionTimestamp"]) != nil
        let conditions = pod.value(at: ["status", "conditions"])?.arrayValue ?? []
        let ready = conditions.first { $0["type"]?.stringValue == "Ready" }
        isReady = ready?["status"]?.stringValue == "True"
        readySince = isReady ? ready?["lastTransitionTime"]?.stringValue : nil
        let scheduled = conditions.first { $0["type"]?.stringValue == "PodScheduled" }
        // Only the scheduler's verdict marks a pod unschedulable; the message may be missing.
        let isUnschedulable =
            scheduled?["status"]?.stringValue == "False" && scheduled?["reason"]?.stringValue == "Unschedulable"
        unschedulableMessage = isUnschedulable ? (scheduled?["message"]?.stringValue ?? "") : nil
        var sums: [String: Double] = [:]
        for container in pod.value(at: ["spec", "containers"])?.arrayValue ?? [] {
            let limits = container.value(at: ["resources", "limits"])?.objectValue ?? [:]
            let requested = container.value(at: ["resources", "requests"])?.objectValue ?? [:]
            // Extended resources may be given as limits only; requests then default to the limits.
            for (resource, value) in limits.merging(requested, uniquingKeysWith: { _, request in request }) {
                sums[resource, default: 0] += Quantity.doubleValue(of: value) ?? 0
            }
        }
        requests = sums
    }
}
