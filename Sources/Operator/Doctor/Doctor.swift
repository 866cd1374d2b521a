import Kube
import YAML

/// `poolpilot doctor`: reads a cluster through ``ClusterAccess`` and runs ``DoctorChecks``.
///
/// RBAC is checked with SelfSubjectAccessReviews, so it answers for the identity doctor runs as
/// (your kubeconfig user, or the operator's ServiceAccount when run in its pod); to check the
/// operator's ServiceAccount from outside, run doctor with a kubeconfig for that ServiceAccount.
public enum Doctor {
    /// The findings for the cluster behind `access`; an unreachable API server is one failure.
    public static func run(access: any ClusterAccess) async -> [DoctorFinding] {
        let nodes: [NodeInfo]
        do {
            nodes = try await access.list(.nodes, namespace: nil, labelSelector: nil).map(NodeInfo.init(json:))
        } catch {
            return [
                DoctorFinding(
                    "api",
                    .failure,
                    "the API server could not be read: \(error)",
                    fix: "check --kubeconfig/--context, the server address, and your credentials"
                )
            ]
        }
        var findings = [DoctorFinding("api", .ok, "the API server answers (\(nodes.count) nodes)")]
        let crd = try? await access.get(.customResourceDefinitions, namespace: nil, name: InferencePoolCRD.name)
        let gateway = try? await access.get(
            .customResourceDefinitions,
            namespace: nil,
            name: "inferencepools.inference.networking.k8s.io"
        )

        var permissions: [(call: APICall, allowed: Bool)] = []
        var rbacUnchecked: String?
        let calls = (OperatorPermissions.clusterWide.union(OperatorPermissions.leaderElection)).sorted {
            $0.description < $1.description
        }
        for call in calls {
            do {
                permissions.append((call, try await isAllowed(call, access: access)))
            } catch {
                // No review answered means nothing is known: skip the check instead of failing every verb.
                rbacUnchecked = uncheckedReason(error)
                permissions = []
                break
            }
        }

        let daemonSets = (try? await access.list(.daemonSets, namespace: nil, labelSelector: nil)) ?? []
        var pools: [(namespace: String, name: String, spec: InferencePoolSpec)] = []
        if crd != nil {
            for object in (try? await access.list(.inferencePools, namespace: nil, labelSelector: nil)) ?? [] {
                guard let spec = try? object["spec"]?.decode(InferencePoolSpec.self) else { continue }
                pools.append(
                    (
                        object.value(at: ["metadata", "namespace"])?.stringValue ?? "",
                        object.value(at: ["metadata", "name"])?.stringValue ?? "", spec
                    )
                )
            }
        }
        var autoscalers: [(namespace: String, reference: AutoscalerReference)] = []
        for resource in [OperatorResource.horizontalPodAutoscalers, .scaledObjects] {
            for object in (try? await access.list(resource, namespace: nil, labelSelector: nil)) ?? [] {
                guard let reference = AutoscalerReference(json: object) else { continue }
                autoscalers.append((object.value(at: ["metadata", "namespace"])?.stringValue ?? "", reference))
            }
        }

        let facts = DoctorChecks.Facts(
            crd: crd ?? nil,
            hasGatewayInferencePool: (gateway ?? nil) != nil,
            access: permissions,
            rbacUnchecked: rbacUnchecked,
            nodes: nodes,
            daemonSets: daemonSets,
            pools: pools,
            autoscalers: autoscalers
        )
        findings += DoctorChecks.findings(facts)
        return findings
    }

    /// Why RBAC could not be checked, from the error a SelfSubjectAccessReview met.
    static func uncheckedReason(_ error: any Error) -> String {
        if let error = error as? KubeClientError, error.isNotFound {
            return "the server does not serve SelfSubjectAccessReview"
        }
        if case .notServed = error as? OperatorError {
            return "the server does not serve SelfSubjectAccessReview"
        }
        return "a SelfSubjectAccessReview failed: \(error)"
    }

    /// Asks the API server whether this identity may make `call` (a SelfSubjectAccessReview).
    ///
    /// - Throws: the access layer's error when the review itself could not be made.
    static func isAllowed(_ call: APICall, access: any ClusterAccess) async throws -> Bool {
        var attributes: [String: JSONValue] = [
            "verb": .string(call.verb), "group": .string(call.resource.group),
            "resource": .string(call.resource.plural),
        ]
        if let subresource = call.subresource { attributes["subresource"] = .string(subresource) }
        let review: JSONValue = [
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SelfSubjectAccessReview",
            "spec": ["resourceAttributes": .object(attributes)],
        ]
        let answer = try await access.create(.selfSubjectAccessReviews, namespace: nil, review)
        return answer.value(at: ["status", "allowed"])?.boolValue ?? false
    }
}
