/// Parses the CEL subset described on ``CELExpression``.
struct CELParser {
    private enum Token: Equatable {
        case number(String)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    private var tokens: [Token] = []
    private var position = 0

    /// Functions callable without a receiver.
    static let globalFunctions: Set<String> = ["size", "string", "int", "double", "has"]
    /// Methods callable on a value.
    static let methods: Set<String> = [
        "size", "startsWith", "endsWith", "contains", "matches", "lowerAscii", "upperAscii",
    ]
    /// Comprehension macros.
    static let macros: Set<String> = ["all", "exists", "exists_one", "map", "filter"]

    /// Parses `source` or throws a ``CELError`` naming what is unsupported.
    static func parse(_ source: String) throws(CELError) -> CELExpression {
        var parser = CELParser()
        parser.tokens = try tokenize(source)
        let expression = try parser.parseExpression()
        guard parser.peek == .end else { throw CELError(message: "unexpected token after expression") }
        return expression
    }

    // MARK: - Lexing

    private static func tokenize(_ source: String) throws(CELError) -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character.isNumber {
                var text = ""
                while index < characters.count, characters[index].isNumber || characters[index] == "." {
                    text.append(characters[index])
                    index += 1
                }
                if index < characters.count, characters[index] == "u" { index += 1 }
                tokens.append(.number(text))
            } else if character.isLetter || character == "_" {
                var text = ""
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                {
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(.identifier(text))
            } else if character == "\"" || character == "'" {
                index += 1
                var text = ""
                while index < characters.count, characters[index] != character {
                    if characters[index] == "\\", index + 1 < characters.count {
                        index += 1
                        switch characters[index] {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        default: text.append(characters[index])
                        }
                    } else {
                        text.append(characters[index])
                    }
                    index += 1
                }
                guard index < characters.count else { throw CELError(message: "unterminated string literal") }
                index += 1
                tokens.append(.string(text))
            } else {
                let pair = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                if ["&&", "||", "==", "!=", "<=", ">="].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else if "+-*/%<>!?:.,()[]{}".contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    throw CELError(message: "unexpected character '\(character)'")
                }
            }
        }
        tokens.append(.end)
        return tokens
    }

    // MARK: - Parsing

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ symbol: String) -> Bool {
        if peek == .symbol(symbol) {
            position += 1
            return true
        }
        return false
    }

    private mutating func expect(_ symbol: String) throws(CELError) {
        guard accept(symbol) else { throw CELError(message: "expected '\(symbol)'") }
    }

    private mutating func parseExpression() throws(CELError) -> CELExpression {
        let test = try parseBinary(level: 0)
        guard accept("?") else { return test }
        let then = try parseExpression()
        try expect(":")
        let otherwise = try parseExpression()
        return .conditional(test, then, otherwise)
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">=", "in"], ["+", "-"], ["*", "/", "%"],
    ]

    private mutating func parseBinary(level: Int) throws(CELError) -> CELExpression {
        guard level < Self.levels.count else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        while true {
            let symbol: String
            switch peek {
            case .symbol(let text) where Self.levels[level].contains(text): symbol = text
            case .identifier("in") where Self.levels[level].contains("in"): symbol = "in"
            default: return left
            }
            _ = advance()
            let right = try parseBinary(level: level + 1)
            left = .binary(symbol, left, right)
        }
    }

    private mutating func parseUnary() throws(CELError) -> CELExpression {
        if accept("!") { return .unary("!", try parseUnary()) }
        if accept("-") { return .unary("-", try parseUnary()) }
        return try parseMember()
    }

    private mutating func parseMember() throws(CELError) -> CELExpression {
        var base = try parsePrimary()
        while true {
            if accept(".") {
                guard case .identifier(let name) = advance() else { throw CELError(message: "expected a field name") }
                if accept("(") {
                    base = try parseMethod(base, name: name)
                } else {
                    base = .select(base, name)
                }
            } else if accept("[") {
                let key = try parseExpression()
                try expect("]")
                base = .index(base, key)
            } else {
                return base
            }
        }
    }

    private mutating func parseMethod(_ base: CELExpression, name: String) throws(CELError) -> CELExpression {
        if Self.macros.contains(name) {
            guard case .identifier(let variable) = advance() else {
                throw CELError(message: "\(name)() needs a variable name")
            }
            try expect(",")
            let body = try parseExpression()
            try expect(")")
            return .macro(base, name, variable: variable, body: body)
        }
        guard Self.methods.contains(name) else {
            throw CELError(message: "unsupported function '\(name)'")
        }
        return .method(base, name, try parseArguments())
    }

    private mutating func parseArguments() throws(CELError) -> [CELExpression] {
        var arguments: [CELExpression] = []
        if accept(")") { return arguments }
        repeat {
            arguments.append(try parseExpression())
        } while accept(",")
        try expect(")")
        return arguments
    }

    private mutating func parsePrimary() throws(CELError) -> CELExpression {
        switch advance() {
        case .number(let text):
            if text.contains("."), let value = Double(text) { return .literal(.double(value)) }
            guard let value = Int64(text) else { throw CELError(message: "invalid number '\(text)'") }
            return .literal(.int(value))
        case .string(let text):
            return .literal(.string(text))
        case .identifier(let name):
            return try parseIdentifier(name)
        case .symbol("("):
            let inner = try parseExpression()
            try expect(")")
            return inner
        case .symbol("["):
            var elements: [CELExpression] = []
            if !accept("]") {
                repeat { elements.append(try parseExpression()) } while accept(",")
                try expect("]")
            }
            return .list(elements)
        case .symbol("{"):
            var entries: [(CELExpression, CELExpression)] = []
            if !accept("}") {
                repeat {
                    let key = try parseExpression()
                    try expect(":")
                    entries.append((key, try parseExpression()))
                } while accept(",")
                try expect("}")
            }
            return .map(entries)
        default:
            throw CELError(message: "unexpected token")
        }
    }

    private mutating func parseIdentifier(_ name: String) throws(CELError) -> CELExpression {
        switch name {
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "null": return .literal(.null)
        default: break
        }
        guard accept("(") else { return .identifier(name) }
        guard Self.globalFunctions.contains(name) else {
            throw CELError(message: "unsupported function '\(name)'")
        }
        let arguments = try parseArguments()
        if name == "has" {
            guard arguments.count == 1, case .select = arguments[0] else {
                throw CELError(message: "has() needs a field selection like has(self.field)")
            }
            return .has(arguments[0])
        }
        return .call(name, arguments)
    }
}
