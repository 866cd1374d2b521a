import Foundation

/// A PromQL query with placeholders for the pool's namespace and pods.
///
/// Placeholders expand to complete, escaped PromQL string literals or matchers, so no namespace
/// or pod name can change the shape of the query:
///
/// - `{{namespace}}` becomes `"vision"`: write `namespace={{namespace}}`.
/// - `{{pods}}` becomes a regex literal matching exactly the pods, `"a|b\\.c"`: write `pod=~{{pods}}`.
/// - `{{selector}}` becomes `namespace="vision",pod=~"a|b"`: write `metric{{{selector}}}`.
///
/// ```swift
/// let template = try PromQLTemplate("sum by (pod) (vllm:num_requests_waiting{{{selector}}})")
/// let query = try template.rendered(namespace: "llm", pods: ["vllm-0", "vllm-1"])
/// ```
public struct PromQLTemplate: Sendable, Equatable {
    /// The template text as given.
    public let text: String

    /// The placeholders a template may use.
    public static let placeholders = ["namespace", "pods", "selector"]

    /// Checks the template's placeholders.
    ///
    /// - Throws: ``PromQLTemplateError/unknownPlaceholder(_:)`` or
    ///   ``PromQLTemplateError/unclosedPlaceholder``.
    public init(_ text: String) throws(PromQLTemplateError) {
        var rest = Substring(text)
        while var open = rest.range(of: "{{") {
            // `metric{{{selector}}}`: the label-set brace comes first, the placeholder after it.
            while rest[open.upperBound...].hasPrefix("{") {
                open = rest.index(after: open.lowerBound)..<rest.index(after: open.upperBound)
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unclosedPlaceholder }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard Self.placeholders.contains(name) else { throw .unknownPlaceholder(name) }
            rest = rest[close.upperBound...]
        }
        self.text = text
    }

    /// The query for `namespace` and `pods`.
    ///
    /// - Throws: ``PromQLTemplateError/noPods`` when `pods` is empty and the template needs them
    ///   (an empty regex would match series without a pod label).
    public func rendered(namespace: String, pods: [String]) throws(PromQLTemplateError) -> String {
        let namespaceLiteral = Self.stringLiteral(namespace)
        let needsPods = text.contains("{{pods}}") || text.contains("{{selector}}")
        if needsPods, pods.isEmpty { throw .noPods }
        let podsLiteral = Self.stringLiteral(pods.map(Self.regexEscaped).joined(separator: "|"))
        return text.replacingPlaceholder("{{selector}}", with: "namespace=\(namespaceLiteral),pod=~\(podsLiteral)")
            .replacingPlaceholder("{{namespace}}", with: namespaceLiteral)
            .replacingPlaceholder("{{pods}}", with: podsLiteral)
    }

    /// A double-quoted PromQL string literal holding `value` exactly.
    public static func stringLiteral(_ value: String) -> String {
        "\"" + ExpositionEscaping.escapedLabelValue(value) + "\""
    }

    /// `value` with every RE2 metacharacter escaped, so it matches only itself.
    public static func regexEscaped(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\.+*?()|[]{}^$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// Why a PromQL template was rejected.
public enum PromQLTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `{{name}}` that is not one of ``PromQLTemplate/placeholders``.
    case unknownPlaceholder(String)
    /// A `{{` without its `}}`.
    case unclosedPlaceholder
    /// The template selects pods but the pool has none.
    case noPods

    /// A lowercase description.
    public var description: String {
        switch self {
        case .unknownPlaceholder(let name):
            return "unknown placeholder '{{\(name)}}': use {{namespace}}, {{pods}} or {{selector}}"
        case .unclosedPlaceholder: return "placeholder opened with '{{' is not closed with '}}'"
        case .noPods: return "no pods to query"
        }
    }
}

extension String {
    fileprivate func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
