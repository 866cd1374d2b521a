/// One option a subcommand accepts.
public struct OptionSpec: Sendable {
    /// What the option takes.
    public enum Kind: Sendable, Equatable {
        /// A switch with no value: `--verbose`.
        case flag
        /// An option with one value: `--dir DIR` or `--dir=DIR`; repeatable options keep every value.
        case value(placeholder: String)
    }

    /// The long name without dashes, such as "kubeconfig".
    public var name: String
    /// An optional one-letter short name, such as "o".
    public var short: Character?
    /// Whether it is a switch or takes a value.
    public var kind: Kind
    /// One line of help.
    public var help: String
    /// The default shown in help, if any.
    public var defaultValue: String?

    /// Creates an option.
    public init(_ name: String, short: Character? = nil, kind: Kind, help: String, defaultValue: String? = nil) {
        self.name = name
        self.short = short
        self.kind = kind
        self.help = help
        self.defaultValue = defaultValue
    }
}

/// What a subcommand accepts, used for parsing and for `--help`.
public struct CommandSpec: Sendable {
    /// The command path, such as "cluster up".
    public var name: String
    /// One sentence that says what it does.
    public var summary: String
    /// The usage line after the command path, such as "[--dir DIR]".
    public var usage: String
    /// Options accepted.
    public var options: [OptionSpec]
    /// Extra help text: examples, notes.
    public var discussion: String
    /// The most positional arguments accepted; `nil` means any number.
    public var maxPositionals: Int?

    /// Creates a command description.
    public init(
        name: String,
        summary: String,
        usage: String = "",
        options: [OptionSpec] = [],
        discussion: String = "",
        maxPositionals: Int? = 0
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.options = options
        self.discussion = discussion
        self.maxPositionals = maxPositionals
    }

    /// The help text printed for `--help`.
    public var helpText: String {
        var lines = ["\(summary)", "", "Usage: poolpilot \(name) \(usage)".trimmingTrailingSpaces()]
        let allOptions = options + [OptionSpec("help", short: "h", kind: .flag, help: "Show this help.")]
        lines.append("")
        lines.append("Options:")
        for option in allOptions {
            var left = "  "
            left += option.short.map { "-\($0), " } ?? "    "
            left += "--\(option.name)"
            if case .value(let placeholder) = option.kind { left += " \(placeholder)" }
            var help = option.help
            if let value = option.defaultValue { help += " (default: \(value))" }
            let padding = String(repeating: " ", count: max(2, 34 - left.count))
            lines.append(left + padding + help)
        }
        if !discussion.isEmpty {
            lines.append("")
            lines.append(discussion)
        }
        return lines.joined(separator: "\n")
    }
}

/// Why a command line was rejected.
public enum ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An option the command does not know.
    case unknownOption(command: String, option: String)
    /// An option that needs a value was last, or followed by nothing.
    case missingValue(command: String, option: String)
    /// A switch was given a value (`--flag=x`).
    case unexpectedValue(command: String, option: String)
    /// More positional arguments than the command takes.
    case tooManyArguments(command: String, extra: [String])
    /// A value that does not parse, with what was expected.
    case invalidValue(command: String, option: String, value: String, expected: String)
    /// A required argument or option is absent.
    case missingArgument(command: String, what: String)

    /// A message that names the problem and where to look.
    public var description: String {
        switch self {
        case .unknownOption(let command, let option):
            return "unknown option '\(option)' for 'poolpilot \(command)'; see 'poolpilot \(command) --help'"
        case .missingValue(let command, let option):
            return "option '--\(option)' of 'poolpilot \(command)' needs a value"
        case .unexpectedValue(let command, let option):
            return "option '--\(option)' of 'poolpilot \(command)' takes no value"
        case .tooManyArguments(let command, let extra):
            return "unexpected argument(s) for 'poolpilot \(command)': \(extra.joined(separator: " "))"
        case .invalidValue(let command, let option, let value, let expected):
            return "invalid value '\(value)' for '--\(option)' of 'poolpilot \(command)': expected \(expected)"
        case .missingArgument(let command, let what):
            return "'poolpilot \(command)' needs \(what); see 'poolpilot \(command) --help'"
        }
    }
}

/// The parsed command line of one subcommand.
public struct ParsedArguments: Sendable, Equatable {
    /// The command path these were parsed for.
    public var command: String
    /// Values by option name, with every value of a repeated option in order.
    ///
    /// A switch holds "true".
    public var values: [String: [String]]
    /// Positional arguments in order.
    public var positionals: [String]
    /// Whether `--help` or `-h` was given.
    public var wantsHelp: Bool

    /// Parses `arguments` (after the command path) against `spec`.
    ///
    /// `--` ends option parsing; a lone `-` is a positional (standard input).
    public init(_ arguments: [String], spec: CommandSpec) throws(ArgumentError) {
        command = spec.name
        values = [:]
        positionals = []
        wantsHelp = false
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
                continue
            }
            let (option, inlineValue) = try Self.resolve(argument, spec: spec)
            switch option.kind {
            case .flag:
                if inlineValue != nil { throw .unexpectedValue(command: spec.name, option: option.name) }
                values[option.name, default: []].append("true")
            case .value:
                if let inlineValue {
                    values[option.name, default: []].append(inlineValue)
                } else if index < arguments.count {
                    values[option.name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw .missingValue(command: spec.name, option: option.name)
                }
            }
        }
        if let limit = spec.maxPositionals, positionals.count > limit, !wantsHelp {
            throw .tooManyArguments(command: spec.name, extra: Array(positionals[limit...]))
        }
    }

    private static func resolve(_ argument: String, spec: CommandSpec) throws(ArgumentError) -> (OptionSpec, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw .unknownOption(command: spec.name, option: argument)
            }
            return (option, parts.count > 1 ? String(parts[1]) : nil)
        }
        let body = argument.dropFirst()
        guard let letter = body.first, let option = spec.options.first(where: { $0.short == letter }) else {
            throw .unknownOption(command: spec.name, option: argument)
        }
        let rest = body.dropFirst()
        if rest.isEmpty { return (option, nil) }
        return (option, String(rest.hasPrefix("=") ? rest.dropFirst() : rest))
    }

    /// The last value given for `name`, or `nil`.
    public func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value given for a repeatable option.
    public func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a switch was given.
    public func flag(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The value of `name` as an integer within `range`, or `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int> = Int.min...Int.max)
        throws(ArgumentError) -> Int
    {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidValue(command: command, option: name, value: text, expected: "an integer in \(range)")
        }
        return number
    }

    /// The value of `name` as a number within `range`, or `defaultValue` when absent.
    public func number(_ name: String, default defaultValue: Double, in range: ClosedRange<Double>)
        throws(ArgumentError) -> Double
    {
        guard let text = value(name) else { return defaultValue }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw .invalidValue(command: command, option: name, value: text, expected: "a number in \(range)")
        }
        return number
    }

    /// The value of `name`, which must be one of `choices`, or `defaultValue` when absent.
    public func choice(_ name: String, _ choices: [String], default defaultValue: String) throws(ArgumentError)
        -> String
    {
        guard let text = value(name) else { return defaultValue }
        guard choices.contains(text) else {
            throw .invalidValue(
                command: command,
                option: name,
                value: text,
                expected: "one of \(choices.joined(separator: ", "))"
            )
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
