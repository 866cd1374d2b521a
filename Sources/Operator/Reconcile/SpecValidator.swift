/// Checks what the CRD schema cannot (or what an API server without CEL would let through).
///
/// A pool with problems is reported with an `InvalidSpec` condition reason and Event and is not
/// acted on; the operator never crashes or guesses on a bad spec.
public enum SpecValidator {
    /// Every problem with `spec`, each one sentence; empty when the spec is usable.
    public static func problems(in spec: InferencePoolSpec) -> [String] {
        var problems: [String] = []
        problems += boundsProblems(spec)
        problems += signalProblems(spec)
        problems += gpuProblems(spec.gpu)
        if spec.targetRef.kind != "Deployment" || spec.targetRef.apiVersion != "apps/v1" {
            problems.append(
                "targetRef must name an apps/v1 Deployment, not \(spec.targetRef.apiVersion) \(spec.targetRef.kind)"
            )
        }
        return problems
    }

    private static func boundsProblems(_ spec: InferencePoolSpec) -> [String] {
        var problems: [String] = []
        if spec.maxReplicas < 1 { problems.append("maxReplicas must be at least 1") }
        if spec.minReplicas < 0 { problems.append("minReplicas must not be negative") }
        if spec.minReplicas > spec.maxReplicas {
            problems.append("minReplicas (\(spec.minReplicas)) must not exceed maxReplicas (\(spec.maxReplicas))")
        }
        if let hold = spec.replicas, hold < 0 || hold > spec.maxReplicas {
            problems.append(
                "replicas (a manual hold of \(hold)) must be between 0 and maxReplicas (\(spec.maxReplicas))"
            )
        }
        if spec.minReplicas == 0 && spec.scaleToZero?.enabled != true {
            problems.append("minReplicas 0 needs scaleToZero.enabled, which says what wakes the pool")
        }
        if let fallback = spec.metrics.fallback,
            fallback.replicas < spec.minReplicas || fallback.replicas > spec.maxReplicas
        {
            problems.append(
                "metrics.fallback.replicas (\(fallback.replicas)) must be between minReplicas and maxReplicas"
            )
        }
        if spec.metrics.intervalSeconds < 1 { problems.append("metrics.intervalSeconds must be at least 1") }
        return problems
    }

    private static func signalProblems(_ spec: InferencePoolSpec) -> [String] {
        var problems: [String] = []
        let targets = spec.targets
        if targets.isEmpty { problems.append("targets must set at least one signal") }
        let values: [(String, Double?)] = [
            ("waitingRequestsPerReplica", targets.waitingRequestsPerReplica),
            ("runningRequestsPerReplica", targets.runningRequestsPerReplica),
            ("kvCacheUtilization", targets.kvCacheUtilization),
            ("gpuMemoryUtilization", targets.gpuMemoryUtilization),
            ("queueTimeSeconds", targets.queueTimeSeconds),
        ]
        for (name, value) in values {
            if let value, !(value > 0) || !value.isFinite { problems.append("targets.\(name) must be above 0") }
        }
        for name in ["kvCacheUtilization", "gpuMemoryUtilization"] {
            if let value = values.first(where: { $0.0 == name })?.1, value > 1 {
                problems.append("targets.\(name) is a fraction and must be at most 1")
            }
        }
        let isPrometheus = spec.metrics.source == .prometheus
        if isPrometheus && spec.metrics.prometheus == nil {
            problems.append("metrics.source is prometheus but metrics.prometheus is missing")
        }
        var seen: Set<String> = []
        for custom in targets.custom {
            if !seen.insert(custom.name).inserted { problems.append("targets.custom names \(custom.name) twice") }
            if (custom.metric == nil) == (custom.query == nil) {
                problems.append("targets.custom \(custom.name) must set exactly one of metric or query")
            } else if custom.query != nil && !isPrometheus {
                problems.append("targets.custom \(custom.name) has a PromQL query but metrics.source is scrape")
            } else if custom.metric != nil && isPrometheus {
                problems.append("targets.custom \(custom.name) names a scraped metric but metrics.source is prometheus")
            }
            if !(custom.targetPerReplica > 0) {
                problems.append("targets.custom \(custom.name) needs a target above 0")
            }
        }
        if let zero = spec.scaleToZero, zero.enabled {
            if zero.activationQuery == nil { problems.append("scaleToZero.activationQuery is required when enabled") }
            if spec.metrics.prometheus == nil {
                problems.append("scaleToZero needs metrics.prometheus to run its activationQuery")
            }
        }
        return problems
    }

    private static func gpuProblems(_ gpu: GPUSpec) -> [String] {
        var problems: [String] = []
        if gpu.count < 1 { problems.append("gpu.count must be at least 1") }
        if gpu.isMIGProfile, gpu.resourceName.wholeMatch(of: #/nvidia\.com/mig-[0-9]+g\.[0-9]+gb(\.me)?/#) == nil {
            problems.append("gpu.resourceName \(gpu.resourceName) is not a MIG profile such as nvidia.com/mig-3g.40gb")
        }
        if gpu.isMIGProfile && gpu.count > 1 {
            // A pod's slices are separate GPU instances: a model cannot span them like whole GPUs.
            problems.append(
                "gpu.count must be 1 for the MIG profile \(gpu.resourceName): slices of one profile do not add up "
                    + "to a larger GPU; choose a larger profile instead"
            )
        }
        if gpu.resourceName == "nvidia.com/gpu.shared" && gpu.count > 1 {
            problems.append(
                "a time-sliced GPU (nvidia.com/gpu.shared) gives no more memory for count above 1; use count 1"
            )
        }
        for toleration in gpu.tolerations where toleration.operator == "Exists" && toleration.value != nil {
            problems.append("a toleration with operator Exists must not set a value (key \(toleration.key ?? ""))")
        }
        return problems
    }
}
