import Cluster
import Foundation
import HTTP
import Testing
import YAML

@Suite struct APIHandlerTests {
    @Test func `creates, reads and rejects a stale update with 409 Conflict`() async throws {
        let harness = try await HandlerHarness()
        let created = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("demo"))
        #expect(created.status == 201)
        #expect(created.body["metadata"]?["uid"]?.stringValue?.isEmpty == false)
        let version = try #require(created.body["metadata"]?["resourceVersion"]?.stringValue)

        var changed = created.body
        changed["data"] = ["a": "2"]
        let updated = await harness.send("PUT", "/api/v1/namespaces/default/configmaps/demo", body: changed)
        #expect(updated.status == 200)
        #expect(updated.body["metadata"]?["resourceVersion"]?.stringValue != version)

        let stale = await harness.send("PUT", "/api/v1/namespaces/default/configmaps/demo", body: changed)
        #expect(stale.status == 409)
        #expect(stale.body["reason"] == "Conflict")
        #expect(stale.body["kind"] == "Status")

        let again = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("demo"))
        #expect(again.status == 409)
        #expect(again.body["reason"] == "AlreadyExists")
        #expect(again.body["message"] == #"configmaps "demo" already exists"#)
    }

    @Test func `answers 404 NotFound as a Status and needs the namespace to exist`() async throws {
        let harness = try await HandlerHarness()
        let missing = await harness.send("GET", "/api/v1/namespaces/default/configmaps/nope")
        #expect(missing.status == 404)
        #expect(missing.body["message"] == #"configmaps "nope" not found"#)
        #expect(missing.body["details"]?["kind"] == "configmaps")

        let orphan = await harness.send(
            "POST",
            "/api/v1/namespaces/ghost/configmaps",
            body: configMap("x", namespace: "ghost")
        )
        #expect(orphan.status == 404)
        #expect(orphan.body["message"] == #"namespaces "ghost" not found"#)

        let removed = await harness.send("GET", "/apis/autoscaling/v2beta2/namespaces/default/horizontalpodautoscalers")
        #expect(removed.status == 404)
        #expect(removed.body["message"] == "the server could not find the requested resource")
    }

    @Test func `rejects requests without credentials`() async throws {
        let harness = try await HandlerHarness()
        let response = await harness.server.handler.handle(
            HTTPServerRequest(method: "GET", target: "/api/v1/namespaces")
        )
        #expect(response.status == 401)
        let version = await harness.server.handler.handle(HTTPServerRequest(method: "GET", target: "/version"))
        #expect(version.status == 200)
    }

    @Test func `paginates a list with a consistent snapshot and expires old continue tokens`() async throws {
        let harness = try await HandlerHarness(historyLimit: 3)
        for index in 0..<5 {
            _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("c\(index)"))
        }
        let first = await harness.send("GET", "/api/v1/namespaces/default/configmaps?limit=2")
        #expect(first.body["items"]?.arrayValue?.count == 2)
        #expect(first.body["metadata"]?["remainingItemCount"] == 3)
        let token = try #require(first.body["metadata"]?["continue"]?.stringValue)

        _ = await harness.send("DELETE", "/api/v1/namespaces/default/configmaps/c4")
        let second = await harness.send("GET", "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
        #expect(second.status == 200)
        #expect(second.body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["c2", "c3"])
        #expect(second.body["metadata"]?["resourceVersion"] == first.body["metadata"]?["resourceVersion"])

        for index in 5..<9 {
            _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("c\(index)"))
        }
        let expired = await harness.send("GET", "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
        #expect(expired.status == 410)
        #expect(expired.body["reason"] == "Expired")
    }

    @Test func `filters lists by every label selector operator and by field selectors`() async throws {
        let harness = try await HandlerHarness()
        _ = await harness.send(
            "POST",
            "/api/v1/namespaces/default/configmaps",
            body: configMap("a", labels: ["app": "web", "tier": "1"])
        )
        _ = await harness.send(
            "POST",
            "/api/v1/namespaces/default/configmaps",
            body: configMap("b", labels: ["app": "db", "tier": "3"])
        )
        _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("c"))
        let cases: [(String, [String])] = [
            ("app%3Dweb", ["a"]), ("app!%3Dweb", ["b", "c"]), ("app%20in%20(web,db)", ["a", "b"]),
            ("app%20notin%20(web)", ["b", "c"]), ("app", ["a", "b"]), ("!app", ["c"]), ("tier>2", ["b"]),
            ("app%3D%3Ddb,tier<5", ["b"]),
        ]
        for (selector, expected) in cases {
            let reply = await harness.send("GET", "/api/v1/namespaces/default/configmaps?labelSelector=\(selector)")
            let names = reply.body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue }
            #expect(names == expected, "selector \(selector)")
        }
        let byName = await harness.send("GET", "/api/v1/configmaps?fieldSelector=metadata.name%3Db")
        #expect(byName.body["items"]?.arrayValue?.count == 1)
        let unsupported = await harness.send("GET", "/api/v1/configmaps?fieldSelector=data.a%3D1")
        #expect(unsupported.status == 400)
    }

    @Test func `applies json patch with test, merge patch and strategic merge with setElementOrder`() async throws {
        let harness = try await HandlerHarness()
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
            "spec": [
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": [
                        "containers": [["name": "app", "image": "nginx:1.26"], ["name": "side", "image": "busybox"]]
                    ],
                ],
            ],
        ]
        let created = await harness.send("POST", "/apis/apps/v1/namespaces/default/deployments", body: deployment)
        #expect(created.status == 201)
        #expect(created.body["spec"]?["replicas"] == 1)

        let strategic: JSONValue = [
            "spec": [
                "template": [
                    "spec": [
                        "$setElementOrder/containers": [["name": "side"], ["name": "app"]],
                        "containers": [["name": "app", "image": "nginx:1.27"]],
                    ]
                ]
            ]
        ]
        let merged = await harness.send(
            "PATCH",
            "/apis/apps/v1/namespaces/default/deployments/web",
            body: strategic,
            contentType: "application/strategic-merge-patch+json"
        )
        let containers = merged.body.value(at: ["spec", "template", "spec", "containers"])?.arrayValue ?? []
        #expect(containers.map { $0["name"] } == ["side", "app"])
        #expect(containers.last?["image"] == "nginx:1.27")
        #expect(merged.body["metadata"]?["generation"] == 2)

        let failingTest: JSONValue = [
            ["op": "test", "path": "/spec/replicas", "value": 5],
            ["op": "replace", "path": "/spec/replicas", "value": 2],
        ]
        let refused = await harness.send(
            "PATCH",
            "/apis/apps/v1/namespaces/default/deployments/web",
            body: failingTest,
            contentType: "application/json-patch+json"
        )
        #expect(refused.status == 422)

        let passingTest: JSONValue = [
            ["op": "test", "path": "/spec/replicas", "value": 1],
            ["op": "replace", "path": "/spec/replicas", "value": 2],
        ]
        let patched = await harness.send(
            "PATCH",
            "/apis/apps/v1/namespaces/default/deployments/web",
            body: passingTest,
            contentType: "application/json-patch+json"
        )
        #expect(patched.body["spec"]?["replicas"] == 2)

        let mergePatch: JSONValue = ["metadata": ["labels": ["team": "ml"]]]
        let labelled = await harness.send(
            "PATCH",
            "/apis/apps/v1/namespaces/default/deployments/web",
            body: mergePatch,
            contentType: "application/merge-patch+json"
        )
        #expect(labelled.body["metadata"]?["labels"]?["team"] == "ml")
        #expect(labelled.body["metadata"]?["generation"] == 3)
    }

    @Test func `watch replays from an exact resourceVersion and answers 410 once compacted`() async throws {
        let harness = try await HandlerHarness(historyLimit: 4)
        let first = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("w1"))
        let start = try #require(first.body["metadata"]?["resourceVersion"]?.stringValue)
        _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("w2"))
        _ = await harness.send("DELETE", "/api/v1/namespaces/default/configmaps/w1")

        let stream = try #require(
            await harness.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=\(start)")
        )
        var reader = WatchReader(stream)
        let added = await reader.next()
        #expect(added?["type"] == "ADDED")
        #expect(added?["object"]?["metadata"]?["name"] == "w2")
        let deleted = await reader.next()
        #expect(deleted?["type"] == "DELETED")
        #expect(deleted?["object"]?["metadata"]?["name"] == "w1")
        _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("w3"))
        let live = await reader.next()
        #expect(live?["object"]?["metadata"]?["name"] == "w3")

        for index in 0..<6 {
            _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("x\(index)"))
        }
        let old = try #require(
            await harness.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=\(start)")
        )
        var oldReader = WatchReader(old)
        let error = await oldReader.next()
        #expect(error?["type"] == "ERROR")
        #expect(error?["object"]?["code"] == 410)
        #expect(error?["object"]?["reason"] == "Expired")
    }
}

