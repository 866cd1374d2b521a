import YAML

/// One compiled `x-kubernetes-validations` entry.
struct CELRule: Sendable {
    /// The rule's source text.
    let source: String
    /// The parsed rule.
    let expression: CELExpression
    /// The fixed message, if set.
    let message: String?
    /// The parsed `messageExpression`, if set.
    let messageExpression: CELExpression?
    /// The cause reason; default `FieldValueInvalid`.
    let reason: String
    /// The relative field path to report, such as `.minReplicas`.
    let fieldPath: String?
    /// Whether `oldSelf` may be absent; the embedded server refuses such rules (see ``init(_:path:)``).
    let optionalOldSelf: Bool

    /// Whether the rule compares against the previous value and so only runs on updates.
    var isTransitionRule: Bool { expression.referencesOldSelf }

    /// Compiles a rule, refusing anything outside the supported subset with a clear message.
    init(_ raw: JSONValue, path: String) throws(SchemaError) {
        guard let source = raw["rule"]?.stringValue else {
            throw SchemaError(field: "\(path).rule", message: "Required value")
        }
        self.source = source
        do {
            expression = try CELParser.parse(source)
            messageExpression = try raw["messageExpression"]?.stringValue.map { (text) throws(CELError) in
                try CELParser.parse(text)
            }
        } catch {
            throw SchemaError(
                field: "\(path).rule",
                message: "Invalid value: \"\(source)\": compilation failed: the embedded API server supports a "
                    + "subset of CEL (field access, has(), size(), comparisons, arithmetic, &&, ||, ?:, in, string "
                    + "methods, all/exists/exists_one/map/filter): \(error.message)"
            )
        }
        message = raw["message"]?.stringValue
        reason = raw["reason"]?.stringValue ?? "FieldValueInvalid"
        fieldPath = raw["fieldPath"]?.stringValue
        optionalOldSelf = raw["optionalOldSelf"]?.boolValue ?? false
        if optionalOldSelf {
            throw SchemaError(
                field: "\(path).optionalOldSelf",
                message: "Forbidden: optionalOldSelf is not supported by the embedded API server"
            )
        }
        try Self.checkScope(expression, bound: ["self", "oldSelf"], path: path, source: source)
    }

    private static func checkScope(_ expression: CELExpression, bound: Set<String>, path: String, source: String)
        throws(SchemaError)
    {
        switch expression {
        case .literal: return
        case .identifier(let name):
            guard bound.contains(name) else {
                throw SchemaError(
                    field: "\(path).rule",
                    message: "Invalid value: \"\(source)\": compilation failed: undeclared reference to '\(name)'"
                )
            }
        case .select(let base, _), .has(let base), .unary(_, let base):
            try checkScope(base, bound: bound, path: path, source: source)
        case .index(let base, let key):
            try checkScope(base, bound: bound, path: path, source: source)
            try checkScope(key, bound: bound, path: path, source: source)
        case .call(_, let arguments), .list(let arguments):
            for argument in arguments { try checkScope(argument, bound: bound, path: path, source: source) }
        case .method(let base, _, let arguments):
            try checkScope(base, bound: bound, path: path, source: source)
            for argument in arguments { try checkScope(argument, bound: bound, path: path, source: source) }
        case .macro(let base, _, let variable, let body):
            try checkScope(base, bound: bound, path: path, source: source)
            try checkScope(body, bound: bound.union([variable]), path: path, source: source)
        case .binary(_, let left, let right):
            try checkScope(left, bound: bound, path: path, source: source)
            try checkScope(right, bound: bound, path: path, source: source)
        case .conditional(let test, let then, let otherwise):
            for part in [test, then, otherwise] { try checkScope(part, bound: bound, path: path, source: source) }
        case .map(let entries):
            for (key, value) in entries {
                try checkScope(key, bound: bound, path: path, source: source)
                try checkScope(value, bound: bound, path: path, source: source)
            }
        }
    }

    /// The failure message when the rule does not hold for `value`, or `nil` when it holds.
    func failure(value: JSONValue, old: JSONValue?) -> String? {
        var bindings: [String: CELValue] = ["self": CELEvaluator.value(value)]
        if let old { bindings["oldSelf"] = CELEvaluator.value(old) }
        let evaluator = CELEvaluator(bindings: bindings)
        do {
            if case .bool(true) = try evaluator.evaluate(expression) { return nil }
        } catch {
            return "Invalid value: \"object\": \(message ?? "failed rule: \(source)"): \(error.message)"
        }
        if let message { return "Invalid value: \"object\": \(message)" }
        if let messageExpression, case .string(let text) = try? evaluator.evaluate(messageExpression) {
            return "Invalid value: \"object\": \(text)"
        }
        return "Invalid value: \"object\": failed rule: \(source)"
    }
}
