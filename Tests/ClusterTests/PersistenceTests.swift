import Cluster
import Foundation
import TestSupport
import Testing
import YAML

@Suite struct PersistenceTests {
    @Test func `objects and the revision counter survive a restart`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lastRevision = ""
        do {
            let harness = try await HandlerHarness(dataDirectory: directory)
            _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("kept"))
            let gone = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("gone"))
            #expect(gone.status == 201)
            let deleted = await harness.send("DELETE", "/api/v1/namespaces/default/configmaps/gone")
            #expect(deleted.status == 200)
            lastRevision =
                await harness.send("GET", "/api/v1/namespaces/default/configmaps").body["metadata"]?["resourceVersion"]?
                .stringValue ?? ""
        }
        let restarted = try await HandlerHarness(dataDirectory: directory)
        let list = await restarted.send("GET", "/api/v1/namespaces/default/configmaps")
        #expect(list.body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["kept"])
        #expect(list.body["metadata"]?["resourceVersion"]?.stringValue == lastRevision)
        let next = await restarted.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("after"))
        let nextRevision = Int(next.body["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0
        #expect(nextRevision > (Int(lastRevision) ?? .max))
    }

    @Test func `a torn last log line from a crash is ignored`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let harness = try await HandlerHarness(dataDirectory: directory)
            _ = await harness.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("whole"))
        }
        let log = directory.appendingPathComponent("wal.jsonl")
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"rv":99,"k":"/configmaps","id":"default/torn","o":{"apiVers"#.utf8))
        try handle.close()

        let restarted = try await HandlerHarness(dataDirectory: directory)
        let list = await restarted.send("GET", "/api/v1/namespaces/default/configmaps")
        #expect(list.body["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["whole"])
        let created = await restarted.send("POST", "/api/v1/namespaces/default/configmaps", body: configMap("later"))
        #expect(created.status == 201)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(!text.contains("apiVers\""), "the torn tail was cut off before appending")
        #expect(text.hasSuffix("\n"))
    }

    @Test func `a custom resource definition is served again after a restart`() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let crd = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: try Fixtures.widgetsCRD))
        do {
            let harness = try await HandlerHarness(dataDirectory: directory)
            #expect(
                await harness.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: crd).status
                    == 201
            )
            let widget: JSONValue = [
                "apiVersion": "test.poolpilot.dev/v1", "kind": "Widget", "metadata": ["name": "w"],
                "spec": ["maxReplicas": 3],
            ]
            #expect(
                await harness.send("POST", "/apis/test.poolpilot.dev/v1/namespaces/default/widgets", body: widget)
                    .status == 201
            )
        }
        let restarted = try await HandlerHarness(dataDirectory: directory)
        let widget = await restarted.send("GET", "/apis/test.poolpilot.dev/v1/namespaces/default/widgets/w")
        #expect(widget.status == 200)
        #expect(widget.body["spec"]?["color"] == "red")
    }
}
