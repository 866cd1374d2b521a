import YAML

/// The JSONPath subset printer columns use: `.a.b`, `[N]`, `[*]`, `[?(@.k=="v")]` and `[?(@.k)]`.
struct SimpleJSONPath: Sendable, Equatable {
    private enum Step: Sendable, Equatable {
        case field(String)
        case index(Int)
        case wildcard
        case filter(path: [String], op: String?, value: String)
    }

    private let steps: [Step]

    /// Parses a path such as `.status.conditions[?(@.type=="Ready")].status`; `{...}` braces are allowed.
    init(_ source: String) {
        var text = source.trimmingCharacters(in: " ")
        if text.hasPrefix("{"), text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) }
        var steps: [Step] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "." || character == "$" {
                index = text.index(after: index)
                continue
            }
            if character == "[" {
                guard let close = Self.matchingBracket(text, from: index) else { break }
                let inner = String(text[text.index(after: index)..<close])
                steps.append(Self.bracketStep(inner))
                index = text.index(after: close)
                continue
            }
            var end = index
            while end < text.endIndex, text[end] != ".", text[end] != "[" { end = text.index(after: end) }
            steps.append(.field(String(text[index..<end])))
            index = end
        }
        self.steps = steps
    }

    private static func matchingBracket(_ text: String, from start: String.Index) -> String.Index? {
        var depth = 0
        var index = start
        while index < text.endIndex {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func bracketStep(_ inner: String) -> Step {
        if inner == "*" { return .wildcard }
        if let number = Int(inner) { return .index(number) }
        if inner.hasPrefix("'") || inner.hasPrefix("\"") { return .field(String(inner.dropFirst().dropLast())) }
        guard inner.hasPrefix("?(@."), inner.hasSuffix(")") else { return .field(inner) }
        let condition = String(inner.dropFirst(4).dropLast())
        for op in ["==", "!="] {
            if let range = condition.range(of: op) {
                let path = condition[..<range.lowerBound].split(separator: ".").map(String.init)
                var value = String(condition[range.upperBound...]).trimmingCharacters(in: " ")
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                return .filter(path: path, op: op, value: value)
            }
        }
        return .filter(path: condition.split(separator: ".").map(String.init), op: nil, value: "")
    }

    /// Every value the path selects in `root`.
    func results(in root: JSONValue) -> [JSONValue] {
        var current = [root]
        for step in steps {
            var next: [JSONValue] = []
            for value in current {
                switch step {
                case .field(let name):
                    if let child = value[name] { next.append(child) }
                case .index(let position):
                    let elements = value.arrayValue ?? []
                    let resolved = position < 0 ? elements.count + position : position
                    if elements.indices.contains(resolved) { next.append(elements[resolved]) }
                case .wildcard:
                    if let elements = value.arrayValue { next.append(contentsOf: elements) }
                    if let members = value.objectValue {
                        next.append(contentsOf: members.keys.sorted().compactMap { members[$0] })
                    }
                case .filter(let path, let op, let expected):
                    for element in value.arrayValue ?? [] where Self.holds(element, path, op, expected) {
                        next.append(element)
                    }
                }
            }
            current = next
        }
        return current
    }

    private static func holds(_ element: JSONValue, _ path: [String], _ op: String?, _ expected: String) -> Bool {
        guard let actual = element.value(at: path) else { return false }
        guard let op else { return true }
        let text: String
        switch actual {
        case .string(let value): text = value
        default: text = actual.compactJSONString()
        }
        return op == "==" ? text == expected : text != expected
    }
}
