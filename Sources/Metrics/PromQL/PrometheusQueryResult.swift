import Foundation

/// One element of an instant vector.
public struct VectorSample: Sendable, Equatable {
    /// The series labels (no `__name__` after aggregation).
    public var metric: [String: String]
    /// The evaluation timestamp, seconds since the epoch.
    public var timestamp: Double
    /// The value; `"NaN"`, `"+Inf"` and `"-Inf"` become the matching `Double`.
    public var value: Double
}

/// What an instant query returned.
public enum QueryData: Sendable, Equatable {
    /// An instant vector: zero or more series. Empty means no series matched, not zero.
    case vector([VectorSample])
    /// A scalar with its timestamp.
    case scalar(timestamp: Double, value: Double)
    /// A string with its timestamp.
    case string(timestamp: Double, value: String)
    /// A range vector (a query such as `x[5m]`): series with their points.
    case matrix([(metric: [String: String], points: [(timestamp: Double, value: Double)])])

    /// Matrices compare by labels and points.
    public static func == (lhs: QueryData, rhs: QueryData) -> Bool {
        switch (lhs, rhs) {
        case (.vector(let left), .vector(let right)): return left == right
        case (.scalar(let t1, let v1), .scalar(let t2, let v2)): return t1 == t2 && (v1 == v2 || (v1.isNaN && v2.isNaN))
        case (.string(let t1, let v1), .string(let t2, let v2)): return t1 == t2 && v1 == v2
        case (.matrix(let left), .matrix(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { l, r in
                    l.metric == r.metric && l.points.map(\.timestamp) == r.points.map(\.timestamp)
                }
        default: return false
        }
    }
}

/// A successful query response: the data plus any warnings and infos Prometheus attached.
public struct PrometheusQueryResult: Sendable, Equatable {
    /// The result.
    public var data: QueryData
    /// Warnings: the data is still valid but may be partial.
    public var warnings: [String]
    /// Info notes (newer Prometheus), for example "metric might not be a counter".
    public var infos: [String]

    /// Decodes a `/api/v1/query` response body.
    ///
    /// - Throws: ``PrometheusError/api(errorType:message:httpStatus:)`` for `status: error`,
    ///   ``PrometheusError/invalidResponse(_:)`` for anything that is not the documented envelope.
    public static func decode(_ body: [UInt8], httpStatus: Int) throws(PrometheusError) -> PrometheusQueryResult {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(body))
        } catch {
            if httpStatus != 200 { throw .status(code: httpStatus) }
            throw .invalidResponse("\(error)")
        }
        guard envelope.status == "success" else {
            throw .api(
                errorType: envelope.errorType ?? "unknown",
                message: envelope.error ?? "",
                httpStatus: httpStatus
            )
        }
        guard let data = envelope.data else { throw .invalidResponse("success without data") }
        return PrometheusQueryResult(
            data: try data.decoded(),
            warnings: envelope.warnings ?? [],
            infos: envelope.infos ?? []
        )
    }

    private struct Envelope: Decodable {
        var status: String
        var data: RawData?
        var errorType: String?
        var error: String?
        var warnings: [String]?
        var infos: [String]?
    }

    private struct RawData: Decodable {
        var resultType: String
        var result: RawResult

        func decoded() throws(PrometheusError) -> QueryData {
            switch (resultType, result) {
            case ("vector", .series(let series)):
                var samples: [VectorSample] = []
                for item in series {
                    guard let point = item.value else { throw .invalidResponse("vector element without value") }
                    samples.append(
                        VectorSample(metric: item.metric, timestamp: point.timestamp, value: try point.number())
                    )
                }
                return .vector(samples)
            case ("matrix", .series(let series)):
                var rows: [(metric: [String: String], points: [(timestamp: Double, value: Double)])] = []
                for item in series {
                    var points: [(timestamp: Double, value: Double)] = []
                    for point in item.values ?? [] { points.append((point.timestamp, try point.number())) }
                    rows.append((item.metric, points))
                }
                return .matrix(rows)
            case ("scalar", .point(let point)):
                return .scalar(timestamp: point.timestamp, value: try point.number())
            case ("string", .point(let point)):
                return .string(timestamp: point.timestamp, value: point.text)
            default:
                throw .invalidResponse("result type '\(resultType)' does not match its result")
            }
        }
    }

    private enum RawResult: Decodable {
        case series([RawSeries])
        case point(RawPoint)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let series = try? container.decode([RawSeries].self) {
                self = .series(series)
            } else {
                self = .point(try container.decode(RawPoint.self))
            }
        }
    }

    private struct RawSeries: Decodable {
        var metric: [String: String]
        var value: RawPoint?
        var values: [RawPoint]?
    }

    /// `[<seconds>, "<value>"]`.
    private struct RawPoint: Decodable {
        var timestamp: Double
        var text: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            timestamp = try container.decode(Double.self)
            text = try container.decode(String.self)
        }

        func number() throws(PrometheusError) -> Double {
            guard let value = NumberParsing.double(text) else {
                throw .invalidResponse("sample value '\(text)' is not a number")
            }
            return value
        }
    }
}
