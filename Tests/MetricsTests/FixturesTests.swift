import Foundation
import Testing

@Suite struct FixturesTests {
    @Test func `ships every metrics test vector with its README`() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for expected in ["README.md", "vllm_metrics_v1.txt", "triton_metrics_busy.txt"] {
            #expect(names.contains(expected))
        }
    }
}
