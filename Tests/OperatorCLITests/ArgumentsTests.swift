import OperatorCLI
import Testing

@Suite struct ArgumentsTests {
    static let spec = CommandSpec(
        name: "cluster up",
        summary: "Start it.",
        options: [
            OptionSpec("dir", kind: .value(placeholder: "DIR"), help: "Where."),
            OptionSpec("insecure-http", kind: .flag, help: "Plain HTTP."),
            OptionSpec("output", short: "o", kind: .value(placeholder: "FORMAT"), help: "Format."),
        ],
        maxPositionals: 1
    )

    @Test func `parses long, inline, short and positional forms`() throws {
        let parsed = try ParsedArguments(["--dir", "/tmp/x", "-ojson", "--insecure-http", "file"], spec: Self.spec)
        #expect(parsed.value("dir") == "/tmp/x")
        #expect(parsed.value("output") == "json")
        #expect(parsed.flag("insecure-http"))
        #expect(parsed.positionals == ["file"])
        let inline = try ParsedArguments(["--dir=/a", "-o=yaml"], spec: Self.spec)
        #expect(inline.value("dir") == "/a")
        #expect(inline.value("output") == "yaml")
    }

    @Test func `rejects unknown options, missing values and extra arguments`() {
        #expect(throws: ArgumentError.unknownOption(command: "cluster up", option: "--nope")) {
            try ParsedArguments(["--nope"], spec: Self.spec)
        }
        #expect(throws: ArgumentError.missingValue(command: "cluster up", option: "dir")) {
            try ParsedArguments(["--dir"], spec: Self.spec)
        }
        #expect(throws: ArgumentError.unexpectedValue(command: "cluster up", option: "insecure-http")) {
            try ParsedArguments(["--insecure-http=yes"], spec: Self.spec)
        }
        #expect(throws: ArgumentError.tooManyArguments(command: "cluster up", extra: ["b"])) {
            try ParsedArguments(["a", "b"], spec: Self.spec)
        }
    }

    @Test func `validates choices and integers`() throws {
        let parsed = try ParsedArguments(["-o", "xml"], spec: Self.spec)
        #expect(throws: ArgumentError.self) { try parsed.choice("output", ["text", "json"], default: "text") }
        #expect(try parsed.choice("dir", ["a"], default: "a") == "a")
    }

    @Test func `finds the longest matching subcommand`() throws {
        let (command, rest) = try #require(CommandRegistry.resolve(["version", "-o", "json"]))
        #expect(command.spec.name == "version")
        #expect(rest == ["-o", "json"])
        #expect(CommandRegistry.resolve(["nope"]) == nil)
    }
}
