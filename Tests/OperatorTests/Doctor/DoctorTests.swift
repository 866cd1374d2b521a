import Kube
import Operator
import Testing
import YAML

/// A fake that also answers SelfSubjectAccessReviews: everything but deployments/scale is allowed.
actor ReviewingCluster: ClusterAccess {
    let inner: FakeCluster
    let servesReviews: Bool

    init(_ inner: FakeCluster, servesReviews: Bool = true) {
        self.inner = inner
        self.servesReviews = servesReviews
    }

    func get(_ resource: OperatorResource, namespace: String?, name: String) async throws -> JSONValue? {
        try await inner.get(resource, namespace: namespace, name: name)
    }

    func list(_ resource: OperatorResource, namespace: String?, labelSelector: String?) async throws -> [JSONValue] {
        try await inner.list(resource, namespace: namespace, labelSelector: labelSelector)
    }

    func update(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        try await inner.update(resource, object)
    }

    func updateStatus(_ resource: OperatorResource, _ object: JSONValue) async throws -> JSONValue {
        try await inner.updateStatus(resource, object)
    }

    func updateScale(
        _ resource: OperatorResource,
        namespace: String,
        name: String,
        replicas: Int,
        resourceVersion: String?
    ) async throws {
        try await inner.updateScale(
            resource,
            namespace: namespace,
            name: name,
            replicas: replicas,
            resourceVersion: resourceVersion
        )
    }

    func create(_ resource: OperatorResource, namespace: String?, _ object: JSONValue) async throws -> JSONValue {
        guard resource == .selfSubjectAccessReviews else {
            return try await inner.create(resource, namespace: namespace, object)
        }
        guard servesReviews else {
            throw KubeClientError.api(
                verb: "POST",
                path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                code: 404,
                status: nil
            )
        }
        let denied = object.value(at: ["spec", "resourceAttributes", "subresource"]) == "scale"
        var answer = object
        answer["status"] = ["allowed": .bool(!denied)]
        return answer
    }
}

@Suite struct DoctorTests {
    @Test func `reads the cluster and reports the missing CRD, the denied verb and the lone device plugin gap`()
        async throws
    {
        let cluster = try await ClusterFixtures.cluster()
        let findings = await Doctor.run(access: ReviewingCluster(cluster))
        let byCheck = Dictionary(findings.map { ($0.check, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byCheck["api"]?.level == .ok)
        #expect(byCheck["crd"]?.level == .failure)
        #expect(byCheck["rbac"]?.message == "this identity may not: update apps/deployments/scale")
        #expect(byCheck["gpu-nodes"]?.message == "2 GPU nodes: gpu-0, gpu-1")
        #expect(byCheck["device-plugin"]?.level == .warning)
    }

    @Test func `a server without SelfSubjectAccessReview skips the RBAC check with a warning`() async throws {
        let cluster = try await ClusterFixtures.cluster()
        let findings = await Doctor.run(access: ReviewingCluster(cluster, servesReviews: false))
        let rbac = try #require(findings.first { $0.check == "rbac" })
        #expect(rbac.level == .warning)
        #expect(rbac.message == "could not check RBAC: the server does not serve SelfSubjectAccessReview")
        #expect(!findings.contains { $0.message.contains("may not") })
    }
}
