import Foundation
import Testing
import YAML

@Suite struct JSONParserTests {
    @Test func `parses what JSONDecoder parses, keeping integers apart from doubles`() throws {
        let text = #"""
            {"a":[1,-2,3.5,-0.25E-2,9223372036854775807,92233720368547758070],"b":{"c":null,"d":true,"e":false},
             "s":"plain \"quoted\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude80 ü","empty":{},"list":[],"nested":[[[]]]}
            """#
        let fast = try JSONValue(jsonBytes: Array(text.utf8))
        let reference = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(fast == reference)
        #expect(fast["a"]?[0] == 1)
        // Exponent notation is a double even when integral (JSONDecoder would make 1e3 an integer).
        #expect(try JSONValue(jsonBytes: Array("1e3".utf8)) == .double(1000))
        #expect(fast["s"]?.stringValue?.hasSuffix("é 🚀 ü") == true)
    }

    /// Malformed JSON and why it is malformed.
    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var testDescription: String { text }
    }

    static let badCases: [BadCase] = [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "tru", "nul", "\"abc", "\"\\x\"",
        "\"\\ud800\"", "[1] 2", "{a:1}", "\"tab\tinside\"", "+1", ".5",
    ].map(BadCase.init)

    @Test(arguments: badCases)
    func `rejects malformed JSON with an offset`(_ badCase: BadCase) {
        #expect(throws: JSONParseError.self) { try JSONValue(jsonBytes: Array(badCase.text.utf8)) }
    }

    @Test func `limits nesting depth`() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONValue(jsonBytes: Array(deep.utf8)) }
    }
}
