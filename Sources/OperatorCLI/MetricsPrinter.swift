import Metrics
import YAML

/// Renders samples and signals for `poolpilot metrics`, as text for people or JSON for tools.
enum MetricsPrinter {
    /// One sample as a JSON object: name, labels, value (number or "NaN"/"+Inf"/"-Inf"), timestampMs.
    static func json(_ sample: Sample) -> String {
        let labels = sample.labels.map { "\(jsonString($0.name)):\(jsonString($0.value))" }.joined(separator: ",")
        let timestamp = sample.timestampMs.map(String.init) ?? "null"
        return "{\"name\":\(jsonString(sample.name)),\"labels\":{\(labels)},\"value\":\(jsonValue(sample.value)),"
            + "\"timestampMs\":\(timestamp)}"
    }

    /// One sample as an exposition line.
    static func text(_ sample: Sample) -> String {
        var line = sample.name
        if !sample.labels.isEmpty {
            let labels = sample.labels.map { "\($0.name)=\"\(ExpositionEscaping.escapedLabelValue($0.value))\"" }
            line += "{\(labels.joined(separator: ","))}"
        }
        line += " \(textValue(sample.value))"
        if let timestamp = sample.timestampMs { line += " \(timestamp)" }
        return line
    }

    /// The signals of every pod and of the pool as one JSON object.
    static func json(pods: [PodSignals], pool: PoolSignals) -> String {
        let podObjects = pods.map { pod in
            let fields = Signal.allCases.map { "\(jsonString($0.rawValue)):\(jsonNumber(pod[$0]))" }
            return "{\"pod\":\(jsonString(pod.pod)),\(fields.joined(separator: ","))}"
        }
        let poolFields = Signal.allCases.map { "\(jsonString($0.rawValue)):\(jsonNumber(pool[$0]))" }
        return "{\"pods\":[\(podObjects.joined(separator: ","))],\"pool\":{\(poolFields.joined(separator: ","))}}"
    }

    /// The signals as a table: one row per pod, then the pool; `-` marks a missing signal.
    static func text(pods: [PodSignals], pool: PoolSignals) -> String {
        let headers = ["POD"] + Signal.allCases.map(\.rawValue)
        var rows = pods.map { pod in [pod.pod] + Signal.allCases.map { textSignal(pod[$0]) } }
        rows.append(["(pool of \(pool.podCount))"] + Signal.allCases.map { textSignal(pool[$0]) })
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0[column].count }.max() ?? 0
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([render(headers)] + rows.map(render)).joined(separator: "\n")
    }

    /// `text` as a JSON string literal (YAML's serializer: `"`, `\\` and control characters escaped).
    static func jsonString(_ text: String) -> String {
        JSONValue.string(text).compactJSONString()
    }

    /// A sample value: a JSON number, or the strings Prometheus uses for NaN and infinities.
    static func jsonValue(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value > 0 ? "\"+Inf\"" : "\"-Inf\"" }
        return "\(value)"
    }

    /// A signal: a JSON number or `null` when missing (signals are never NaN or infinite).
    static func jsonNumber(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return "\(value)"
    }

    static func textValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return "\(value)"
    }

    static func textSignal(_ value: Double?) -> String {
        guard let value else { return "-" }
        return "\(value)"
    }
}
