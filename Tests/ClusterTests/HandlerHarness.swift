import Cluster
import Foundation
import HTTP
import YAML

/// Drives ``APIHandler`` directly, without sockets.
struct HandlerHarness {
    let server: EmbeddedAPIServer
    let token = "test-token"

    init(historyLimit: Int = 10_000, dataDirectory: URL? = nil) async throws {
        var configuration = EmbeddedAPIServerConfiguration(credentials: .tokenOnly("test-token"))
        configuration.isInsecureHTTP = true
        configuration.historyLimit = historyLimit
        configuration.dataDirectory = dataDirectory
        server = try await EmbeddedAPIServer(configuration: configuration)
    }

    /// The decoded answer of one request.
    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: JSONValue
        var raw: [UInt8]
    }

    func send(
        _ method: String,
        _ target: String,
        body: JSONValue? = nil,
        contentType: String? = "application/json",
        accept: String? = nil
    ) async -> Reply {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if let contentType, body != nil { headers.add("Content-Type", contentType) }
        if let accept { headers.add("Accept", accept) }
        let bytes = body.map { Array(JSONText.encode($0).utf8) } ?? []
        let response = await server.handler.handle(
            HTTPServerRequest(method: method, target: target, headers: headers, body: bytes)
        )
        guard case .bytes(let raw) = response.body else {
            return Reply(status: response.status, headers: response.headers, body: .null, raw: [])
        }
        let decoded = (try? JSONDecoder().decode(JSONValue.self, from: Data(raw))) ?? .null
        return Reply(status: response.status, headers: response.headers, body: decoded, raw: raw)
    }

    /// Opens a watch and returns its stream.
    func watch(_ target: String) async -> AsyncStream<[UInt8]>? {
        let response = await server.handler.handle(
            HTTPServerRequest(method: "GET", target: target, headers: ["Authorization": "Bearer \(token)"])
        )
        guard case .stream(let stream) = response.body else { return nil }
        return stream
    }
}

/// JSON text for test bodies.
enum JSONText {
    static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func decodeLines(_ bytes: [UInt8]) -> [JSONValue] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8))
        }
    }
}

/// Reads watch events from a stream one at a time.
struct WatchReader {
    var iterator: AsyncStream<[UInt8]>.AsyncIterator
    var pending: [JSONValue] = []

    init(_ stream: AsyncStream<[UInt8]>) {
        iterator = stream.makeAsyncIterator()
    }

    /// The next event, or `nil` when the stream ended.
    mutating func next() async -> JSONValue? {
        while pending.isEmpty {
            guard let chunk = await iterator.next() else { return nil }
            pending = JSONText.decodeLines(chunk)
        }
        return pending.removeFirst()
    }
}

func configMap(
    _ name: String,
    namespace: String = "default",
    data: [String: JSONValue] = ["a": "1"],
    labels: [String: JSONValue] = [:]
) -> JSONValue {
    [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": .object(labels)],
        "data": .object(data),
    ]
}
