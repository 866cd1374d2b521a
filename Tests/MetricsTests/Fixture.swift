import Foundation
import Metrics

/// Loads the test vectors copied into `Fixtures/` (see its README for their source and values).
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func snapshot(_ name: String, selection: FamilySelection = .all) throws -> MetricSnapshot {
        let data = try bytes(name)
        return try MetricSnapshot.parse(data, format: ExpositionFormat.sniffed(data), selection: selection)
    }

    static func parse(_ text: String, _ format: ExpositionFormat = .prometheusText) throws -> MetricSnapshot {
        try MetricSnapshot.parse(Array(text.utf8), format: format)
    }

    static func parseError(_ text: String, _ format: ExpositionFormat = .prometheusText) -> ExpositionError? {
        do {
            _ = try MetricSnapshot.parse(Array(text.utf8), format: format)
            return nil
        } catch {
            return error
        }
    }
}
