import Testing
import YAML

@Suite struct YAMLDecodeTests {
    /// One plain or quoted scalar and the value kubectl would send for it.
    struct ScalarCase: Sendable, CustomTestStringConvertible {
        var yaml: String
        var expected: JSONValue
        var testDescription: String { yaml }
    }

    static let scalarCases: [ScalarCase] = [
        ScalarCase(yaml: "true", expected: true),
        ScalarCase(yaml: "False", expected: false),
        ScalarCase(yaml: "yes", expected: true),
        ScalarCase(yaml: "NO", expected: false),
        ScalarCase(yaml: "on", expected: true),
        ScalarCase(yaml: "off", expected: false),
        ScalarCase(yaml: "y", expected: true),
        ScalarCase(yaml: "\"yes\"", expected: "yes"),
        ScalarCase(yaml: "'on'", expected: "on"),
        ScalarCase(yaml: "!!str true", expected: "true"),
        ScalarCase(yaml: "null", expected: nil),
        ScalarCase(yaml: "~", expected: nil),
        ScalarCase(yaml: "", expected: nil),
        ScalarCase(yaml: "42", expected: 42),
        ScalarCase(yaml: "-7", expected: -7),
        ScalarCase(yaml: "0x1F", expected: 31),
        ScalarCase(yaml: "0755", expected: 493),
        ScalarCase(yaml: "0b101", expected: 5),
        ScalarCase(yaml: "1_000", expected: 1000),
        ScalarCase(yaml: "\"42\"", expected: "42"),
        ScalarCase(yaml: "1.5", expected: 1.5),
        ScalarCase(yaml: "1e3", expected: 1000.0),
        ScalarCase(yaml: "-.5", expected: -0.5),
        ScalarCase(yaml: ".inf", expected: .double(.infinity)),
        ScalarCase(yaml: "80Gi", expected: "80Gi"),
        ScalarCase(yaml: "500m", expected: "500m"),
        ScalarCase(yaml: "2025-01-01T00:00:00Z", expected: "2025-01-01T00:00:00Z"),
        ScalarCase(yaml: "1.2.3", expected: "1.2.3"),
        ScalarCase(yaml: "!!int \"12\"", expected: 12),
        ScalarCase(yaml: "|\n  line one\n  line two\n", expected: "line one\nline two\n"),
        ScalarCase(yaml: ">-\n  folded\n  text\n", expected: "folded text"),
        ScalarCase(yaml: "9223372036854775807", expected: .integer(Int64.max)),
    ]

    @Test(arguments: scalarCases)
    func `resolves scalars like kubectl`(_ scalarCase: ScalarCase) throws {
        let value = try YAML.decode("value: " + scalarCase.yaml)
        #expect(value["value"] == scalarCase.expected)
    }

    @Test func `decodes a Deployment manifest`() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: vllm
              labels: {app: vllm, tier: "gpu"}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - name: server
                    image: vllm/vllm-openai:v0.6.0
                    args: ["--model", 'llama']
                    resources:
                      limits:
                        nvidia.com/gpu: 1
            """
        let value = try YAML.decode(text)
        #expect(value["kind"] == "Deployment")
        #expect(value.value(at: ["metadata", "labels", "tier"]) == "gpu")
        #expect(value.value(at: ["spec", "replicas"]) == 2)
        let container = value.value(at: ["spec", "template", "spec", "containers"])?[0]
        #expect(container?["args"] == ["--model", "llama"])
        #expect(container?.value(at: ["resources", "limits", "nvidia.com/gpu"]) == 1)
    }

    @Test func `splits multi-document streams and skips empty documents`() throws {
        let text = "---\na: 1\n---\n---\n# only a comment\n---\n- x\n...\n---\nb: two\n"
        let documents = try YAML.decodeDocuments(text)
        #expect(documents == [["a": 1], ["x"], ["b": "two"]])
    }

    @Test func `rejects several documents where one is expected`() {
        #expect(throws: YAMLError.unsupported("expected one document, found 2")) {
            try YAML.decode("a: 1\n---\nb: 2\n")
        }
    }

    @Test func `expands anchors, aliases and merge keys`() throws {
        let text = """
            base: &base
              image: nginx
              port: 80
            copy: *base
            merged:
              <<: *base
              port: 8080
            list: [&x one, *x]
            """
        let value = try YAML.decode(text)
        #expect(value["copy"] == ["image": "nginx", "port": 80])
        #expect(value["merged"] == ["image": "nginx", "port": 8080])
        #expect(value["list"] == ["one", "one"])
    }

    @Test func `turns non-string keys into their text like sigs yaml`() throws {
        let value = try YAML.decode("on: push\n80: http\nnull: x\n1.5: why\n")
        #expect(value == ["true": "push", "80": "http", "null": "x", "1.5": "why"])
    }

    @Test func `reports syntax errors with line and column`() throws {
        let error = try #require(throws: YAMLError.self) {
            try YAML.decode("a: 1\nb: [1, 2\nc: 3\n")
        }
        guard case .syntax(_, let line, let column) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(line == 3)
        #expect(column >= 1)
        #expect(error.description.hasPrefix("yaml: line 3"))
    }

    @Test func `rejects a repeated key with its position`() throws {
        let error = try #require(throws: YAMLError.self) { try YAML.decode("a: 1\nb: 2\na: 3\n") }
        #expect(error == .syntax(message: "mapping key \"a\" already defined", line: 3, column: 1))
    }

    @Test func `rejects an unknown alias`() {
        #expect(throws: YAMLError.self) { try YAML.decode("a: *missing\n") }
    }

    @Test func `stops alias bombs`() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            let previous = "*a\(level - 1)"
            let items = Array(repeating: previous, count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        #expect(throws: YAMLError.self) { try YAML.decode(text) }
    }
}
