/// A parsed CEL expression: the subset the embedded server evaluates.
///
/// Supported: literals (int, double, string, bool, null, lists, maps), `self`/`oldSelf` and macro
/// variables, field selection, indexing, `has()`, `size()`, `string()`, `int()`, `double()`,
/// arithmetic, comparisons, `in`, `!`, `&&`, `||`, `?:`, the string methods `startsWith`, `endsWith`,
/// `contains`, `matches`, `lowerAscii`, `upperAscii`, and the macros `all`, `exists`, `exists_one`,
/// `map` and `filter`. Anything else is refused when the CRD is created, never silently ignored.
indirect enum CELExpression: Sendable, Equatable {
    case literal(CELValue)
    case identifier(String)
    case select(CELExpression, String)
    case index(CELExpression, CELExpression)
    case has(CELExpression)
    case call(String, [CELExpression])
    case method(CELExpression, String, [CELExpression])
    case macro(CELExpression, String, variable: String, body: CELExpression)
    case unary(String, CELExpression)
    case binary(String, CELExpression, CELExpression)
    case conditional(CELExpression, CELExpression, CELExpression)
    case list([CELExpression])
    case map([(CELExpression, CELExpression)])

    static func == (lhs: CELExpression, rhs: CELExpression) -> Bool {
        String(describing: lhs) == String(describing: rhs)
    }

    /// Whether the expression mentions `oldSelf` (a transition rule).
    var referencesOldSelf: Bool {
        switch self {
        case .literal: return false
        case .identifier(let name): return name == "oldSelf"
        case .select(let base, _), .has(let base), .unary(_, let base): return base.referencesOldSelf
        case .index(let base, let key): return base.referencesOldSelf || key.referencesOldSelf
        case .call(_, let arguments), .list(let arguments): return arguments.contains { $0.referencesOldSelf }
        case .method(let base, _, let arguments):
            return base.referencesOldSelf || arguments.contains { $0.referencesOldSelf }
        case .macro(let base, _, _, let body): return base.referencesOldSelf || body.referencesOldSelf
        case .binary(_, let left, let right): return left.referencesOldSelf || right.referencesOldSelf
        case .conditional(let test, let then, let otherwise):
            return test.referencesOldSelf || then.referencesOldSelf || otherwise.referencesOldSelf
        case .map(let entries): return entries.contains { $0.0.referencesOldSelf || $0.1.referencesOldSelf }
        }
    }
}

/// A CEL runtime value.
enum CELValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case list([CELValue])
    case map([String: CELValue])

    /// The CEL type name used in error messages.
    var typeName: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        }
    }
}

/// Why a CEL expression could not be parsed or evaluated.
struct CELError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    var message: String

    var description: String { message }
}
