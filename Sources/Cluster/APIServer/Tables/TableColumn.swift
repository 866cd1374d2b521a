import Foundation
import YAML

/// One column of a `meta.k8s.io/v1 Table`: its definition and how to compute a cell.
struct TableColumn: Sendable {
    /// The header.
    var name: String
    /// The Table column type: `string`, `integer`, `number`, `boolean` or `date`.
    var type: String
    /// `name` for the name column, otherwise "" or a hint.
    var format: String = ""
    /// Shown in `kubectl explain`-like help.
    var description: String = ""
    /// 0 for normal columns, 1 for `-o wide` only.
    var priority: Int = 0
    /// Computes the cell; `nil` renders as `<none>` in kubectl.
    var cell: @Sendable (JSONValue, Date) -> JSONValue

    /// The definition member of the Table.
    var definition: JSONValue {
        [
            "name": .string(name), "type": .string(type), "format": .string(format),
            "description": .string(description), "priority": .integer(Int64(priority)),
        ]
    }

    /// The standard name column.
    static let name = TableColumn(
        name: "Name",
        type: "string",
        format: "name",
        description: "Name must be unique within a namespace."
    ) { object, _ in .string(object.name) }

    /// The standard age column from `creationTimestamp`.
    static let age = TableColumn(
        name: "Age",
        type: "string",
        description: "CreationTimestamp is a timestamp representing the server time when this object was created."
    ) { object, now in age(object["metadata"]?["creationTimestamp"], now: now) }

    /// A column reading a string at a dotted path.
    static func text(_ name: String, _ path: String, priority: Int = 0) -> TableColumn {
        let steps = path.split(separator: ".").map(String.init)
        return TableColumn(name: name, type: "string", priority: priority) { object, _ in
            switch object.value(at: steps) {
            case .string(let text): return .string(text)
            case .integer(let number): return .string(String(number))
            case .bool(let flag): return .string(flag ? "true" : "false")
            default: return .string("<none>")
            }
        }
    }

    /// A column reading an integer at a dotted path, 0 when absent.
    static func integer(_ name: String, _ path: String, priority: Int = 0) -> TableColumn {
        let steps = path.split(separator: ".").map(String.init)
        return TableColumn(name: name, type: "integer", priority: priority) { object, _ in
            .integer(object.value(at: steps)?.integerValue ?? 0)
        }
    }

    /// A human age for a timestamp value, or `<unknown>`.
    static func age(_ stamp: JSONValue?, now: Date) -> JSONValue {
        guard let text = stamp?.stringValue, let date = KubeTime.parse(text) else { return "<unknown>" }
        return .string(KubeTime.humanAge(since: date, now: now))
    }
}
