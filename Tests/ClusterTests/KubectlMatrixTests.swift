import Foundation
import TestSupport
import Testing

/// The real kubectl 1.32 against `poolpilot cluster serve`, one row of the issue's matrix per test.
@Suite(.serialized, .enabled(if: Kubectl.isAvailable, "needs /usr/bin/kubectl"))
struct KubectlMatrixTests {
    func kubectl() async throws -> Kubectl {
        Kubectl(cluster: try await SharedCluster.matrix.get())
    }

    /// Applies the test Widget CRD and one Widget (idempotent).
    func widget(_ name: String, replicas: Int = 1, max: Int = 5) async throws -> Kubectl {
        let kubectl = try await kubectl()
        let crd = try await kubectl.run(["apply", "-f", try Fixtures.widgetsCRD.path])
        #expect(crd.exitCode == 0, "\(crd.combined)")
        let manifest = """
            {"apiVersion":"test.poolpilot.dev/v1","kind":"Widget","metadata":{"name":"\(name)"},
             "spec":{"replicas":\(replicas),"maxReplicas":\(max),"model":"llama-3.1-8b","port":"http"}}
            """
        let applied = try await kubectl.run(["apply", "-f", "-"], stdin: manifest)
        #expect(applied.exitCode == 0, "\(applied.combined)")
        return kubectl
    }

    @Test func `kubectl version reports the embedded server`() async throws {
        let result = try await kubectl().run(["version", "-o", "json"])
        #expect(result.exitCode == 0, "\(result.combined)")
        #expect(result.stdout.contains(#""gitVersion": "v1.32.0-poolpilot""#))
        #expect(result.stdout.contains(#""minor": "32""#))
    }

