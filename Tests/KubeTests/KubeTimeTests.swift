import Foundation
import Kube
import Testing

@Suite struct KubeTimeTests {
    @Test func `formats Time and MicroTime in UTC`() {
        let date = Date(timeIntervalSince1970: 1_735_689_610.25)
        #expect(KubeTime.format(date) == "2025-01-01T00:00:10Z")
        #expect(KubeTime.formatMicro(date) == "2025-01-01T00:00:10.250000Z")
    }

    @Test func `parses timestamps with fractions and offsets`() throws {
        #expect(KubeTime.parse("2025-01-01T00:00:10Z") == Date(timeIntervalSince1970: 1_735_689_610))
        let micro = try #require(KubeTime.parse("2025-01-01T00:00:10.500000Z"))
        #expect(abs(micro.timeIntervalSince1970 - 1_735_689_610.5) < 0.000_001)
        #expect(KubeTime.parse("2025-01-01T02:00:10+02:00") == Date(timeIntervalSince1970: 1_735_689_610))
        #expect(KubeTime.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(KubeTime.parse("not a time") == nil)
        #expect(KubeTime.parse("2025-13-01T00:00:00Z") == nil)
    }

    @Test func `round-trips MicroTime`() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123456)
        let text = KubeTime.formatMicro(date)
        let parsed = try #require(KubeTime.parse(text))
        #expect(KubeTime.formatMicro(parsed) == text)
    }
}
