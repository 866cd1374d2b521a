import Foundation
import TestSupport
import Testing
import YAML

/// The API semantics over the real HTTPS listener (kubectl --raw as the client), plus fault injection.
@Suite(.serialized, .enabled(if: Kubectl.isAvailable, "needs /usr/bin/kubectl"))
struct ServerHTTPTests {
    static let shared = SharedCluster.Holder {
        var options = EmbeddedCluster.Options(); options.bookmarkIntervalSeconds = 0.3; return options
    }

    func setUp() async throws -> (EmbeddedCluster, Kubectl) {
        let cluster = try await Self.shared.get()
        return (cluster, Kubectl(cluster: cluster))
    }

    func json(_ result: KubectlResult) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(result.stdout.utf8))
    }

    func lines(_ result: KubectlResult) -> [JSONValue] {
        result.stdout.split(separator: "\n").compactMap {
            try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
    }

    func makeConfigMaps(_ kubectl: Kubectl, namespace: String, count: Int) async throws {
        let namespaceObject = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(namespace)"}}"#
        _ = try await kubectl.run(["apply", "-f", "-"], stdin: namespaceObject)
        for index in 0..<count {
            let object =
                #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm\#(index)","namespace":"\#(namespace)"},"data":{"i":"\#(index)"}}"#
            let created = try await kubectl.run(["apply", "-f", "-"], stdin: object)
            #expect(created.exitCode == 0, "\(created.combined)")
        }
    }

    @Test func `lists page with limit and continue`() async throws {
        let (_, kubectl) = try await setUp()
        try await makeConfigMaps(kubectl, namespace: "paging", count: 5)
        let first = try json(try await kubectl.run(["get", "--raw", "/api/v1/namespaces/paging/configmaps?limit=2"]))
        #expect(first["items"]?.arrayValue?.count == 2)
        #expect(first["metadata"]?["remainingItemCount"] == 3)
        let token = try #require(first["metadata"]?["continue"]?.stringValue)
        let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
        let second = try json(
            try await kubectl.run(["get", "--raw", "/api/v1/namespaces/paging/configmaps?limit=2&continue=\(encoded)"])
        )
        #expect(second["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["cm2", "cm3"])
        let chunked = try await kubectl.run(["get", "cm", "-n", "paging", "--chunk-size=2", "-o", "name"])
        #expect(chunked.stdout.split(separator: "\n").count == 5, "\(chunked.combined)")
    }

    @Test func `a stale update is refused with 409 Conflict`() async throws {
        let (_, kubectl) = try await setUp()
        try await makeConfigMaps(kubectl, namespace: "conflicts", count: 1)
        let current = try json(try await kubectl.run(["get", "cm", "cm0", "-n", "conflicts", "-o", "json"]))
        _ = try await kubectl.run(["label", "cm", "cm0", "-n", "conflicts", "moved=yes"])
        let stale = try await kubectl.run(["replace", "-f", "-"], stdin: JSONTextEncoder.string(current))
        #expect(stale.exitCode != 0)
        #expect(
            stale.stderr.contains("the object has been modified; please apply your changes to the latest version"),
            "\(stale.combined)"
        )
    }

    @Test func `watches send bookmarks, honour timeoutSeconds and answer 410 after compaction`() async throws {
        let (cluster, kubectl) = try await setUp()
        try await makeConfigMaps(kubectl, namespace: "watching", count: 2)
        let listed = try json(try await kubectl.run(["get", "--raw", "/api/v1/namespaces/watching/configmaps"]))
        let revision = try #require(listed["metadata"]?["resourceVersion"]?.stringValue)

        let bookmarked = try await kubectl.run([
            "get", "--raw",
            "/api/v1/namespaces/watching/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion=\(revision)",
        ])
        #expect(bookmarked.exitCode == 0, "\(bookmarked.combined)")
        let events = lines(bookmarked)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0["type"] == "BOOKMARK" })
        #expect(events.first?["object"]?["kind"] == "ConfigMap")

        let initial = lines(
            try await kubectl.run(["get", "--raw", "/api/v1/namespaces/watching/configmaps?watch=1&timeoutSeconds=1"])
        )
        #expect(initial.map { $0["type"] } == ["ADDED", "ADDED"])

        try await cluster.compactHistory()
        let expired = lines(
            try await kubectl.run([
                "get", "--raw", "/api/v1/namespaces/watching/configmaps?watch=true&resourceVersion=1",
            ])
        )
        #expect(expired.first?["type"] == "ERROR")
        #expect(expired.first?["object"]?["code"] == 410)
    }

    @Test func `injected faults answer 500 and cut watches, and clear again`() async throws {
        let (cluster, kubectl) = try await setUp()
        try await makeConfigMaps(kubectl, namespace: "faults", count: 3)
        try await cluster.setFaults(#"{"internalErrorFraction":1}"#)
        let failing = try await kubectl.run(["get", "--raw", "/api/v1/namespaces/faults/configmaps"])
        #expect(failing.exitCode != 0)
        #expect(failing.stderr.contains("injected fault"), "\(failing.combined)")
        try await cluster.clearFaults()

        try await cluster.setFaults(#"{"watchCutAfterEvents":2}"#)
        let cut = try await kubectl.run(
            ["get", "--raw", "/api/v1/namespaces/faults/configmaps?watch=true"],
            timeoutSeconds: 20
        )
        #expect(lines(cut).count == 2, "\(cut.combined)")
        try await cluster.clearFaults()
        let healthy = try await kubectl.run(["get", "cm", "-n", "faults", "-o", "name"])
        #expect(healthy.stdout.split(separator: "\n").count == 3)
    }

    @Test func `a simulated restart closes open watches`() async throws {
        let (cluster, kubectl) = try await setUp()
        let watch = try kubectl.start(["get", "--raw", "/api/v1/namespaces/default/configmaps?watch=true"])
        var watching = false
        let opened = ContinuousClock.now + .seconds(10)
        while !watching, ContinuousClock.now < opened {
            let stats = try json(try await kubectl.run(["get", "--raw", "/poolpilot/admin/stats"]))
            watching = (stats["watches"]?.integerValue ?? 0) > 0
        }
        #expect(watching)
        try await cluster.simulateRestart()
        let deadline = ContinuousClock.now + .seconds(10)
        while watch.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!watch.isRunning, "the restart ends open watches")
        let finished = await watch.finish()
        #expect(finished.exitCode == 0)
    }
}

/// Compact JSON text for kubectl's stdin.
enum JSONTextEncoder {
    static func string(_ value: JSONValue) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