    @Test func `kubectl api-resources lists built-ins with short names and CRDs once established`() async throws {
        let kubectl = try await widget("w-api")
        let result = try await kubectl.run(["api-resources"])
        #expect(result.exitCode == 0, "\(result.combined)")
        let rows = result.rows
        #expect(rows.contains(["deployments", "deploy", "apps/v1", "true", "Deployment"]))
        #expect(
            rows.contains(["horizontalpodautoscalers", "hpa", "autoscaling/v2", "true", "HorizontalPodAutoscaler"])
        )
        #expect(
            rows.contains([
                "customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", "false", "CustomResourceDefinition",
            ])
        )
        #expect(rows.contains(["widgets", "wd", "test.poolpilot.dev/v1", "true", "Widget"]))
    }

    @Test func `kubectl apply creates, updates and server-side applies the CRD and samples`() async throws {
        let kubectl = try await kubectl()
        let crdFile = Fixtures.crdDirectory.appendingPathComponent("inferencepools.poolpilot.dev.yaml")
        let crd = try await kubectl.run(["apply", "-f", crdFile.path])
        #expect(crd.exitCode == 0, "\(crd.combined)")
        #expect(crd.stdout.contains("customresourcedefinition.apiextensions.k8s.io/inferencepools.poolpilot.dev"))

        let first = try await kubectl.run(["apply", "-f", Fixtures.samplesDirectory.path])
        #expect(first.exitCode == 0, "\(first.combined)")
        #expect(first.stdout.contains("deployment.apps/llama-8b created"))
        #expect(first.stdout.contains("inferencepool.poolpilot.dev/llama-8b created"))

        let again = try await kubectl.run(["apply", "-f", Fixtures.samplesDirectory.path])
        #expect(again.stdout.contains("deployment.apps/llama-8b unchanged"), "\(again.combined)")

        let sample = try String(
            contentsOf: Fixtures.samplesDirectory.appendingPathComponent("vllm-llama.yaml"),
            encoding: .utf8
        )
        let changed = sample.replacingOccurrences(of: "maxReplicas: 8", with: "maxReplicas: 7")
        let update = try await kubectl.run(["apply", "-f", "-"], stdin: changed)
        #expect(update.stdout.contains("inferencepool.poolpilot.dev/llama-8b configured"), "\(update.combined)")
        let max = try await kubectl.run(["get", "ipool", "llama-8b", "-o", "jsonpath={.spec.maxReplicas}"])
        #expect(max.stdout == "7")

        let serverSide = try await kubectl.run([
            "apply", "--server-side", "--force-conflicts", "-f", Fixtures.samplesDirectory.path,
        ])
        #expect(serverSide.exitCode == 0, "\(serverSide.combined)")
        #expect(serverSide.stdout.contains("inferencepool.poolpilot.dev/llama-8b serverside-applied"))
        let restored = try await kubectl.run(["get", "ipool", "llama-8b", "-o", "jsonpath={.spec.maxReplicas}"])
        #expect(restored.stdout == "8")
    }

    @Test func `kubectl get prints the CRD printer columns, wide columns, yaml and jsonpath`() async throws {
        let kubectl = try await widget("w-get", replicas: 2, max: 9)
        let table = try await kubectl.run(["get", "wd", "w-get"])
        #expect(table.exitCode == 0, "\(table.combined)")
        #expect(table.rows.first == ["NAME", "REPLICAS", "MAX", "READY", "AGE"])
        #expect(table.rows.dropFirst().first?.prefix(3) == ["w-get", "2", "9"])

        let wide = try await kubectl.run(["get", "widgets", "w-get", "-o", "wide"])
        #expect(wide.rows.first == ["NAME", "REPLICAS", "MAX", "READY", "COLOR", "AGE"])
        #expect(wide.rows.dropFirst().first?.contains("red") == true, "defaulted enum shows: \(wide.combined)")

        let yaml = try await kubectl.run(["get", "wd", "w-get", "-o", "yaml"])
        #expect(yaml.stdout.contains("kind: Widget"))
        #expect(yaml.stdout.contains("minReplicas: 1"), "schema default applied")
        #expect(yaml.stdout.contains("generation: 1"))

        let jsonpath = try await kubectl.run([
            "get", "wd", "w-get", "-o", "jsonpath={.spec.port} {.metadata.namespace}",
        ])
        #expect(jsonpath.stdout == "http default")

        let all = try await kubectl.run(["get", "all"])
        #expect(all.stdout.contains("widget.test.poolpilot.dev/w-get"), "category all: \(all.combined)")
    }

    @Test func `kubectl get -w sees a change as it happens`() async throws {
        let kubectl = try await widget("w-watch")
        let watch = try kubectl.start(["get", "wd", "w-watch", "-w"])
        #expect(try await watch.waitForOutput(containing: "w-watch"))
        let patched = try await kubectl.run([
            "patch", "wd", "w-watch", "--type", "merge", "-p", #"{"spec":{"maxReplicas":42}}"#,
        ])
        #expect(patched.exitCode == 0, "\(patched.combined)")
        #expect(try await watch.waitForOutput(containing: "42"), "watch output: \(watch.stdout) \(watch.stderr)")
        await watch.finish()
    }

    @Test func `kubectl describe lists the object's events`() async throws {
        let kubectl = try await widget("w-describe")
        let uid = try await kubectl.run(["get", "wd", "w-describe", "-o", "jsonpath={.metadata.uid}"]).stdout
        let event = """
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"w-describe.1","namespace":"default"},
             "involvedObject":{"kind":"Widget","name":"w-describe","namespace":"default","uid":"\(uid)","apiVersion":"test.poolpilot.dev/v1"},
             "reason":"Scaled","message":"scaled from 1 to 3","type":"Normal","source":{"component":"poolpilot"},
             "firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:00:00Z","count":1}
            """
        let created = try await kubectl.run(["create", "-f", "-"], stdin: event)
        #expect(created.exitCode == 0, "\(created.combined)")
        let described = try await kubectl.run(["describe", "wd", "w-describe"])
        #expect(described.exitCode == 0, "\(described.combined)")
        #expect(described.stdout.contains("Name:         w-describe"))
        #expect(described.stdout.contains("Events:"))
        let eventRow = described.rows.first { $0.first == "Normal" }
        #expect(eventRow?.contains("Scaled") == true, "\(described.stdout)")
        #expect(eventRow?.contains("poolpilot") == true)

        let events = try await kubectl.run(["get", "events"])
        #expect(events.rows.first == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
        #expect(events.stdout.contains("widget/w-describe"))
    }

    @Test func `kubectl explain reads the CRD schema`() async throws {
        let kubectl = try await widget("w-explain")
        let result = try await kubectl.run(["explain", "widgets.spec"])
        #expect(result.exitCode == 0, "\(result.combined)")
        #expect(result.stdout.contains("KIND:       Widget"))
        #expect(result.stdout.contains("The desired widget."))
        #expect(result.stdout.contains("maxReplicas"))
        #expect(result.stdout.contains("-required-"))
    }

    @Test func `kubectl scale works through the scale subresource, with a current-replicas precondition`() async throws
    {
        let kubectl = try await widget("w-scale", replicas: 1)
        let scaled = try await kubectl.run(["scale", "wd", "w-scale", "--replicas=3"])
        #expect(scaled.stdout.contains("widget.test.poolpilot.dev/w-scale scaled"), "\(scaled.combined)")
        let guarded = try await kubectl.run(["scale", "wd", "w-scale", "--current-replicas=3", "--replicas=4"])
        #expect(guarded.exitCode == 0, "\(guarded.combined)")
        let refused = try await kubectl.run(["scale", "wd", "w-scale", "--current-replicas=1", "--replicas=5"])
        #expect(refused.exitCode != 0)
        #expect(refused.stderr.contains("Expected replicas to be 1, was 4"), "\(refused.combined)")
        let replicas = try await kubectl.run([
            "get", "wd", "w-scale", "-o", "jsonpath={.spec.replicas} {.metadata.generation}",
        ])
        #expect(replicas.stdout == "4 3")
    }

    @Test func `kubectl patch applies merge, json and strategic patches`() async throws {
        let kubectl = try await kubectl()
        let deployment = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"patchme"},
             "spec":{"selector":{"matchLabels":{"app":"patchme"}},"template":{"metadata":{"labels":{"app":"patchme"}},
             "spec":{"containers":[{"name":"app","image":"nginx:1.26","env":[{"name":"A","value":"1"}]}]}}}}
            """
        #expect(try await kubectl.run(["apply", "-f", "-"], stdin: deployment).exitCode == 0)
        let merge = try await kubectl.run([
            "patch", "deploy", "patchme", "--type", "merge", "-p", #"{"spec":{"replicas":2}}"#,
        ])
        #expect(merge.stdout.contains("deployment.apps/patchme patched"), "\(merge.combined)")
        let json = try await kubectl.run([
            "patch", "deploy", "patchme", "--type", "json", "-p",
            #"[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":3}]"#,
        ])
        #expect(json.exitCode == 0, "\(json.combined)")
        let failedTest = try await kubectl.run([
            "patch", "deploy", "patchme", "--type", "json", "-p", #"[{"op":"test","path":"/spec/replicas","value":9}]"#,
        ])
        #expect(failedTest.exitCode != 0)
        let strategic = try await kubectl.run([
            "patch", "deploy", "patchme", "-p",
            #"{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"2"}]}]}}}}"#,
        ])
        #expect(strategic.exitCode == 0, "\(strategic.combined)")
        let result = try await kubectl.run([
            "get", "deploy", "patchme", "-o",
            "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].env[*].name} {.spec.template.spec.containers[0].image}",
        ])
        #expect(result.stdout == "3 A B nginx:1.26")
        let customStrategic = try await widget("w-patch").run([
            "patch", "wd", "w-patch", "-p", #"{"spec":{"maxReplicas":3}}"#,
        ])
        #expect(customStrategic.exitCode != 0)
        #expect(
            customStrategic.stderr.contains("strategic merge patch")
                || customStrategic.stderr.contains("unknown format")
                || customStrategic.stderr.contains("not supported"),
            "\(customStrategic.combined)"
        )
    }

    @Test func `kubectl label and annotate change metadata without bumping generation`() async throws {
        let kubectl = try await widget("w-label")
        #expect(try await kubectl.run(["label", "wd", "w-label", "tier=gpu"]).stdout.contains("labeled"))
        #expect(try await kubectl.run(["annotate", "wd", "w-label", "note=hello"]).stdout.contains("annotated"))
        let selected = try await kubectl.run(["get", "wd", "-l", "tier=gpu", "-o", "name"])
        #expect(selected.stdout == "widget.test.poolpilot.dev/w-label\n")
        let metadata = try await kubectl.run([
            "get", "wd", "w-label", "-o", "jsonpath={.metadata.annotations.note} {.metadata.generation}",
        ])
        #expect(metadata.stdout == "hello 1")
        let overwrite = try await kubectl.run(["label", "wd", "w-label", "tier=cpu"])
        #expect(overwrite.exitCode != 0)
        #expect(overwrite.stderr.contains("already has a value"))
    }

    @Test func `kubectl wait returns once the condition is true`() async throws {
        let kubectl = try await widget("w-wait")
        let waiting = try kubectl.start(["wait", "--for=condition=Ready", "wd/w-wait", "--timeout=30s"])
        let status =
            #"{"status":{"conditions":[{"type":"Ready","status":"True","reason":"Done","message":"","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}"#
        let patched = try await kubectl.run([
            "patch", "wd", "w-wait", "--subresource=status", "--type", "merge", "-p", status,
        ])
        #expect(patched.exitCode == 0, "\(patched.combined)")
        #expect(try await waiting.waitForOutput(containing: "condition met"), "\(waiting.stdout) \(waiting.stderr)")
        let ready = try await kubectl.run(["get", "wd", "w-wait"])
        #expect(ready.rows.dropFirst().first?.contains("True") == true, "printer column from status: \(ready.stdout)")
        await waiting.finish()
    }

    @Test func `kubectl delete cascades to owned objects`() async throws {
        let kubectl = try await kubectl()
        _ = try await kubectl.run(["delete", "cm", "owner", "dependent", "--ignore-not-found"])
        let owner = try await kubectl.run(
            ["create", "-f", "-"],
            stdin: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owner"}}"#
        )
        #expect(owner.exitCode == 0, "\(owner.combined)")
        let uid = try await kubectl.run(["get", "cm", "owner", "-o", "jsonpath={.metadata.uid}"]).stdout
        let dependent = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dependent",
             "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"\(uid)","blockOwnerDeletion":true}]}}
            """
        #expect(try await kubectl.run(["create", "-f", "-"], stdin: dependent).exitCode == 0)
        let deleted = try await kubectl.run(["delete", "cm", "owner", "--cascade=foreground"])
        #expect(deleted.stdout.contains(#"configmap "owner" deleted"#), "\(deleted.combined)")
        let remaining = try await kubectl.run(["get", "cm", "owner", "dependent", "--ignore-not-found", "-o", "name"])
        #expect(remaining.stdout.isEmpty, "\(remaining.combined)")

        let held = try await kubectl.run(
            ["create", "-f", "-"],
            stdin: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["test/hold"]}}"#
        )
        #expect(held.exitCode == 0)
        let pending = try await kubectl.run(["delete", "cm", "held", "--wait=false"])
        #expect(pending.exitCode == 0, "\(pending.combined)")
        let marked = try await kubectl.run(["get", "cm", "held", "-o", "jsonpath={.metadata.deletionTimestamp}"])
        #expect(!marked.stdout.isEmpty)
        let released = try await kubectl.run([
            "patch", "cm", "held", "--type", "json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#,
        ])
        #expect(released.exitCode == 0, "\(released.combined)")
        let gone = try await kubectl.run(["get", "cm", "held", "--ignore-not-found", "-o", "name"])
        #expect(gone.stdout.isEmpty)
    }

    @Test func `a CEL rule and schema limits reject an invalid custom resource`() async throws {
        let kubectl = try await widget("w-valid")
        let invalid =
            #"{"apiVersion":"test.poolpilot.dev/v1","kind":"Widget","metadata":{"name":"w-bad"},"spec":{"minReplicas":5,"maxReplicas":2,"color":"green"}}"#
        let result = try await kubectl.run(["apply", "-f", "-"], stdin: invalid)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("minReplicas must be less than or equal to maxReplicas"), "\(result.combined)")
        #expect(result.stderr.contains(#"Unsupported value: "green""#))
        let unknown =
            #"{"apiVersion":"test.poolpilot.dev/v1","kind":"Widget","metadata":{"name":"w-unknown"},"spec":{"maxReplicas":2,"bogus":1}}"#
        let strict = try await kubectl.run(["apply", "-f", "-"], stdin: unknown)
        #expect(strict.exitCode != 0)
        #expect(strict.stderr.contains(#"unknown field "spec.bogus""#), "\(strict.combined)")
    }

    @Test func `server-side apply reports a conflict with another manager`() async throws {
        let kubectl = try await kubectl()
        let manifest = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa"},"data":{"a":"1"}}"#
        let first = try await kubectl.run(["apply", "--server-side", "-f", "-"], stdin: manifest)
        #expect(first.exitCode == 0, "\(first.combined)")
        let other = try await kubectl.run(
            ["apply", "--server-side", "--field-manager=other", "-f", "-"],
            stdin: manifest.replacingOccurrences(of: #""a":"1""#, with: #""a":"2""#)
        )
        #expect(other.exitCode != 0)
        #expect(other.stderr.contains(#"conflict with "kubectl""#), "\(other.combined)")
        let forced = try await kubectl.run(
            ["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-"],
            stdin: manifest.replacingOccurrences(of: #""a":"1""#, with: #""a":"2""#)
        )
        #expect(forced.exitCode == 0, "\(forced.combined)")
        let value = try await kubectl.run(["get", "cm", "ssa", "-o", "jsonpath={.data.a}"])
        #expect(value.stdout == "2")
    }
}

@Suite(.serialized, .enabled(if: Kubectl.isAvailable, "needs /usr/bin/kubectl"))
struct KubectlGeneratorTests {
    @Test func `kubectl create generators work through their protobuf bodies`() async throws {
        let kubectl = Kubectl(cluster: try await SharedCluster.matrix.get())
        #expect(try await kubectl.run(["create", "namespace", "gen-team"]).stdout == "namespace/gen-team created\n")
        let configMap = try await kubectl.run(["create", "configmap", "gen-cm", "-n", "gen-team", "--from-literal=a=b"])
        #expect(configMap.stdout == "configmap/gen-cm created\n", "\(configMap.combined)")
        let secret = try await kubectl.run([
            "create", "secret", "generic", "gen-secret", "-n", "gen-team", "--from-literal=token=abc",
        ])
        #expect(secret.exitCode == 0, "\(secret.combined)")
        let read = try await kubectl.run([
            "get", "secret", "gen-secret", "-n", "gen-team", "-o", "jsonpath={.data.token} {.type}",
        ])
        #expect(read.stdout == "YWJj Opaque")
        let data = try await kubectl.run(["get", "cm", "gen-cm", "-n", "gen-team", "-o", "jsonpath={.data.a}"])
        #expect(data.stdout == "b")
        let deployment = try await kubectl.run(["create", "deployment", "gen-web", "--image=nginx"])
        #expect(deployment.exitCode != 0)
        #expect(deployment.stderr.contains("send JSON instead"), "\(deployment.combined)")
    }
}
