import Foundation
import Testing
import YAML

@Suite struct StoreSemanticsTests {
    let base = "/api/v1/namespaces/default/configmaps"

    func owned(_ name: String, by owners: [JSONValue]) -> JSONValue {
        var object = configMap(name)
        object.setMetadataForTest("ownerReferences", .array(owners))
        return object
    }

    func reference(_ owner: JSONValue) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "ConfigMap", "name": owner["metadata"]?["name"] ?? "",
            "uid": owner["metadata"]?["uid"] ?? "",
        ]
    }

    @Test func `background deletion collects dependents, orphan keeps them without the reference`() async throws {
        let harness = try await HandlerHarness()
        let owner = await harness.send("POST", base, body: configMap("owner")).body
        let other = await harness.send("POST", base, body: configMap("other")).body
        _ = await harness.send("POST", base, body: owned("only-child", by: [reference(owner)]))
        _ = await harness.send("POST", base, body: owned("shared-child", by: [reference(owner), reference(other)]))
        let deleted = await harness.send("DELETE", "\(base)/owner", body: ["propagationPolicy": "Background"])
        #expect(deleted.body["status"] == "Success")
        #expect(await harness.send("GET", "\(base)/only-child").status == 404)
        let shared = await harness.send("GET", "\(base)/shared-child")
        #expect(shared.status == 200)
        #expect(shared.body["metadata"]?["ownerReferences"]?.arrayValue?.count == 1)

        let parent = await harness.send("POST", base, body: configMap("parent")).body
        _ = await harness.send("POST", base, body: owned("kept-child", by: [reference(parent)]))
        _ = await harness.send("DELETE", "\(base)/parent", body: ["propagationPolicy": "Orphan"])
        let orphan = await harness.send("GET", "\(base)/kept-child")
        #expect(orphan.status == 200)
        #expect(orphan.body["metadata"]?["ownerReferences"] == nil)
    }

    @Test func `deleting a namespace terminates it and removes its contents`() async throws {
        let harness = try await HandlerHarness()
        let namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team"]]
        #expect(await harness.send("POST", "/api/v1/namespaces", body: namespace).status == 201)
        _ = await harness.send("POST", "/api/v1/namespaces/team/configmaps", body: configMap("a", namespace: "team"))
        var held = configMap("held", namespace: "team")
        held.setMetadataForTest("finalizers", ["test/hold"])
        _ = await harness.send("POST", "/api/v1/namespaces/team/configmaps", body: held)

        await harness.server.setNamespaceCleanupDelay(0)
        let deleting = await harness.send("DELETE", "/api/v1/namespaces/team")
        #expect(deleting.body["status"]?["phase"] == "Terminating")
        #expect(await harness.send("GET", "/api/v1/namespaces/team/configmaps/a").status == 200, "contents go later")
        await harness.server.performMaintenance()
        #expect(await harness.send("GET", "/api/v1/namespaces/team/configmaps/a").status == 404)
        let refused = await harness.send(
            "POST",
            "/api/v1/namespaces/team/configmaps",
            body: configMap("late", namespace: "team")
        )
        #expect(refused.status == 403)

        _ = await harness.send(
            "PATCH",
            "/api/v1/namespaces/team/configmaps/held",
            body: ["metadata": ["finalizers": nil]],
            contentType: "application/merge-patch+json"
        )
        #expect(await harness.send("GET", "/api/v1/namespaces/team").status == 404)
    }

    @Test func `dry run validates and answers without storing`() async throws {
        let harness = try await HandlerHarness()
        let dry = await harness.send("POST", "\(base)?dryRun=All", body: configMap("dry"))
        #expect(dry.status == 201)
        #expect(await harness.send("GET", "\(base)/dry").status == 404)
        _ = await harness.send("POST", base, body: configMap("real"))
        let dryDelete = await harness.send("DELETE", "\(base)/real?dryRun=All")
        #expect(dryDelete.status == 200)
        #expect(await harness.send("GET", "\(base)/real").status == 200)
        let bad = await harness.send("POST", "\(base)?dryRun=Maybe", body: configMap("x"))
        #expect(bad.status == 400)
    }

    @Test func `generateName makes a unique name and a body namespace must match the URL`() async throws {
        let harness = try await HandlerHarness()
        let generated: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "job-"]]
        let created = await harness.send("POST", base, body: generated)
        let name = created.body["metadata"]?["name"]?.stringValue ?? ""
        #expect(name.hasPrefix("job-") && name.count == 9)
        let mismatch = await harness.send("POST", base, body: configMap("x", namespace: "kube-system"))
        #expect(mismatch.status == 400)
        let invalid = await harness.send("POST", base, body: configMap("Not_Valid"))
        #expect(invalid.status == 422)
        #expect(invalid.body["details"]?["causes"]?[0]?["field"] == "metadata.name")
    }

    @Test func `events are served as v1 and events.k8s.io with renamed fields, filtered by involvedObject`()
        async throws
    {
        let harness = try await HandlerHarness()
        let event: JSONValue = [
            "apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": ["name": "e1"],
            "regarding": ["kind": "Pod", "name": "p1", "namespace": "default", "uid": "u1"],
            "note": "pulled", "reason": "Pulled", "type": "Normal", "eventTime": "2026-01-01T00:00:00.000000Z",
            "reportingController": "kubelet", "reportingInstance": "node-1", "action": "Pull",
        ]
        #expect(
            await harness.send("POST", "/apis/events.k8s.io/v1/namespaces/default/events", body: event).status == 201
        )
        let core = await harness.send(
            "GET",
            "/api/v1/namespaces/default/events?fieldSelector=involvedObject.uid%3Du1,involvedObject.kind%3DPod"
        )
        let item = core.body["items"]?[0]
        #expect(item?["message"] == "pulled")
        #expect(item?["involvedObject"]?["name"] == "p1")
        #expect(item?["apiVersion"] == "v1")
        let none = await harness.send(
            "GET",
            "/api/v1/namespaces/default/events?fieldSelector=involvedObject.uid%3Dother"
        )
        #expect(none.body["items"]?.arrayValue?.isEmpty == true)
        let new = await harness.send("GET", "/apis/events.k8s.io/v1/namespaces/default/events/e1")
        #expect(new.body["note"] == "pulled")
        #expect(new.body["apiVersion"] == "events.k8s.io/v1")
    }

    @Test func `tables carry the built-in columns and watches follow objects in and out of a selector`() async throws {
        let harness = try await HandlerHarness()
        _ = await harness.send("POST", base, body: configMap("t1", labels: ["app": "web"]))
        let table = await harness.send(
            "GET",
            base,
            accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
        )
        #expect(table.headers["Content-Type"] == "application/json;as=Table;v=v1;g=meta.k8s.io")
        #expect(
            table.body["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                "Name", "Data", "Age",
            ]
        )
        #expect(table.body["rows"]?[0]?["cells"]?[0] == "t1")
        #expect(table.body["rows"]?[0]?["object"]?["kind"] == "PartialObjectMetadata")

        let stream = try #require(await harness.watch("\(base)?watch=true&labelSelector=app%3Dweb"))
        var reader = WatchReader(stream)
        #expect(await reader.next()?["type"] == "ADDED")
        _ = await harness.send(
            "PATCH",
            "\(base)/t1",
            body: ["metadata": ["labels": ["app": "db"]]],
            contentType: "application/merge-patch+json"
        )
        let left = await reader.next()
        #expect(left?["type"] == "DELETED")
        _ = await harness.send(
            "PATCH",
            "\(base)/t1",
            body: ["metadata": ["labels": ["app": "web"]]],
            contentType: "application/merge-patch+json"
        )
        #expect(await reader.next()?["type"] == "ADDED")
    }

    @Test func `sendInitialEvents ends the initial state with a marked bookmark`() async throws {
        let harness = try await HandlerHarness()
        _ = await harness.send("POST", base, body: configMap("i1"))
        let refused = await harness.send("GET", "\(base)?watch=true&sendInitialEvents=true")
        #expect(refused.status == 422)
        let stream = try #require(
            await harness.watch(
                "\(base)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true"
            )
        )
        var reader = WatchReader(stream)
        #expect(await reader.next()?["type"] == "ADDED")
        let bookmark = await reader.next()
        #expect(bookmark?["type"] == "BOOKMARK")
        #expect(bookmark?["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"] == "true")
    }

    @Test func `server-side apply removes fields a manager stops applying and merges containers by name`() async throws
    {
        let harness = try await HandlerHarness()
        let path = "/api/v1/namespaces/default/configmaps/ssa?fieldManager=tool"
        let first: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "ssa"], "data": ["a": "1", "b": "2"],
        ]
        let created = await harness.send("PATCH", path, body: first, contentType: "application/apply-patch+yaml")
        #expect(created.status == 201)
        let managers = created.body["metadata"]?["managedFields"]?.arrayValue ?? []
        #expect(managers.first?["manager"] == "tool")
        #expect(managers.first?["operation"] == "Apply")
        #expect(managers.first?["fieldsV1"]?["f:data"]?["f:a"] == [:])

        let second: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "ssa"], "data": ["a": "1"],
        ]
        let updated = await harness.send("PATCH", path, body: second, contentType: "application/apply-patch+yaml")
        #expect(updated.status == 200)
        #expect(updated.body["data"] == ["a": "1"])

        let noManager = await harness.send(
            "PATCH",
            "/api/v1/namespaces/default/configmaps/ssa",
            body: second,
            contentType: "application/apply-patch+yaml"
        )
        #expect(noManager.status == 422)
    }

    @Test func `strategic merge deletes list items and primitive entries by directive`() async throws {
        let harness = try await HandlerHarness()
        let pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "finalizers": ["a/x", "a/y"]],
            "spec": [
                "containers": [
                    ["name": "main", "image": "img:1", "ports": [["containerPort": 80], ["containerPort": 81]]],
                    ["name": "side", "image": "img:2"],
                ]
            ],
        ]
        #expect(await harness.send("POST", "/api/v1/namespaces/default/pods", body: pod).status == 201)
        let patch: JSONValue = [
            "metadata": ["$deleteFromPrimitiveList/finalizers": ["a/x"]],
            "spec": [
                "containers": [
                    ["name": "side", "$patch": "delete"],
                    ["name": "main", "ports": [["containerPort": 81, "$patch": "delete"], ["containerPort": 82]]],
                ]
            ],
        ]
        let patched = await harness.send(
            "PATCH",
            "/api/v1/namespaces/default/pods/p",
            body: patch,
            contentType: "application/strategic-merge-patch+json"
        )
        #expect(patched.status == 200, "\(patched.body)")
        let containers = patched.body.value(at: ["spec", "containers"])?.arrayValue ?? []
        #expect(containers.count == 1)
        #expect(containers.first?["ports"]?.arrayValue?.compactMap { $0["containerPort"]?.integerValue } == [80, 82])
        #expect(patched.body["metadata"]?["finalizers"] == ["a/y"])
        #expect(patched.body["status"]?["phase"] == "Pending")
    }
}

extension JSONValue {
    /// Sets one metadata member (tests only).
    mutating func setMetadataForTest(_ key: String, _ value: JSONValue) {
        var metadata = self["metadata"]?.objectValue ?? [:]
        metadata[key] = value
        self["metadata"] = .object(metadata)
    }
}