@Suite struct FaultInjectionTests {
    @Test func `injects 429 with Retry-After and 503 during a simulated restart`() async throws {
        let harness = try await HandlerHarness()
        let set = await harness.send("PUT", "/poolpilot/admin/faults", body: ["tooManyRequestsFraction": 1])
        #expect(set.status == 200)
        let throttled = await harness.send("GET", "/api/v1/namespaces")
        #expect(throttled.status == 429)
        #expect(throttled.headers["Retry-After"] == "1")
        #expect(throttled.body["reason"] == "TooManyRequests")
        #expect(throttled.body["details"]?["retryAfterSeconds"] == 1)
        let health = await harness.server.handler.handle(HTTPServerRequest(method: "GET", target: "/readyz"))
        #expect(health.status == 200)

        _ = await harness.send("DELETE", "/poolpilot/admin/faults")
        #expect(await harness.send("GET", "/api/v1/namespaces").status == 200)
        _ = await harness.send("POST", "/poolpilot/admin/restart", body: ["unavailableSeconds": 60])
        let restarting = await harness.send("GET", "/api/v1/namespaces")
        #expect(restarting.status == 503)
        #expect(restarting.body["reason"] == "ServiceUnavailable")

        let invalid = await harness.send("PUT", "/poolpilot/admin/faults", body: ["tooManyRequestsFraction": 2])
        #expect(invalid.status == 400)
    }
}
