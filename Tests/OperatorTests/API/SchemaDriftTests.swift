import Foundation
import Operator
import TestSupport
import Testing
import YAML

/// Checks that the API types and the schema they publish describe the same fields.
@Suite struct SchemaDriftTests {
    /// Walks `value` against `schema` and returns every mismatch as a path and a problem.
    private func mismatches(_ value: JSONValue, _ schema: SchemaNode, path: String) -> [String] {
        switch (value, schema.kind) {
        case (.object(let members), .object):
            if let values = schema.additionalProperties {
                return members.flatMap { mismatches($0.value, values, path: "\(path).\($0.key)") }
            }
            var problems: [String] = []
            for (key, member) in members {
                guard let child = schema.property(key) else {
                    problems.append("\(path).\(key): the type encodes it, the schema lacks it")
                    continue
                }
                problems += mismatches(member, child, path: "\(path).\(key)")
            }
            return problems
        case (.array(let elements), .array):
            guard let items = schema.items else { return ["\(path): array without items"] }
            return elements.enumerated().flatMap { mismatches($0.element, items, path: "\(path)[\($0.offset)]") }
        case (.string(let text), .string):
            if !schema.enumValues.isEmpty, !schema.enumValues.contains(text) {
                return ["\(path): \(text) is not in the schema's enum"]
            }
            return []
        case (.integer, .integer), (.integer, .number), (.double, .number), (.bool, .boolean):
            return []
        default:
            return ["\(path): encoded \(value) does not match schema type \(schema.kind)"]
        }
    }

    /// Every field path the value has, arrays written as `[]` and map keys as `*`.
    private func valuePaths(_ value: JSONValue, _ schema: SchemaNode, path: String) -> Set<String> {
        switch value {
        case .object(let members):
            var paths: Set<String> = []
            for (key, member) in members {
                let isMap = schema.additionalProperties != nil
                let child = schema.additionalProperties ?? schema.property(key)
                let childPath = "\(path).\(isMap ? "*" : key)"
                paths.insert(childPath)
                if let child { paths.formUnion(valuePaths(member, child, path: childPath)) }
            }
            return paths
        case .array(let elements):
            guard let items = schema.items else { return [] }
            return elements.reduce(into: Set<String>()) { $0.formUnion(valuePaths($1, items, path: path + "[]")) }
        default:
            return []
        }
    }

    /// Every field path the schema declares.
    private func schemaPaths(_ schema: SchemaNode, path: String) -> Set<String> {
        if let items = schema.items { return schemaPaths(items, path: path + "[]") }
        if let values = schema.additionalProperties {
            return Set([path + ".*"]).union(schemaPaths(values, path: path + ".*"))
        }
        return schema.properties.reduce(into: Set<String>()) { paths, property in
            paths.insert("\(path).\(property.name)")
            paths.formUnion(schemaPaths(property.schema, path: "\(path).\(property.name)"))
        }
    }

    private func json<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func `every spec field is in the schema and every schema field is in the spec`() throws {
        let encoded = try json(PoolExamples.fullSpec)
        #expect(mismatches(encoded, InferencePoolSpec.schema, path: "spec") == [])
        let uncovered = schemaPaths(InferencePoolSpec.schema, path: "spec")
            .subtracting(valuePaths(encoded, InferencePoolSpec.schema, path: "spec"))
        #expect(uncovered == [], "schema fields the Swift type never encodes")
    }

    @Test func `every status field is in the schema and every schema field is in the status`() throws {
        let encoded = try json(PoolExamples.fullStatus)
        #expect(mismatches(encoded, InferencePoolStatus.schema, path: "status") == [])
        let uncovered = schemaPaths(InferencePoolStatus.schema, path: "status")
            .subtracting(valuePaths(encoded, InferencePoolStatus.schema, path: "status"))
        #expect(uncovered == [], "schema fields the Swift type never encodes")
    }

    @Test func `a field the schema lacks is reported`() throws {
        var encoded = try json(PoolExamples.fullSpec)
        encoded["surprise"] = .bool(true)
        let problems = mismatches(encoded, InferencePoolSpec.schema, path: "spec")
        #expect(problems == ["spec.surprise: the type encodes it, the schema lacks it"])
    }

    @Test func `a minimal spec decodes to the schema's defaults`() throws {
        let minimal =
            #"{"targetRef":{"name":"web"},"server":"triton","maxReplicas":4,"targets":{"queueTimeSeconds":1}}"#
        let spec = try JSONDecoder().decode(InferencePoolSpec.self, from: Data(minimal.utf8))
        let schema = InferencePoolSpec.schema
        #expect(schema.property("minReplicas")?.defaultValue == .integer(Int64(spec.minReplicas)))
        #expect(schema.property("paused")?.defaultValue == .bool(spec.paused))
        let metrics = try #require(schema.property("metrics"))
        #expect(metrics.property("intervalSeconds")?.defaultValue == .integer(Int64(spec.metrics.intervalSeconds)))
        #expect(metrics.property("source")?.defaultValue == .string(spec.metrics.source.rawValue))
        let gpu = try #require(schema.property("gpu"))
        #expect(gpu.property("resourceName")?.defaultValue == .string(spec.gpu.resourceName))
        #expect(gpu.property("count")?.defaultValue == .integer(Int64(spec.gpu.count)))
        #expect(gpu.property("capacityPolicy")?.defaultValue == .string(spec.gpu.capacityPolicy.rawValue))
        #expect(gpu.property("managePlacement")?.defaultValue == .bool(spec.gpu.managePlacement))
        #expect(schema.property("burst")?.property("factor")?.defaultValue == .number(spec.burst.factor))
        #expect(spec.targetRef.kind == "Deployment")
    }

    @Test func `the committed CRD is what the types generate`() throws {
        let file = TestPaths.repositoryRoot.appendingPathComponent(InferencePoolCRD.path)
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == InferencePoolCRD.yamlText, "run 'make manifests' and commit crds/")
    }
}
