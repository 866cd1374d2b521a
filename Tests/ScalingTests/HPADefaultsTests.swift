import Scaling
import Testing

@Suite struct HPADefaultsTests {
    @Test func `uses HPA's tolerance and scale-down window`() {
        #expect(HPADefaults.tolerance == 0.1)
        #expect(HPADefaults.scaleDownStabilizationSeconds == 300)
    }
}
