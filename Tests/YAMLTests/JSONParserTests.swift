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

    @Test func `reports repeated member names by dotted path and keeps the last value`() throws {
        let text = #"{"a":1,"spec":{"r":1,"list":[{"k":1,"k":2}],"r":2},"a":3}"#
        var duplicates: [String] = []
        let value = try JSONValue(jsonBytes: Array(text.utf8), duplicateKeys: &duplicates)
        #expect(value["a"] == 3)
        #expect(value["spec"]?["r"] == 2)
        #expect(value["spec"]?["list"]?[0]?["k"] == 2)
        #expect(duplicates == ["spec.list.k", "spec.r", "a"])
        #expect(try JSONValue(jsonBytes: Array(text.utf8)) == value)
    }

    @Test func `reports no duplicates for a clean document and still rejects bad input`() throws {
        var duplicates = ["stale"]
        _ = try JSONValue(jsonBytes: Array(#"{"a":{"a":1}}"#.utf8), duplicateKeys: &duplicates)
        #expect(duplicates.isEmpty)
        #expect(throws: JSONParseError.self) {
            try JSONValue(jsonBytes: Array("{\"a\":".utf8), duplicateKeys: &duplicates)
        }
    }

    @Test func `reports the byte offset of the problem`() {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(jsonBytes: Array("[1 2]".utf8)) }
        #expect(error?.offset == 3)
        #expect(error?.message == "expected ',' or ']'")
    }

    @Test func `parses byte slices and UTF-8 views without copying first`() throws {
        let line = Array(#"xx{"rv":7}yy"#.utf8)
        #expect(try JSONValue(jsonBytes: line[2..<10]) == ["rv": 7])
        #expect(try JSONValue(jsonBytes: #"{"k":"v"}"#.utf8) == ["k": "v"])
    }
}
