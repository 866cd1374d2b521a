import Foundation
import Testing
import YAML

@Suite struct JSONValueDecoderTests {
    struct Sample: Codable, Equatable {
        enum Mode: String, Codable { case fast, slow }
        var name: String
        var count: Int
        var small: UInt8
        var ratio: Double
        var flag: Bool?
        var mode: Mode
        var tags: [String]
        var nested: [String: [Int32]]
        var raw: JSONValue
        var missing: String?
    }

    @Test func `decodes typed values straight from a JSON value`() throws {
        let value: JSONValue = [
            "name": "x", "count": 3, "small": 7, "ratio": 2, "flag": nil, "mode": "slow", "tags": ["a", "b"],
            "nested": ["k": [1, 2.0]], "raw": ["keep": [1, nil]],
        ]
        let sample = try value.decode(Sample.self)
        #expect(sample.count == 3)
        #expect(sample.ratio == 2.0)
        #expect(sample.flag == nil)
        #expect(sample.mode == .slow)
        #expect(sample.nested == ["k": [1, 2]])
        #expect(sample.raw == ["keep": [1, nil]])
        #expect(try JSONValue(encoding: sample).decode(Sample.self) == sample)
    }

    @Test func `reads URL, Data and Decimal like JSONDecoder`() throws {
        struct Foundationish: Codable, Equatable {
            var link: URL
            var blob: Data
            var amount: Decimal
        }
        let original = Foundationish(link: URL(string: "https://x.test/a")!, blob: Data([1, 2, 3]), amount: 12)
        let value = try JSONValue(encoding: original)
        #expect(value["blob"] == "AQID")
        #expect(try value.decode(Foundationish.self) == original)
    }

    @Test func `reports mismatches, missing keys and overflow`() {
        let base: [String: JSONValue] = [
            "name": "x", "count": 3, "small": 7, "ratio": 2, "mode": "fast", "tags": [], "nested": [:], "raw": nil,
        ]
        var wrongType = base
        wrongType["count"] = "three"
        #expect(throws: DecodingError.self) { try JSONValue.object(wrongType).decode(Sample.self) }
        var missing = base
        missing["name"] = nil
        #expect(throws: DecodingError.self) { try JSONValue.object(missing).decode(Sample.self) }
        var overflow = base
        overflow["small"] = 300
        #expect(throws: DecodingError.self) { try JSONValue.object(overflow).decode(Sample.self) }
        var fraction = base
        fraction["count"] = 1.5
        #expect(throws: DecodingError.self) { try JSONValue.object(fraction).decode(Sample.self) }
    }
}
