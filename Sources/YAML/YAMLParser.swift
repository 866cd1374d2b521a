internal import CYaml

/// Builds JSON values from libyaml's event stream: the only file that touches libyaml's parser.
struct YAMLParser {
    /// A value with the number of nodes it expands to, kept for anchors.
    private struct Anchored {
        var value: JSONValue
        var nodeCount: Int
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var anchors: [String: Anchored] = [:]
    private var documentNodes = 0

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// Every document in `text`, in order, including empty (null) ones.
    static func documents(in text: String) throws -> [JSONValue] {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else { throw YAMLError.unsupported("libyaml could not start") }
        defer { yaml_parser_delete(parser) }

        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var reader = YAMLParser(parser: parser)
            return try reader.readStream()
        }
    }

    // MARK: - Events

    /// One libyaml event copied into Swift values so the C event can be freed at once.
    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(value: String, anchor: String?, tag: String?, style: ScalarResolver.Style)
        case sequenceStart(anchor: String?)
        case sequenceEnd
        case mappingStart(anchor: String?)
        case mappingEnd
    }

    private func nextEvent() throws -> (event: Event, line: Int, column: Int) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1

        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, line, column)
        case YAML_STREAM_END_EVENT: return (.streamEnd, line, column)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, line, column)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, line, column)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: Self.string(event.data.alias.anchor) ?? ""), line, column)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: ScalarResolver.Style = scalar.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
            let tag = Self.string(scalar.tag).map(Self.expandTag)
            return (.scalar(value: value, anchor: Self.string(scalar.anchor), tag: tag, style: style), line, column)
        case YAML_SEQUENCE_START_EVENT:
            return (.sequenceStart(anchor: Self.string(event.data.sequence_start.anchor)), line, column)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, line, column)
        case YAML_MAPPING_START_EVENT:
            return (.mappingStart(anchor: Self.string(event.data.mapping_start.anchor)), line, column)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, line, column)
        default: throw YAMLError.syntax(message: "unexpected parser event", line: line, column: column)
        }
    }

    private func syntaxError() -> YAMLError {
        let mark = parser.pointee.problem_mark
        var message = Self.string(parser.pointee.problem) ?? "invalid yaml"
        if let context = Self.string(parser.pointee.context) { message = "\(context), \(message)" }
        return .syntax(message: message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Short `!!x` tags arrive expanded from libyaml; keep that form for comparisons.
    private static func expandTag(_ tag: String) -> String {
        tag.hasPrefix("!!") ? "tag:yaml.org,2002:" + tag.dropFirst(2) : tag
    }

    // MARK: - Tree building

    private mutating func readStream() throws -> [JSONValue] {
        var documents: [JSONValue] = []
        while true {
            let (event, line, column) = try nextEvent()
            switch event {
            case .streamStart, .documentEnd: continue
            case .streamEnd: return documents
            case .documentStart:
                anchors = [:]
                documentNodes = 0
                let first = try nextEvent()
                documents.append(try readNode(first).value)
            default:
                throw YAMLError.syntax(message: "expected a document", line: line, column: column)
            }
        }
    }

    /// Reads the node that starts with `start`, returning its value and how many nodes it expands to.
    private mutating func readNode(_ start: (event: Event, line: Int, column: Int)) throws -> Anchored {
        let node: Anchored
        let anchor: String?
        switch start.event {
        case .scalar(let text, let scalarAnchor, let tag, let style):
            do {
                node = Anchored(value: try ScalarResolver.resolve(text, style: style, tag: tag), nodeCount: 1)
            } catch let error as YAMLError {
                throw YAMLError.syntax(message: error.description, line: start.line, column: start.column)
            }
            anchor = scalarAnchor
        case .alias(let name):
            guard let target = anchors[name] else {
                throw YAMLError.syntax(message: "unknown anchor \"\(name)\"", line: start.line, column: start.column)
            }
            node = target
            anchor = nil
        case .sequenceStart(let sequenceAnchor):
            node = try readSequence()
            anchor = sequenceAnchor
        case .mappingStart(let mappingAnchor):
            node = try readMapping()
            anchor = mappingAnchor
        default:
            throw YAMLError.syntax(message: "expected a node", line: start.line, column: start.column)
        }

        documentNodes += node.nodeCount
        guard documentNodes <= YAML.maximumExpandedNodes else {
            throw YAMLError.unsupported("document expands to more than \(YAML.maximumExpandedNodes) nodes via aliases")
        }
        if let anchor { anchors[anchor] = node }
        return node
    }

    private mutating func readSequence() throws -> Anchored {
        var elements: [JSONValue] = []
        var count = 1
        while true {
            let next = try nextEvent()
            if case .sequenceEnd = next.event { return Anchored(value: .array(elements), nodeCount: count) }
            let element = try readNode(next)
            elements.append(element.value)
            count += element.nodeCount
        }
    }

    private mutating func readMapping() throws -> Anchored {
        var members: [String: JSONValue] = [:]
        var merged: [String: JSONValue] = [:]
        var count = 1
        while true {
            let keyStart = try nextEvent()
            if case .mappingEnd = keyStart.event { break }
            let key = try readNode(keyStart)
            let value = try readNode(try nextEvent())
            count += key.nodeCount + value.nodeCount

            // `<<: *base` (or a list of them) supplies keys the mapping does not set itself.
            if case .scalar("<<", _, _, .plain) = keyStart.event {
                try mergeSources(value.value, at: keyStart).forEach { source in
                    for (name, member) in source where merged[name] == nil { merged[name] = member }
                }
                continue
            }
            let name = try keyText(key.value, start: keyStart)
            guard members[name] == nil else {
                throw YAMLError.syntax(
                    message: "mapping key \"\(name)\" already defined",
                    line: keyStart.line,
                    column: keyStart.column
                )
            }
            members[name] = value.value
        }
        for (name, member) in merged where members[name] == nil { members[name] = member }
        return Anchored(value: .object(members), nodeCount: count)
    }

    private func mergeSources(
        _ value: JSONValue,
        at start: (event: Event, line: Int, column: Int)
    ) throws -> [[String: JSONValue]] {
        switch value {
        case .object(let members): return [members]
        case .array(let items):
            return try items.map { item in
                guard case .object(let members) = item else {
                    throw YAMLError.syntax(
                        message: "merge list holds a non-mapping",
                        line: start.line,
                        column: start.column
                    )
                }
                return members
            }
        default:
            throw YAMLError.syntax(message: "merge value is not a mapping", line: start.line, column: start.column)
        }
    }

    private func keyText(_ key: JSONValue, start: (event: Event, line: Int, column: Int)) throws -> String {
        switch key {
        case .array, .object:
            throw YAMLError.syntax(message: "mapping keys must be scalars", line: start.line, column: start.column)
        default:
            if case .scalar(let text, _, _, _) = start.event {
                return ScalarResolver.keyText(key, original: text)
            }
            return ScalarResolver.keyText(key, original: "")
        }
    }
}
