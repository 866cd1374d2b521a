import Foundation
import HTTP
import Metrics

/// Where `poolpilot metrics` reads a page from: a file, a URL, or standard input (`-`).
enum MetricsInput {
    /// Why an input could not be read.
    enum ReadError: Error, CustomStringConvertible {
        case unreadable(source: String, reason: String)
        case status(source: String, code: Int)
        case parse(source: String, ExpositionError)

        var description: String {
            switch self {
            case .unreadable(let source, let reason): return "\(source): \(reason)"
            case .status(let source, let code): return "\(source): http status \(code)"
            case .parse(let source, let error): return "\(source): \(error)"
            }
        }
    }

    /// Whether `source` names a URL rather than a file.
    static func isURL(_ source: String) -> Bool {
        source.hasPrefix("http://") || source.hasPrefix("https://")
    }

    /// Reads a whole page and its format: from the Content-Type for URLs, sniffed otherwise.
    static func read(_ source: String) async throws -> (bytes: [UInt8], format: ExpositionFormat) {
        if isURL(source) {
            let client = HTTPClient(configuration: HTTPClientConfiguration(requestTimeout: 30))
            defer { client.shutdown() }
            let request = HTTPRequest(
                url: source,
                headers: ["Accept": ExpositionFormats.acceptHeader, "Accept-Encoding": "gzip"]
            )
            let response: HTTPResponse
            do {
                response = try await client.execute(request)
            } catch {
                throw ReadError.unreadable(source: source, reason: "\(error)")
            }
            guard response.status == 200 else { throw ReadError.status(source: source, code: response.status) }
            let format =
                response.headers["Content-Type"].flatMap(ExpositionFormat.init(contentType:))
                ?? ExpositionFormat.sniffed(response.body)
            return (response.body, format)
        }
        let data: Data?
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: source)
        }
        guard let data else { throw ReadError.unreadable(source: source, reason: "cannot read file") }
        let bytes = Array(data)
        return (bytes, ExpositionFormat.sniffed(bytes))
    }

    /// Reads and parses a page, keeping only `selection`.
    static func snapshot(_ source: String, selection: FamilySelection) async throws -> MetricSnapshot {
        let (bytes, format) = try await read(source)
        do {
            return try MetricSnapshot.parse(bytes, format: format, selection: selection)
        } catch {
            throw ReadError.parse(source: source, error)
        }
    }
}
