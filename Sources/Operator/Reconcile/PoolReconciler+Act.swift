import Foundation
import YAML

extension PoolReconciler {
    /// Carries out a plan: the template, then the replicas, then the status.
    ///
    /// The template write returns the Deployment's new resourceVersion, which the scale write then
    /// carries, so a change by anyone else in between fails with a conflict instead of being lost.
    func act(_ plan: ReconcilePlan, pool: PoolSnapshot, poolObject: JSONValue) async throws {
        try beforeWrite()
        var scaleVersion = plan.replicaWrite?.resourceVersion
        if let template = plan.templateWrite {
            let written = try await access.update(.deployments, template)
            scaleVersion = written.value(at: ["metadata", "resourceVersion"])?.stringValue ?? scaleVersion
        }
        if let write = plan.replicaWrite {
            // Remember the write before making it: if its answer or the status update below is
            // lost, the next reconcile still knows PoolPilot made this change and does not report
            // it as a manual scale. The plan uses it only when the Deployment shows its count.
            lastWrites["\(pool.namespace)/\(pool.name)"] = plan.status.scalingHistory.last
            try await access.updateScale(
                .deployments,
                namespace: pool.namespace,
                name: pool.spec.targetRef.name,
                replicas: write.to,
                resourceVersion: scaleVersion
            )
        }
        guard plan.status != pool.status else { return }
        var updated = poolObject
        updated["status"] = try JSONValue.encoding(plan.status)
        _ = try await access.updateStatus(.inferencePools, updated)
    }
}

extension JSONValue {
    /// The JSON value of an encodable Swift value.
    static func encoding<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}
