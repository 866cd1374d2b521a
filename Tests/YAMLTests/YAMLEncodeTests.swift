import Testing
import YAML

@Suite struct YAMLEncodeTests {
    @Test func `writes block style with sorted keys`() {
        let value: JSONValue = [
            "kind": "Deployment",
            "apiVersion": "apps/v1",
            "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "web"]]],
            "items": [["name": "a", "port": 80], "plain", []],
            "empty": [:],
        ]
        let expected = """
            apiVersion: apps/v1
            empty: {}
            items:
            - name: a
              port: 80
            - plain
            - []
            kind: Deployment
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web

            """
        #expect(YAML.encode(value) == expected)
    }

    @Test func `quotes strings that would read back as something else`() {
        let value: JSONValue = [
            "a": "yes", "b": "123", "c": "", "d": "null", "e": "with: colon", "f": "#hash", "g": "multi\nline",
            "h": "1.5", "i": " padded", "j": "on", "k": "-dash", "l": "0x10",
        ]
        let text = YAML.encode(value)
        #expect(text.contains("a: \"yes\"\n"))
        #expect(text.contains("b: \"123\"\n"))
        #expect(text.contains("c: \"\"\n"))
        #expect(text.contains("g: \"multi\\nline\"\n"))
    }

    @Test func `round-trips values through text`() throws {
        let strings: [String] = [
            "yes", "No", "~", "", "true", "12", "1e3", "a: b", "tab\there", "quote\"s", "back\\slash",
            "ünïcödé", "emoji 🚀", "- item", "[x]", "{y}", "*alias", "&anchor", "!tag", "%pct", "@at",
            "`tick`", "trailing ", "0o17", ".inf", "a #b", "é:", "http://x/y?z=1",
        ]
        let numbers: [JSONValue] = [0, -1, .integer(Int64.max), 0.5, 1e-9, 3.0, .double(-.infinity)]
        let nested: [JSONValue] = [["a": [1, [2, 3]]], [], [:], nil, false]
        var members: [String: JSONValue] = ["numbers": .array(numbers), "nested": .array(nested)]
        members["strings"] = .array(strings.map(JSONValue.string))
        members["on"] = "key that looks like a bool"
        members["123"] = "numeric key"
        members[""] = "empty key"
        let value = JSONValue.object(members)
        #expect(try YAML.decode(YAML.encode(value)) == value)
    }

    @Test func `round-trips scalar and sequence documents`() throws {
        for value: JSONValue in ["text", 12, nil, [1, 2], [["a": 1]], [[1, 2], [3]]] {
            #expect(try YAML.decode(YAML.encode(value)) == value)
        }
    }

    @Test func `writes multi-document streams`() throws {
        let text = YAML.encodeDocuments([["a": 1], ["b": 2]])
        #expect(try YAML.decodeDocuments(text) == [["a": 1], ["b": 2]])
    }
}
