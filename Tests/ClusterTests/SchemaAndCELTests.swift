import Foundation
import Testing
import YAML

@testable import Cluster

@Suite struct SchemaAndCELTests {
    func harnessWithWidgets() async throws -> HandlerHarness {
        let harness = try await HandlerHarness()
        let crd = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: try Fixtures.widgetsCRD))
        let created = await harness.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: crd)
        #expect(created.status == 201)
        let conditions = created.body["status"]?["conditions"]?.arrayValue ?? []
        #expect(conditions.contains { $0["type"] == "Established" && $0["status"] == "True" })
        return harness
    }

    func widget(_ spec: JSONValue, name: String = "w") -> JSONValue {
        ["apiVersion": "test.poolpilot.dev/v1", "kind": "Widget", "metadata": ["name": .string(name)], "spec": spec]
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var spec: JSONValue
        var reason: String?
        var message: String?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "valid with int-or-string port",
            spec: ["maxReplicas": 3, "port": 8000],
            reason: nil,
            message: nil
        ),
        Case(label: "valid with string port", spec: ["maxReplicas": 3, "port": "http"], reason: nil, message: nil),
        Case(
            label: "missing required",
            spec: ["replicas": 1],
            reason: "FieldValueRequired",
            message: "spec.maxReplicas"
        ),
        Case(
            label: "above maximum",
            spec: ["maxReplicas": 101],
            reason: "FieldValueInvalid",
            message: "should be less than or equal to 100"
        ),
        Case(
            label: "below minimum",
            spec: ["maxReplicas": 0],
            reason: "FieldValueInvalid",
            message: "should be greater than or equal to 1"
        ),
        Case(
            label: "enum",
            spec: ["maxReplicas": 2, "color": "green"],
            reason: "FieldValueNotSupported",
            message: "supported values"
        ),
        Case(
            label: "pattern",
            spec: ["maxReplicas": 2, "model": "Bad Model"],
            reason: "FieldValueInvalid",
            message: "should match"
        ),
        Case(
            label: "wrong type",
            spec: ["maxReplicas": "two"],
            reason: "FieldValueTypeInvalid",
            message: "must be of type integer"
        ),
        Case(
            label: "int-or-string rejects bool",
            spec: ["maxReplicas": 2, "port": true],
            reason: "FieldValueTypeInvalid",
            message: "integer or string"
        ),
        Case(
            label: "CEL rule",
            spec: ["maxReplicas": 2, "minReplicas": 3],
            reason: "FieldValueInvalid",
            message: "minReplicas must be less than or equal to maxReplicas"
        ),
    ]

    @Test(arguments: cases) func `validates custom resources against the structural schema`(_ testCase: Case)
        async throws
    {
        let harness = try await harnessWithWidgets()
        let reply = await harness.send(
            "POST",
            "/apis/test.poolpilot.dev/v1/namespaces/default/widgets",
            body: widget(testCase.spec)
        )
        if let reason = testCase.reason {
            #expect(reply.status == 422, "\(reply.body)")
            let causes = reply.body["details"]?["causes"]?.arrayValue ?? []
            #expect(causes.contains { $0["reason"]?.stringValue == reason }, "\(causes)")
            #expect(reply.body["message"]?.stringValue?.contains(testCase.message ?? "") == true, "\(reply.body)")
        } else {
            #expect(reply.status == 201, "\(reply.body)")
        }
    }

    @Test func `prunes unknown fields, keeps preserved ones and applies defaults`() async throws {
        let harness = try await harnessWithWidgets()
        let spec: JSONValue = ["maxReplicas": 2, "bogus": 1, "extra": ["anything": ["goes": true]]]
        let created = await harness.send(
            "POST",
            "/apis/test.poolpilot.dev/v1/namespaces/default/widgets?fieldValidation=Ignore",
            body: widget(spec)
        )
        #expect(created.status == 201)
        #expect(created.body["spec"]?["bogus"] == nil)
        #expect(created.body["spec"]?["extra"]?["anything"]?["goes"] == true)
        #expect(created.body["spec"]?["minReplicas"] == 1)
        #expect(created.body["spec"]?["color"] == "red")

        let warned = await harness.send(
            "POST",
            "/apis/test.poolpilot.dev/v1/namespaces/default/widgets?fieldValidation=Warn",
            body: widget(spec, name: "w2")
        )
        #expect(warned.status == 201)
        #expect(warned.headers["Warning"]?.contains("unknown field") == true)

        let strict = await harness.send(
            "POST",
            "/apis/test.poolpilot.dev/v1/namespaces/default/widgets?fieldValidation=Strict",
            body: widget(spec, name: "w3")
        )
        #expect(strict.status == 400)
        #expect(strict.body["message"]?.stringValue?.contains(#"unknown field "spec.bogus""#) == true)
    }

    @Test func `refuses a CRD whose CEL rule the embedded server cannot evaluate`() async throws {
        let harness = try await HandlerHarness()
        var crd = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: try Fixtures.widgetsCRD))
        var versions = crd["spec"]?["versions"]?.arrayValue ?? []
        versions[0].setValue(
            [["rule": "self.maxReplicas.quantity() > 0"]],
            at: ["schema", "openAPIV3Schema", "properties", "spec", "x-kubernetes-validations"]
        )
        crd.setValue(.array(versions), at: ["spec", "versions"])
        let reply = await harness.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: crd)
        #expect(reply.status == 422)
        #expect(
            reply.body["message"]?.stringValue?.contains("unsupported function 'quantity'") == true,
            "\(reply.body)"
        )
        let served = await harness.send("GET", "/apis/test.poolpilot.dev/v1/namespaces/default/widgets")
        #expect(served.status == 404)
    }

    @Test func `evaluates transition rules, macros and string functions`() async throws {
        let harness = try await HandlerHarness()
        var crd = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: try Fixtures.widgetsCRD))
        var versions = crd["spec"]?["versions"]?.arrayValue ?? []
        versions[0].setValue(
            [
                [
                    "rule": "self.maxReplicas >= oldSelf.maxReplicas",
                    "messageExpression": "'cannot shrink below ' + string(oldSelf.maxReplicas)",
                ],
                [
                    "rule": "!has(self.model) || (self.model.startsWith('llama') && size(self.model) < 20)",
                    "message": "model must be a llama",
                ],
                ["rule": "!has(self.extra) || self.extra.all(k, k.matches('^[a-z]+$'))", "message": "lowercase keys"],
            ],
            at: ["schema", "openAPIV3Schema", "properties", "spec", "x-kubernetes-validations"]
        )
        crd.setValue(.array(versions), at: ["spec", "versions"])
        #expect(
            await harness.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", body: crd).status
                == 201
        )

        let path = "/apis/test.poolpilot.dev/v1/namespaces/default/widgets"
        #expect(await harness.send("POST", path, body: widget(["maxReplicas": 5, "model": "llama-3"])).status == 201)
        let badModel = await harness.send(
            "POST",
            path,
            body: widget(["maxReplicas": 5, "model": "mistral"], name: "m")
        )
        #expect(badModel.body["message"]?.stringValue?.contains("model must be a llama") == true)
        let badKeys = await harness.send(
            "POST",
            path,
            body: widget(["maxReplicas": 5, "extra": ["Upper": 1]], name: "k")
        )
        #expect(badKeys.body["message"]?.stringValue?.contains("lowercase keys") == true)

        let shrink = await harness.send(
            "PATCH",
            "\(path)/w",
            body: ["spec": ["maxReplicas": 2]],
            contentType: "application/merge-patch+json"
        )
        #expect(shrink.status == 422)
        #expect(shrink.body["message"]?.stringValue?.contains("cannot shrink below 5") == true, "\(shrink.body)")
        let grow = await harness.send(
            "PATCH",
            "\(path)/w",
            body: ["spec": ["maxReplicas": 7]],
            contentType: "application/merge-patch+json"
        )
        #expect(grow.status == 200)
    }

    @Test func `status writes go through the status subresource and leave generation alone`() async throws {
        let harness = try await harnessWithWidgets()
        let path = "/apis/test.poolpilot.dev/v1/namespaces/default/widgets"
        var object = widget(["maxReplicas": 3])
        object["status"] = ["replicas": 9]
        let created = await harness.send("POST", path, body: object)
        #expect(created.body["status"] == nil, "status is dropped on create")
        let status = await harness.send(
            "PATCH",
            "\(path)/w/status",
            body: ["status": ["replicas": 2], "spec": ["maxReplicas": 50]],
            contentType: "application/merge-patch+json"
        )
        #expect(status.body["status"]?["replicas"] == 2)
        #expect(status.body["spec"]?["maxReplicas"] == 3, "spec changes through /status are ignored")
        #expect(status.body["metadata"]?["generation"] == 1)
        let main = await harness.send(
            "PATCH",
            "\(path)/w",
            body: ["status": ["replicas": 7], "spec": ["maxReplicas": 4]],
            contentType: "application/merge-patch+json"
        )
        #expect(main.body["status"]?["replicas"] == 2, "status changes through the main resource are ignored")
        #expect(main.body["metadata"]?["generation"] == 2)
        let scale = await harness.send("GET", "\(path)/w/scale")
        #expect(scale.body["kind"] == "Scale")
        #expect(scale.body["status"]?["replicas"] == 2)
    }
}
