import Foundation
import Testing
import YAML

@Suite struct JSONValueTests {
    @Test func `keeps integers apart from doubles through JSON`() throws {
        let json = Data(#"{"replicas":3,"ratio":0.5,"big":9007199254740993,"name":"x","on":true,"none":null}"#.utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: json)
        #expect(value["replicas"] == .integer(3))
        #expect(value["ratio"] == .double(0.5))
        #expect(value["big"] == .integer(9_007_199_254_740_993))
        #expect(value["on"] == .bool(true))
        #expect(value["none"] == .null)
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func `reads nested paths`() {
        let value: JSONValue = ["spec": ["template": ["spec": ["nodeName": "gpu-1"]]]]
        #expect(value.value(at: ["spec", "template", "spec", "nodeName"])?.stringValue == "gpu-1")
        #expect(value.value(at: ["spec", "missing", "x"]) == nil)
    }
}
