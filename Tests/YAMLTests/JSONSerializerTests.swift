import Foundation
import Testing
import YAML

@Suite struct JSONSerializerTests {
    @Test func `writes compact JSON with sorted keys and escaped control characters`() {
        let value: JSONValue = ["z": [1, 2.5, nil, true], "a": "quote \" slash \\ line\nbell\u{07}", "m": [:]]
        #expect(
            value.compactJSONString()
                == #"{"a":"quote \" slash \\ line\nbell\u0007","m":{},"z":[1,2.5,null,true]}"#
        )
    }

    @Test func `writes integral doubles without a fraction and large ones in exponent form`() {
        #expect(JSONValue.double(3).compactJSONString() == "3")
        #expect(JSONValue.double(-0.5).compactJSONString() == "-0.5")
        #expect(JSONValue.double(1e20).compactJSONString() == "1e+20")
        #expect(JSONValue.integer(Int64.max).compactJSONString() == "9223372036854775807")
    }

    @Test func `writes non-finite doubles as null in the compact form and refuses them in jsonBytes`() {
        let value: JSONValue = ["x": .double(.infinity), "y": .double(.nan)]
        #expect(value.compactJSONString() == #"{"x":null,"y":null}"#)
        #expect(throws: EncodingError.self) { try value.jsonBytes() }
    }

    @Test func `round-trips through the parser`() throws {
        let value: JSONValue = ["s": "é 🚀 \t", "n": [-1, 0.25, ["deep": [nil]]], "b": false]
        #expect(try JSONValue(jsonBytes: value.compactJSONBytes()) == value)
        #expect(try value.jsonBytes() == value.compactJSONBytes())
    }
}
