import Operator
import Testing

@Suite struct InferencePoolAPITests {
    @Test func `lives in the poolpilot.dev group`() {
        #expect(InferencePoolAPI.group == "poolpilot.dev")
        #expect(InferencePoolAPI.version == "v1alpha1")
    }

    @Test func `the CRD names stay clear of the gateway inference extension`() {
        let names = InferencePoolCRD.manifest["spec"]?["names"]
        #expect(names?["shortNames"] == .list([.string("ipool")]))
        #expect(names?["categories"] == .list([.string("poolpilot")]))
        #expect(InferencePoolCRD.name == "inferencepools.poolpilot.dev")
    }

    @Test func `the scale subresource maps replicas and the selector`() {
        let version = InferencePoolCRD.manifest["spec"]?["versions"]
        guard case .list(let versions) = version, let first = versions.first else {
            Issue.record("no versions")
            return
        }
        let scale = first["subresources"]?["scale"]
        #expect(scale?["specReplicasPath"] == .string(".spec.replicas"))
        #expect(scale?["statusReplicasPath"] == .string(".status.replicas"))
        #expect(scale?["labelSelectorPath"] == .string(".status.selector"))
    }
}
