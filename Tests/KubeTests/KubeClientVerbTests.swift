import Foundation
import HTTP
import Testing
import YAML

@testable import Kube

@Suite struct KubeClientVerbTests {
    @Test func `gets a typed object with the bearer token and JSON accept`() async throws {
        let transport = FakeTransport { _, _ in .json(200, deploymentJSON("web", replicas: 3)) }
        let client = KubeClient.testing(transport)
        let deployment = try await client.get(Deployment.self, name: "web", namespace: "ml")
        #expect(deployment.spec?.replicas == 3)
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://kube.test:6443/apis/apps/v1/namespaces/ml/deployments/web")
        #expect(request.method == .get)
        #expect(request.headers["Authorization"] == "Bearer t0ken-value")
        #expect(request.headers["Accept"] == "application/json")
    }

    @Test func `follows continue tokens across pages`() async throws {
        let transport = FakeTransport { request, index in
            let items = #"[{"metadata":{"name":"p\#(index)"}}]"#
            let token = index < 2 ? "page\(index + 1)" : ""
            return .json(200, #"{"metadata":{"resourceVersion":"77","continue":"\#(token)"},"items":\#(items)}"#)
        }
        let client = KubeClient.testing(transport)
        let list = try await client.listAll(
            Pod.self,
            namespace: "ml",
            options: ListOptions(labelSelector: "app=vllm,tier in (gpu)"),
            pageSize: 1
        )
        #expect(list.items.map(\.metadata.name) == ["p0", "p1", "p2"])
        #expect(list.metadata.resourceVersion == "77")
        #expect(list.metadata.continue == nil)
        let targets = transport.requests.map(\.target)
        #expect(targets[0] == "/api/v1/namespaces/ml/pods?labelSelector=app%3Dvllm%2Ctier%20in%20%28gpu%29&limit=1")
        #expect(targets[1].hasSuffix("&limit=1&continue=page1"))
        #expect(targets[2].hasSuffix("&continue=page2"))
    }

    @Test func `surfaces 409 as a conflict carrying the server's Status`() async throws {
        let status =
            #"{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,"#
            + #""message":"the object has been modified"}"#
        let transport = FakeTransport { _, _ in .json(409, status) }
        let client = KubeClient.testing(transport)
        let deployment = try JSONDecoder().decode(Deployment.self, from: Data(deploymentJSON("web").utf8))
        let error = try await #require(throws: KubeClientError.self) { try await client.update(deployment) }
        guard case .conflict(let verb, let path, let decoded) = error else {
            Issue.record("expected a conflict, got \(error)")
            return
        }
        #expect(verb == "update")
        #expect(path == "/apis/apps/v1/namespaces/ml/deployments/web")
        #expect(decoded?.reason == "Conflict")
        #expect(!error.isRetryable)
        #expect(error.description == "update \(path): api: 409 conflict Conflict: the object has been modified")
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].method == .put)
        #expect(transport.requests[0].bodyText.contains(#""resourceVersion":"1""#))
    }

    @Test func `reports 404 as not found and never shows the token`() async throws {
        let transport = FakeTransport { _, _ in
            .json(404, #"{"kind":"Status","reason":"NotFound","code":404,"message":"pods \"x\" not found"}"#)
        }
        let client = KubeClient.testing(transport)
        let error = try await #require(throws: KubeClientError.self) {
            try await client.get(Pod.self, name: "x", namespace: "ml")
        }
        #expect(error.isNotFound)
        #expect(error.reason == "NotFound")
        #expect(!error.description.contains("t0ken"))
        #expect(!"\(client.configuration)".contains("t0ken"))
    }

    @Test func `sends each patch type with its content type and options`() async throws {
        let transport = FakeTransport { _, _ in .json(200, deploymentJSON("web", replicas: 2)) }
        let client = KubeClient.testing(transport)
        _ = try await client.patch(
            Deployment.self,
            name: "web",
            namespace: "ml",
            patch: .merge(["spec": ["replicas": 2]])
        )
        _ = try await client.patch(
            Deployment.self,
            name: "web",
            namespace: "ml",
            patch: .json([.test("/metadata/resourceVersion", "1"), .remove("/metadata/finalizers/0")])
        )
        _ = try await client.patch(Deployment.self, name: "web", namespace: "ml", patch: .strategic(["spec": [:]]))
        let deployment = try JSONDecoder().decode(Deployment.self, from: Data(deploymentJSON("web").utf8))
        _ = try await client.apply(deployment, fieldManager: "poolpilot", force: true, dryRun: true)

        let requests = transport.requests
        #expect(
            requests.map { $0.headers["Content-Type"] } == [
                "application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json",
                "application/apply-patch+yaml",
            ]
        )
        #expect(requests.allSatisfy { $0.method == .patch })
        #expect(requests[0].bodyText == #"{"spec":{"replicas":2}}"#)
        #expect(requests[1].bodyText.contains(#""op":"test""#))
        #expect(requests[3].target.hasSuffix("?dryRun=All&fieldManager=poolpilot&force=true"))
    }

    @Test func `refuses server-side apply without a field manager`() async throws {
        let transport = FakeTransport { _, _ in .json(200, "{}") }
        let client = KubeClient.testing(transport)
        await #expect(throws: KubeClientError.self) {
            try await client.patch(Deployment.self, name: "web", namespace: "ml", patch: .apply([:]))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func `deletes with a propagation policy and preconditions`() async throws {
        let transport = FakeTransport { _, _ in .json(200, #"{"kind":"Status","status":"Success"}"#) }
        let client = KubeClient.testing(transport)
        let options = DeleteOptions(propagationPolicy: .foreground, preconditionUID: "u-1", dryRun: true)
        let answer = try await client.delete(Deployment.self, name: "web", namespace: "ml", options: options)
        #expect(answer["status"] == "Success")
        let body = try JSONValue(jsonBytes: transport.requests[0].body ?? [])
        #expect(body["propagationPolicy"] == "Foreground")
        #expect(body["preconditions"] == ["uid": "u-1"])
        #expect(body["dryRun"] == ["All"])
        #expect(transport.requests[0].method == .delete)
    }

    @Test func `scales through the scale subresource`() async throws {
        let scale =
            #"{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"web"},"#
            + #""spec":{"replicas":4},"status":{"replicas":2,"selector":"app=web"}}"#
        let transport = FakeTransport { _, _ in .json(200, scale) }
        let client = KubeClient.testing(transport)
        let result = try await client.scale(Deployment.resource, name: "web", namespace: "ml", replicas: 4)
        #expect(result.spec?.replicas == 4)
        #expect(result.status?.selector == "app=web")
        #expect(transport.requests[0].target == "/apis/apps/v1/namespaces/ml/deployments/web/scale")
        #expect(transport.requests[0].bodyText == #"{"spec":{"replicas":4}}"#)
        _ = try await client.getScale(Deployment.resource, name: "web", namespace: "ml")
        #expect(transport.requests[1].method == .get)
    }

    @Test func `writes status through the status subresource with dry run`() async throws {
        let transport = FakeTransport { _, _ in .json(200, deploymentJSON("web")) }
        let client = KubeClient.testing(transport)
        let deployment = try JSONDecoder().decode(Deployment.self, from: Data(deploymentJSON("web").utf8))
        _ = try await client.updateStatus(deployment, options: WriteOptions(dryRun: true, fieldManager: "pp"))
        #expect(
            transport.requests[0].target
                == "/apis/apps/v1/namespaces/ml/deployments/web/status?dryRun=All&fieldManager=pp"
        )
        _ = try await client.create(deployment)
        #expect(transport.requests[1].method == .post)
        #expect(transport.requests[1].target == "/apis/apps/v1/namespaces/ml/deployments")
    }

    @Test func `discovers whether a group version serves a resource`() async throws {
        let transport = FakeTransport { request, _ in
            if request.target == "/apis/poolpilot.dev/v1alpha1" {
                return .json(
                    200,
                    #"{"kind":"APIResourceList","groupVersion":"poolpilot.dev/v1alpha1","resources":[{"name":"inferencepools","#
                        + #""namespaced":true,"kind":"InferencePool","verbs":["get","list"],"shortNames":["ipool"]}]}"#
                )
            }
            return .json(404, #"{"kind":"Status","code":404,"reason":"NotFound"}"#)
        }
        let client = KubeClient.testing(transport)
        let pools = ResourceDescriptor(
            group: "poolpilot.dev",
            version: "v1alpha1",
            plural: "inferencepools",
            kind: "InferencePool",
            namespaced: true
        )
        #expect(try await client.isServed(pools))
        var missing = pools
        missing.version = "v1"
        #expect(try await client.isServed(missing) == false)
        let list = try await client.resources(group: "poolpilot.dev", version: "v1alpha1")
        #expect(list?.resources.first?.shortNames == ["ipool"])
    }
}
