import Foundation
import Scaling
import YAML

/// Reading a scenario file for `poolpilot recommend`.
enum ScenarioFile {
    /// Why a scenario could not be loaded.
    enum LoadError: Error, CustomStringConvertible {
        /// The file could not be read.
        case unreadable(path: String, reason: String)
        /// The file is not a valid scenario.
        case invalid(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "cannot read scenario \(path): \(reason)"
            case .invalid(let path, let reason): return "invalid scenario \(path): \(reason)"
            }
        }
    }

    /// Loads and decodes the scenario at `path` (`-` for standard input).
    static func load(_ path: String) throws -> Scenario {
        let data: Data
        do {
            data =
                path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError.unreadable(path: path, reason: "\(error.localizedDescription)".lowercased())
        }
        return try decode(data, path: path)
    }

    /// Decodes scenario text: JSON when it starts with `{`, YAML otherwise.
    static func decode(_ data: Data, path: String) throws -> Scenario {
        let text = String(decoding: data, as: UTF8.self)
        let isJSON = text.first { !$0.isWhitespace } == "{"
        do {
            if isJSON { return try JSONDecoder().decode(Scenario.self, from: data) }
            return try YAML.decode(text).decode(Scenario.self)
        } catch let error as DecodingError {
            throw LoadError.invalid(path: path, reason: describe(error))
        } catch let error as YAMLError {
            throw LoadError.invalid(path: path, reason: error.description)
        } catch {
            throw LoadError.invalid(path: path, reason: "\(error)".lowercased())
        }
    }

    /// A short, lowercase account of a decoding error with the path to the bad field.
    static func describe(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "top level" : String(path.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(at(context)): missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(at(context)): \(context.debugDescription.lowercased())"
        case .dataCorrupted(let context): return "\(at(context)): \(context.debugDescription.lowercased())"
        @unknown default: return "\(error)"
        }
    }
}
