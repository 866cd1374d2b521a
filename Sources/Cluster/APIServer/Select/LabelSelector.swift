import YAML

/// A parsed label selector: every operator of the Kubernetes string syntax.
///
/// Terms are joined by commas and all must hold: `k=v`, `k==v`, `k!=v` (also matches objects without
/// the label), `k in (a,b)`, `k notin (a,b)`, `k` (exists), `!k` (does not exist), `k>N`, `k<N`.
struct LabelSelector: Sendable, Equatable {
    /// One term.
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
        case greaterThan(String, Int64)
        case lessThan(String, Int64)
    }

    /// The terms, all of which must hold.
    var requirements: [Requirement]

    /// The selector that matches everything.
    static let everything = LabelSelector(requirements: [])

    /// Parses the string form; throws a 400 for malformed input.
    static func parse(_ text: String) throws(APIError) -> LabelSelector {
        var requirements: [Requirement] = []
        for term in splitTerms(text) {
            let trimmed = term.trimmingCharacters(in: " ")
            if trimmed.isEmpty { continue }
            requirements.append(try parseTerm(trimmed))
        }
        return LabelSelector(requirements: requirements)
    }

    /// Builds a selector from a `metav1.LabelSelector` object (`matchLabels` and `matchExpressions`).
    static func from(object: JSONValue) -> LabelSelector {
        var requirements: [Requirement] = []
        for (key, value) in (object["matchLabels"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            requirements.append(.equals(key, value.stringValue ?? ""))
        }
        for expression in object["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = Set(expression["values"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            switch expression["operator"]?.stringValue {
            case "In": requirements.append(.isIn(key, values))
            case "NotIn": requirements.append(.notIn(key, values))
            case "Exists": requirements.append(.exists(key))
            case "DoesNotExist": requirements.append(.doesNotExist(key))
            default: continue
            }
        }
        return LabelSelector(requirements: requirements)
    }

    /// Whether `labels` satisfy every term.
    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .isIn(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return labels[key].map { !values.contains($0) } ?? true
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            case .greaterThan(let key, let bound): return labels[key].flatMap { Int64($0) }.map { $0 > bound } ?? false
            case .lessThan(let key, let bound): return labels[key].flatMap { Int64($0) }.map { $0 < bound } ?? false
            }
        }
    }

    /// The selector in string form, as `Scale.status.selector` carries it.
    var text: String {
        requirements.map { requirement in
            switch requirement {
            case .equals(let key, let value): return "\(key)=\(value)"
            case .notEquals(let key, let value): return "\(key)!=\(value)"
            case .isIn(let key, let values): return "\(key) in (\(values.sorted().joined(separator: ",")))"
            case .notIn(let key, let values): return "\(key) notin (\(values.sorted().joined(separator: ",")))"
            case .exists(let key): return key
            case .doesNotExist(let key): return "!\(key)"
            case .greaterThan(let key, let bound): return "\(key)>\(bound)"
            case .lessThan(let key, let bound): return "\(key)<\(bound)"
            }
        }.joined(separator: ",")
    }

    /// Splits on commas that are not inside parentheses.
    private static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        return terms
    }

    private static func parseTerm(_ term: String) throws(APIError) -> Requirement {
        if term.hasPrefix("!") {
            let key = String(term.dropFirst()).trimmingCharacters(in: " ")
            try validateKey(key, term)
            return .doesNotExist(key)
        }
        if let range = term.range(of: " notin ") ?? term.range(of: " in ") {
            let key = String(term[..<range.lowerBound]).trimmingCharacters(in: " ")
            let isNotIn = term[range].contains("notin")
            var rest = String(term[range.upperBound...]).trimmingCharacters(in: " ")
            guard rest.hasPrefix("("), rest.hasSuffix(")") else {
                throw APIError.badRequest("unable to parse requirement: found '\(rest)', expected: '('")
            }
            rest = String(rest.dropFirst().dropLast())
            let values = Set(rest.split(separator: ",").map { String($0).trimmingCharacters(in: " ") })
            try validateKey(key, term)
            return isNotIn ? .notIn(key, values) : .isIn(key, values)
        }
        for symbol in ["!=", "==", "=", ">", "<"] {
            guard let range = term.range(of: symbol) else { continue }
            let key = String(term[..<range.lowerBound]).trimmingCharacters(in: " ")
            let value = String(term[range.upperBound...]).trimmingCharacters(in: " ")
            try validateKey(key, term)
            switch symbol {
            case "!=": return .notEquals(key, value)
            case ">", "<":
                guard let bound = Int64(value) else {
                    throw APIError.badRequest(
                        "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"
                    )
                }
                return symbol == ">" ? .greaterThan(key, bound) : .lessThan(key, bound)
            default: return .equals(key, value)
            }
        }
        try validateKey(term, term)
        return .exists(term)
    }

    private static func validateKey(_ key: String, _ term: String) throws(APIError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        guard !key.isEmpty, key.allSatisfy(allowed.contains) else {
            throw APIError.badRequest("unable to parse requirement: invalid label key \"\(key)\" in \"\(term)\"")
        }
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
