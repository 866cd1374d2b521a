import Telemetry
import Testing

@Suite struct TelemetryNamesTests {
    @Test func `prefixes operator metrics with the product name`() {
        #expect(TelemetryNames.metricPrefix == "poolpilot_")
    }
}
