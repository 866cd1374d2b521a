import Foundation
import Metrics
import Operator
import TestSupport
import Testing
import YAML

/// The RBAC manifest grants exactly what the code calls.
@Suite struct RBACTests {
    /// The calls a set of RBAC rules grants, by resource.
    static func granted(by rules: [JSONValue]) -> Set<APICall> {
        var calls: Set<APICall> = []
        for rule in rules {
            let groups = rule["apiGroups"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let resources = rule["resources"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let verbs = rule["verbs"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for group in groups {
                for resource in resources {
                    let parts = resource.split(separator: "/").map(String.init)
                    let matches = OperatorResource.allCases.filter { $0.group == group && $0.plural == parts[0] }
                    for match in matches {
                        for verb in verbs {
                            calls.insert(APICall(verb, match, subresource: parts.count > 1 ? parts[1] : nil))
                        }
                    }
                }
            }
        }
        return calls
    }

    static func documents() throws -> [JSONValue] {
        let url = TestPaths.repositoryRoot.appendingPathComponent("manifests/rbac.yaml")
        return try YAML.decodeDocuments(String(contentsOf: url, encoding: .utf8))
    }

    @Test func `the ClusterRole grants exactly the operator's cluster calls`() throws {
        let role = try #require(try Self.documents().first { $0["kind"] == "ClusterRole" })
        let granted = Self.granted(by: role["rules"]?.arrayValue ?? [])
        #expect(
            granted.subtracting(OperatorPermissions.clusterWide).map(\.description).sorted() == [],
            "granted but unused"
        )
        #expect(
            OperatorPermissions.clusterWide.subtracting(granted).map(\.description).sorted() == [],
            "used but not granted"
        )
    }

    @Test func `leader election is granted only in the operator namespace`() throws {
        let role = try #require(try Self.documents().first { $0["kind"] == "Role" })
        #expect(role.value(at: ["metadata", "namespace"]) == "poolpilot-system")
        #expect(Self.granted(by: role["rules"]?.arrayValue ?? []) == OperatorPermissions.leaderElection)
    }

    @Test func `every call a reconcile makes is granted`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        await cluster.put(
            .horizontalPodAutoscalers,
            [
                "kind": "HorizontalPodAutoscaler", "metadata": ["name": "x", "namespace": "default"],
                "spec": ["scaleTargetRef": ["name": "web"]],
            ]
        )
        let signals = TableSignals { PodSignals(pod: $0, queueDepth: 12) }
        let reconciler = PoolReconciler(
            access: cluster,
            signals: signals,
            events: EventLog(),
            clock: ClusterFixtures.clock
        )
        _ = try await reconciler.reconcile(namespace: "default", name: "llama-8b")
        let made = Set(await cluster.calls)
        #expect(made.contains(APICall("update", .deployments, subresource: "scale")))
        #expect(made.contains(APICall("update", .inferencePools, subresource: "status")))
        #expect(made.subtracting(OperatorPermissions.clusterWide).map(\.description).sorted() == [])
    }
}
