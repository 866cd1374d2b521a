import YAML

/// A parsed field selector: `field=value`, `field==value` and `field!=value`, joined by commas.
struct FieldSelector: Sendable, Equatable {
    /// One term.
    struct Term: Sendable, Equatable {
        /// The dotted field, such as `involvedObject.uid`.
        var field: String
        /// The value compared against.
        var value: String
        /// Whether the term is `!=`.
        var isNegated: Bool
    }

    /// The terms, all of which must hold.
    var terms: [Term]

    /// Parses a field selector and checks each field is supported by `resource`.
    static func parse(_ text: String, for resource: ResourceDefinition) throws(APIError) -> FieldSelector {
        var terms: [Term] = []
        for part in text.split(separator: ",") {
            let term = String(part)
            let negated = term.contains("!=")
            let separator = negated ? "!=" : (term.contains("==") ? "==" : "=")
            guard let range = term.range(of: separator) else {
                throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            let field = String(term[..<range.lowerBound]).trimmingCharacters(in: " ")
            let value = String(term[range.upperBound...]).trimmingCharacters(in: " ")
            let supported = ["metadata.name", "metadata.namespace"] + resource.selectableFields
            guard supported.contains(field) else {
                throw APIError.badRequest(
                    "field label not supported: \(field)"
                )
            }
            terms.append(Term(field: field, value: value, isNegated: negated))
        }
        return FieldSelector(terms: terms)
    }

    /// Whether `object` satisfies every term; missing fields compare as "".
    func matches(_ object: JSONValue) -> Bool {
        terms.allSatisfy { term in
            let actual = Self.fieldValue(object, term.field)
            return term.isNegated ? actual != term.value : actual == term.value
        }
    }

    /// The single name this selector pins (`metadata.name=x`), used to speed up lookups.
    var pinnedName: String? {
        terms.first { $0.field == "metadata.name" && !$0.isNegated }?.value
    }

    private static func fieldValue(_ object: JSONValue, _ field: String) -> String {
        let path = field == "source" ? ["source", "component"] : field.split(separator: ".").map(String.init)
        switch object.value(at: path) {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }
}
