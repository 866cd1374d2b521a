import Foundation
import Operator
import TestSupport
import Testing
import YAML

@Suite struct OperatorDeploymentTests {
    static func deployment() throws -> JSONValue {
        let url = TestPaths.repositoryRoot.appendingPathComponent("manifests/deployment.yaml")
        return try YAML.decode(String(contentsOf: url, encoding: .utf8))
    }

    @Test func `runs two hardened replicas with leader election and probes`() throws {
        let deployment = try Self.deployment()
        #expect(deployment.value(at: ["spec", "replicas"]) == 2)
        let pod = try #require(deployment.value(at: ["spec", "template", "spec"]))
        #expect(pod.value(at: ["securityContext", "runAsNonRoot"]) == true)
        let container = try #require(pod["containers"]?[0])
        #expect(container.value(at: ["securityContext", "readOnlyRootFilesystem"]) == true)
        #expect(container.value(at: ["securityContext", "allowPrivilegeEscalation"]) == false)
        #expect(container.value(at: ["securityContext", "capabilities", "drop"]) == ["ALL"])
        #expect(container.value(at: ["resources", "limits", "memory"]) != nil)
        #expect(container.value(at: ["resources", "requests", "cpu"]) != nil)
        #expect(container.value(at: ["livenessProbe", "httpGet", "path"]) == "/healthz")
        let args = container["args"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(args.first == "run")
        #expect(args.contains("--leader-elect"))
        #expect(pod["serviceAccountName"] == "poolpilot")
    }

    @Test func `the kustomization installs the CRD and every manifest`() throws {
        let root = TestPaths.repositoryRoot
        let kustomization = try YAML.decode(
            String(contentsOf: root.appendingPathComponent("manifests/kustomization.yaml"), encoding: .utf8)
        )
        let resources = kustomization["resources"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(resources.contains("crd/inferencepools.poolpilot.dev.yaml"))
        for resource in resources {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("manifests/\(resource)").path))
        }
        // crds/ must stay a plain folder of objects: `kubectl apply -f crds/` sends every file in it.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("crds/kustomization.yaml").path))
        let copy = try String(contentsOf: root.appendingPathComponent(InferencePoolCRD.kustomizePath), encoding: .utf8)
        #expect(copy == InferencePoolCRD.yamlText)
    }
}
