import KubeRuntime
import Testing

@Suite struct RuntimeDefaultsTests {
    @Test func `uses client-go's leader election timings`() {
        #expect(RuntimeDefaults.leaseDurationSeconds == 15)
        #expect(RuntimeDefaults.renewDeadlineSeconds == 10)
        #expect(RuntimeDefaults.retryPeriodSeconds == 2)
    }
}
