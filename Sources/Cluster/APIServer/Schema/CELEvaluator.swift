import Foundation
import YAML

/// Evaluates a ``CELExpression`` against variable bindings.
struct CELEvaluator {
    /// Variables in scope: `self`, `oldSelf` and macro variables.
    var bindings: [String: CELValue]

    /// Converts an object value into a CEL value.
    static func value(_ json: JSONValue) -> CELValue {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .array(let elements): return .list(elements.map(value))
        case .object(let members): return .map(members.mapValues(value))
        }
    }

    /// Evaluates `expression`.
    func evaluate(_ expression: CELExpression) throws(CELError) -> CELValue {
        switch expression {
        case .literal(let value): return value
        case .identifier(let name):
            guard let value = bindings[name] else { throw CELError(message: "undeclared reference to '\(name)'") }
            return value
        case .select(let base, let field):
            guard case .map(let members) = try evaluate(base) else {
                throw CELError(message: "cannot select '\(field)' from a non-object")
            }
            guard let value = members[field] else { throw CELError(message: "no such key: \(field)") }
            return value
        case .has(let selection):
            guard case .select(let base, let field) = selection, case .map(let members) = try evaluate(base) else {
                return .bool(false)
            }
            return .bool(members[field] != nil)
        case .index(let base, let key): return try index(try evaluate(base), try evaluate(key))
        case .call(let name, let arguments):
            return try call(name, arguments.map { (argument) throws(CELError) in try evaluate(argument) })
        case .method(let base, let name, let arguments):
            let receiver = try evaluate(base)
            return try method(receiver, name, arguments.map { (argument) throws(CELError) in try evaluate(argument) })
        case .macro(let base, let name, let variable, let body):
            return try macro(try evaluate(base), name, variable: variable, body: body)
        case .unary(let symbol, let operand): return try unary(symbol, try evaluate(operand))
        case .binary(let symbol, let left, let right): return try binary(symbol, left, right)
        case .conditional(let test, let then, let otherwise):
            guard case .bool(let flag) = try evaluate(test) else { throw CELError(message: "condition is not a bool") }
            return try evaluate(flag ? then : otherwise)
        case .list(let elements):
            return .list(try elements.map { (element) throws(CELError) in try evaluate(element) })
        case .map(let entries):
            var members: [String: CELValue] = [:]
            for (key, value) in entries {
                guard case .string(let name) = try evaluate(key) else {
                    throw CELError(message: "map keys must be strings")
                }
                members[name] = try evaluate(value)
            }
            return .map(members)
        }
    }

    private func index(_ base: CELValue, _ key: CELValue) throws(CELError) -> CELValue {
        switch (base, key) {
        case (.list(let elements), .int(let position)):
            guard position >= 0, position < elements.count else {
                throw CELError(message: "index out of range: \(position)")
            }
            return elements[Int(position)]
        case (.map(let members), .string(let name)):
            guard let value = members[name] else { throw CELError(message: "no such key: \(name)") }
            return value
        default:
            throw CELError(message: "cannot index \(base.typeName) with \(key.typeName)")
        }
    }

    private func size(_ value: CELValue) throws(CELError) -> CELValue {
        switch value {
        case .string(let text): return .int(Int64(text.count))
        case .list(let elements): return .int(Int64(elements.count))
        case .map(let members): return .int(Int64(members.count))
        default: throw CELError(message: "size() is not defined on \(value.typeName)")
        }
    }

    private func call(_ name: String, _ arguments: [CELValue]) throws(CELError) -> CELValue {
        guard arguments.count == 1 else { throw CELError(message: "\(name)() takes one argument") }
        let argument = arguments[0]
        switch (name, argument) {
        case ("size", _): return try size(argument)
        case ("string", .string): return argument
        case ("string", .int(let number)): return .string(String(number))
        case ("string", .double(let number)): return .string(String(number))
        case ("string", .bool(let flag)): return .string(flag ? "true" : "false")
        case ("int", .int): return argument
        case ("int", .double(let number)): return .int(Int64(number))
        case ("int", .string(let text)):
            guard let number = Int64(text) else { throw CELError(message: "cannot convert '\(text)' to int") }
            return .int(number)
        case ("double", .double): return argument
        case ("double", .int(let number)): return .double(Double(number))
        case ("double", .string(let text)):
            guard let number = Double(text) else { throw CELError(message: "cannot convert '\(text)' to double") }
            return .double(number)
        default: throw CELError(message: "no matching overload for \(name)(\(argument.typeName))")
        }
    }

    private func method(_ receiver: CELValue, _ name: String, _ arguments: [CELValue]) throws(CELError) -> CELValue {
        if name == "size", arguments.isEmpty { return try size(receiver) }
        guard case .string(let text) = receiver else {
            throw CELError(message: "\(name)() is not defined on \(receiver.typeName)")
        }
        if name == "lowerAscii" { return .string(text.lowercased()) }
        if name == "upperAscii" { return .string(text.uppercased()) }
        guard arguments.count == 1, case .string(let operand) = arguments[0] else {
            throw CELError(message: "\(name)() takes one string argument")
        }
        switch name {
        case "startsWith": return .bool(text.hasPrefix(operand))
        case "endsWith": return .bool(text.hasSuffix(operand))
        case "contains": return .bool(operand.isEmpty || text.contains(operand))
        case "matches": return .bool(text.range(of: operand, options: .regularExpression) != nil)
        default: throw CELError(message: "unsupported function '\(name)'")
        }
    }

    private func macro(_ base: CELValue, _ name: String, variable: String, body: CELExpression) throws(CELError)
        -> CELValue
    {
        let elements: [CELValue]
        switch base {
        case .list(let items): elements = items
        case .map(let members): elements = members.keys.sorted().map(CELValue.string)
        default: throw CELError(message: "\(name)() needs a list or map")
        }
        var results: [CELValue] = []
        var matches = 0
        for element in elements {
            var scope = self
            scope.bindings[variable] = element
            let result = try scope.evaluate(body)
            if name == "map" {
                results.append(result)
                continue
            }
            guard case .bool(let flag) = result else { throw CELError(message: "\(name)() predicate is not a bool") }
            if flag {
                matches += 1
                if name == "filter" { results.append(element) }
            }
            if name == "all", !flag { return .bool(false) }
            if name == "exists", flag { return .bool(true) }
        }
        switch name {
        case "all": return .bool(true)
        case "exists": return .bool(false)
        case "exists_one": return .bool(matches == 1)
        default: return .list(results)
        }
    }

    private func unary(_ symbol: String, _ operand: CELValue) throws(CELError) -> CELValue {
        switch (symbol, operand) {
        case ("!", .bool(let flag)): return .bool(!flag)
        case ("-", .int(let number)): return .int(-number)
        case ("-", .double(let number)): return .double(-number)
        default: throw CELError(message: "no matching overload for \(symbol)\(operand.typeName)")
        }
    }

    private func binary(_ symbol: String, _ leftExpression: CELExpression, _ rightExpression: CELExpression)
        throws(CELError) -> CELValue
    {
        // Logical operators short-circuit; an error on one side is absorbed when the other decides.
        if symbol == "&&" || symbol == "||" {
            let decisive = symbol == "||"
            let left = Result { () throws(CELError) in try evaluate(leftExpression) }
            if case .success(.bool(let flag)) = left, flag == decisive { return .bool(decisive) }
            let right = try evaluate(rightExpression)
            guard case .bool(let rightFlag) = right else { throw CELError(message: "\(symbol) needs bools") }
            if rightFlag == decisive { return .bool(decisive) }
            guard case .success(.bool) = left else {
                if case .failure(let error) = left { throw error }
                throw CELError(message: "\(symbol) needs bools")
            }
            return .bool(!decisive)
        }
        let left = try evaluate(leftExpression)
        let right = try evaluate(rightExpression)
        switch symbol {
        case "==": return .bool(equal(left, right))
        case "!=": return .bool(!equal(left, right))
        case "<", "<=", ">", ">=": return .bool(try compare(symbol, left, right))
        case "in":
            switch right {
            case .list(let elements): return .bool(elements.contains { equal($0, left) })
            case .map(let members):
                guard case .string(let key) = left else { return .bool(false) }
                return .bool(members[key] != nil)
            default: throw CELError(message: "'in' needs a list or map")
            }
        default: return try arithmetic(symbol, left, right)
        }
    }

    private func equal(_ left: CELValue, _ right: CELValue) -> Bool {
        switch (left, right) {
        case (.int(let first), .double(let second)): return Double(first) == second
        case (.double(let first), .int(let second)): return first == Double(second)
        default: return left == right
        }
    }

    private func compare(_ symbol: String, _ left: CELValue, _ right: CELValue) throws(CELError) -> Bool {
        let order: Int
        switch (left, right) {
        case (.int(let first), .int(let second)): order = first < second ? -1 : (first == second ? 0 : 1)
        case (.string(let first), .string(let second)): order = first < second ? -1 : (first == second ? 0 : 1)
        default:
            guard let first = numeric(left), let second = numeric(right) else {
                throw CELError(message: "no matching overload for \(left.typeName) \(symbol) \(right.typeName)")
            }
            order = first < second ? -1 : (first == second ? 0 : 1)
        }
        switch symbol {
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        default: return order >= 0
        }
    }

    private func numeric(_ value: CELValue) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    private func arithmetic(_ symbol: String, _ left: CELValue, _ right: CELValue) throws(CELError) -> CELValue {
        switch (symbol, left, right) {
        case ("+", .string(let first), .string(let second)): return .string(first + second)
        case ("+", .list(let first), .list(let second)): return .list(first + second)
        case (_, .int(let first), .int(let second)):
            switch symbol {
            case "+": return .int(first &+ second)
            case "-": return .int(first &- second)
            case "*": return .int(first &* second)
            default:
                guard second != 0 else { throw CELError(message: "division by zero") }
                return .int(symbol == "/" ? first / second : first % second)
            }
        case (_, .double(let first), .double(let second)):
            switch symbol {
            case "+": return .double(first + second)
            case "-": return .double(first - second)
            case "*": return .double(first * second)
            case "/": return .double(first / second)
            default: throw CELError(message: "no matching overload for double % double")
            }
        default:
            throw CELError(message: "no matching overload for \(left.typeName) \(symbol) \(right.typeName)")
        }
    }
}
