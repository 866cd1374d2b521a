// YAML owns decoding YAML (via libyaml) into JSON-compatible values and encoding them back.
// It must never import HTTP, Kube or any other PoolPilot module: everything above depends on it.

/// Reads and writes YAML the way Kubernetes tools do.
///
/// Decoding follows kubectl, which converts YAML to JSON with `sigs.k8s.io/yaml` on top of go-yaml v2
/// (YAML 1.1 scalar rules):
/// - Quoted scalars, block scalars (`|`, `>`) and `!!str`-tagged scalars are always strings.
/// - Plain `true`/`false`/`yes`/`no`/`on`/`off`/`y`/`n` (in lower, Title and UPPER case) are booleans,
///   so `enabled: yes` becomes `true`, exactly as kubectl sends it. Quote them to keep strings.
/// - Plain `null`, `~` and an empty value are null; integers may be decimal, `0x` hex, `0b` binary or
///   `0`-prefixed octal, with `_` separators; floats include `.inf`, `-.inf` and `.nan`.
/// - Timestamps stay strings. Mapping keys that resolve to non-strings become their text form
///   (`on:` becomes the key `"true"`, as with kubectl). Merge keys (`<<`) are honoured.
/// - A repeated key in one mapping is an error, and aliases may not expand a document beyond
///   ``maximumExpandedNodes`` nodes.
///
/// ```swift
/// let documents = try YAML.decodeDocuments(manifest)
/// let text = YAML.encode(["replicas": 3])   // "replicas: 3\n"
/// ```
public enum YAML {
    /// The most nodes one document may expand to through aliases.
    ///
    /// Decoding fails beyond it, which stops "billion laughs" inputs. Default: 1,000,000.
    public static let maximumExpandedNodes = 1_000_000

    /// Decodes every document of a multi-document stream, skipping empty (null) documents.
    ///
    /// - Throws: ``YAMLError/syntax(message:line:column:)`` with the 1-based position of the problem.
    public static func decodeDocuments(_ text: String) throws -> [JSONValue] {
        try YAMLParser.documents(in: text).filter { !$0.isNull }
    }

    /// Decodes a stream that holds at most one non-empty document; an empty stream is `.null`.
    ///
    /// - Throws: ``YAMLError/syntax(message:line:column:)`` on bad input, ``YAMLError/unsupported(_:)``
    ///   when the stream holds more than one document.
    public static func decode(_ text: String) throws -> JSONValue {
        let documents = try decodeDocuments(text)
        guard documents.count <= 1 else {
            throw YAMLError.unsupported("expected one document, found \(documents.count)")
        }
        return documents.first ?? .null
    }

    /// Encodes a value as block-style YAML with sorted keys, ending in a newline.
    ///
    /// Strings are quoted whenever a plain scalar would read back as something else, so
    /// `YAML.decode(YAML.encode(value)) == value` for every value whose doubles are finite or
    /// infinite (NaN never equals itself).
    public static func encode(_ value: JSONValue) -> String {
        var emitter = YAMLEmitter()
        emitter.emitDocument(value)
        return emitter.output
    }

    /// Encodes several values as one stream, separated by `---` lines.
    public static func encodeDocuments(_ values: [JSONValue]) -> String {
        values.map { "---\n" + encode($0) }.joined()
    }
}

/// Errors from reading or writing YAML.
public enum YAMLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The input is not valid YAML; line and column are 1-based.
    case syntax(message: String, line: Int, column: Int)
    /// A construct that decodes but that PoolPilot does not support.
    case unsupported(String)

    /// A lowercase description with the position of a syntax error.
    public var description: String {
        switch self {
        case .syntax(let message, let line, let column): return "yaml: line \(line), column \(column): \(message)"
        case .unsupported(let what): return "yaml: unsupported: \(what)"
        }
    }
}
