import Foundation
import YAML

/// Renders objects as `meta.k8s.io/v1 Table`, the form `kubectl get` asks for.
enum TableRenderer {
    /// How much of each object a row carries (`includeObject`).
    enum IncludeObject: String, Sendable {
        case none = "None"
        case metadata = "Metadata"
        case object = "Object"
    }

    /// The columns for `resource`: CRD printer columns (or a default Age), else the built-in ones.
    static func columns(for resource: ResourceDefinition) -> [TableColumn] {
        guard resource.isCustom else { return BuiltinColumns.columns(for: resource.plural) }
        guard let printerColumns = resource.printerColumns, !printerColumns.isEmpty else {
            return [
                .name,
                TableColumn(name: "Age", type: "date") { object, now in
                    TableColumn.age(object["metadata"]?["creationTimestamp"], now: now)
                },
            ]
        }
        return [.name] + printerColumns.map(column)
    }

    private static func column(_ printer: PrinterColumn) -> TableColumn {
        let path = SimpleJSONPath(printer.jsonPath)
        return TableColumn(
            name: printer.name,
            type: printer.type,
            format: printer.format,
            description: printer.description,
            priority: printer.priority
        ) { object, now in
            let results = path.results(in: object)
            guard let first = results.first else { return .null }
            switch printer.type {
            case "integer": return first.integerValue.map { .integer($0) } ?? .null
            case "number": return first.doubleValue.map { .double($0) } ?? .null
            case "boolean": return first.boolValue.map { .bool($0) } ?? .null
            case "date":
                guard let text = first.stringValue, let date = KubeTime.parse(text) else { return "<invalid>" }
                return .string(KubeTime.humanAge(since: date, now: now))
            default:
                let texts = results.map { value -> String in
                    if case .string(let text) = value { return text }
                    return value.compactJSONString()
                }
                return .string(texts.joined(separator: " "))
            }
        }
    }

    /// A Table of `objects`; `withHeaders` false leaves out the column definitions (watch events after the first).
    static func table(
        _ objects: [JSONValue],
        resource: ResourceDefinition,
        include: IncludeObject,
        listMetadata: [String: JSONValue],
        withHeaders: Bool = true,
        now: Date
    ) -> JSONValue {
        let columns = columns(for: resource)
        let rows: [JSONValue] = objects.map { object in
            var row: [String: JSONValue] = ["cells": .array(columns.map { $0.cell(object, now) })]
            switch include {
            case .none: break
            case .object: row["object"] = object
            case .metadata:
                var metadata = object.metadata
                metadata["managedFields"] = nil
                row["object"] = [
                    "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata),
                ]
            }
            return .object(row)
        }
        return [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(listMetadata),
            "columnDefinitions": .array(withHeaders ? columns.map(\.definition) : []),
            "rows": .array(rows),
        ]
    }
}
