import Cluster
import Testing

@Suite struct EmbeddedVersionTests {
    @Test func `serves Kubernetes 1.32`() {
        #expect(EmbeddedVersion.minor == "32")
    }
}
