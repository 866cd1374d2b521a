import Foundation
import Operator
import TestSupport
import Testing
import YAML

/// The samples in manifests/samples must be valid pools with realistic Deployments.
@Suite struct SamplesTests {
    static let files = ["vllm-llama.yaml", "triton-resnet.yaml"]

    static func documents(_ file: String) throws -> [JSONValue] {
        let url = TestPaths.repositoryRoot.appendingPathComponent("manifests/samples/\(file)")
        return try YAML.decodeDocuments(String(contentsOf: url, encoding: .utf8))
    }

    @Test(arguments: files) func `each sample pool decodes, validates and targets its Deployment`(_ file: String) throws
    {
        let documents = try Self.documents(file)
        let pool = try #require(documents.first { $0["kind"] == "InferencePool" })
        let deployment = try #require(documents.first { $0["kind"] == "Deployment" })
        #expect(pool["apiVersion"] == "poolpilot.dev/v1alpha1")
        let spec = try #require(pool["spec"]).decode(InferencePoolSpec.self)
        #expect(SpecValidator.problems(in: spec) == [])
        #expect(deployment.value(at: ["metadata", "name"])?.stringValue == spec.targetRef.name)

        // The sample Deployment already carries the placement, so applying it rolls no pods.
        let (_, changes) = TemplatePlacement(gpu: spec.gpu).placed(deployment)
        let placementKeysOnly = changes.allSatisfy { $0.hasPrefix("node affinity") }
        #expect(placementKeysOnly, "\(changes)")
    }

    @Test func `the CRD file decodes as the generated manifest`() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent(InferencePoolCRD.path)
        let decoded = try YAML.decode(String(contentsOf: url, encoding: .utf8))
        #expect(decoded.value(at: ["spec", "names", "shortNames"]) == ["ipool"])
        let schema = decoded.value(at: ["spec", "versions"])?[0]?.value(at: [
            "schema", "openAPIV3Schema", "properties", "spec",
        ])
        #expect(schema?["required"] == ["targetRef", "server", "maxReplicas", "targets"])
        #expect(schema?.value(at: ["properties", "gpu", "properties", "capacityPolicy", "enum"]) == ["Hold", "Pend"])
    }
}
