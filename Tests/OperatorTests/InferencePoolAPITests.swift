import Operator
import Testing

@Suite struct InferencePoolAPITests {
    @Test func `lives in the poolpilot.dev group`() {
        #expect(InferencePoolAPI.group == "poolpilot.dev")
        #expect(InferencePoolAPI.version == "v1alpha1")
    }
}
