import Kube
import Testing

@Suite struct KubeAPITests {
    @Test func `models follow Kubernetes 1.32`() {
        #expect(KubeAPI.modelledVersion == "1.32")
    }
}
