import Testing
import YAML

@Suite struct JSONValueBridgeTests {
    struct Probe: Codable, Equatable {
        var name: String
        var replicas: Int
        var ratio: Double?
    }

    @Test func `decodes a typed value from a JSON value`() throws {
        let value: JSONValue = ["name": "web", "replicas": 3, "ratio": 0.5, "extra": true]
        #expect(try value.decode(Probe.self) == Probe(name: "web", replicas: 3, ratio: 0.5))
    }

    @Test func `encodes a typed value into a JSON value`() throws {
        let value = try JSONValue(encoding: Probe(name: "web", replicas: 3, ratio: nil))
        #expect(value == ["name": "web", "replicas": 3])
    }

    @Test func `fails to decode a value of the wrong shape`() {
        #expect(throws: (any Error).self) { try JSONValue.object(["name": 1]).decode(Probe.self) }
    }

    @Test func `writes and reads compact JSON bytes`() throws {
        let value: JSONValue = ["b": [1, "x"], "a": nil]
        let bytes = try value.jsonBytes()
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":null,"b":[1,"x"]}"#)
        #expect(try JSONValue(jsonBytes: bytes) == value)
    }
}
