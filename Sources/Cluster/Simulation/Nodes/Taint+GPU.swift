import Kube

extension Taint {
    /// The GPU taint most clusters put on GPU nodes: `nvidia.com/gpu=present:NoSchedule`.
    public static let gpu = Taint(key: "nvidia.com/gpu", value: "present", effect: "NoSchedule")
}
