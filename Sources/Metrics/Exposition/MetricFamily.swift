/// The type a `# TYPE` line declares for a metric family.
public enum MetricType: String, Sendable, Equatable, CaseIterable {
    /// A monotonically increasing total; read it through a rate.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Cumulative buckets (`_bucket{le}`), `_sum` and `_count`.
    case histogram
    /// An OpenMetrics gauge histogram (`_bucket{le}`, `_gsum`, `_gcount`).
    case gaugeHistogram = "gaugehistogram"
    /// Quantiles (`{quantile}`), `_sum` and `_count`.
    case summary
    /// An OpenMetrics info family: one `_info` sample of value 1 carrying labels.
    case info
    /// An OpenMetrics state set: one sample per state, labelled with the family name, value 0 or 1.
    case stateSet = "stateset"
    /// No declared type: text 0.0.4 `untyped` and OpenMetrics `unknown`.
    case unknown
}

/// One label: a name and its unescaped value.
public struct Label: Sendable, Hashable {
    /// The label name.
    public var name: String
    /// The label value, with escapes resolved.
    public var value: String

    /// Creates a label.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An exemplar attached to an OpenMetrics counter or bucket sample.
public struct Exemplar: Sendable, Equatable {
    /// The exemplar's labels, for example a trace id.
    public var labels: [Label]
    /// The exemplar's value.
    public var value: Double
    /// The exemplar's timestamp in seconds since the epoch, if given.
    public var timestampSeconds: Double?

    /// Creates an exemplar.
    public init(labels: [Label], value: Double, timestampSeconds: Double? = nil) {
        self.labels = labels
        self.value = value
        self.timestampSeconds = timestampSeconds
    }
}

/// One sample line: a sample name, labels, a value and an optional timestamp.
public struct Sample: Sendable, Equatable {
    /// The sample name as written, for example `vllm:prompt_tokens_total` or `x_bucket`.
    public var name: String
    /// Labels in the order they were written.
    public var labels: [Label]
    /// The value; NaN and infinities are kept as they were written.
    public var value: Double
    /// The timestamp in milliseconds since the epoch, if the line had one.
    ///
    /// Text 0.0.4 writes milliseconds; OpenMetrics writes seconds, which are converted here
    /// (rounded to the nearest millisecond).
    public var timestampMs: Int64?
    /// The OpenMetrics exemplar, if any.
    public var exemplar: Exemplar?

    /// Creates a sample.
    public init(
        name: String,
        labels: [Label] = [],
        value: Double,
        timestampMs: Int64? = nil,
        exemplar: Exemplar? = nil
    ) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMs = timestampMs
        self.exemplar = exemplar
    }

    /// The value of the label named `name`, or `nil`.
    public subscript(label name: String) -> String? {
        labels.first { $0.name == name }?.value
    }

    /// The sample name and labels sorted by name, for example `x{a="1",b="2"}`: equal for the same series.
    public var seriesKey: String {
        let sorted = labels.sorted { $0.name < $1.name }
        let rendered = sorted.map { "\($0.name)=\"\(ExpositionEscaping.escapedLabelValue($0.value))\"" }
        return rendered.isEmpty ? name : "\(name){\(rendered.joined(separator: ","))}"
    }
}

/// A metric family: its metadata and its samples, in page order.
public struct MetricFamily: Sendable, Equatable {
    /// The family name: the `# TYPE` name, or the sample name for samples without metadata.
    public var name: String
    /// The declared type; ``MetricType/unknown`` when none was declared.
    public var type: MetricType
    /// The `# HELP` text with escapes resolved, if any.
    public var help: String?
    /// The OpenMetrics `# UNIT`, if any.
    public var unit: String?
    /// The family's samples in page order.
    public var samples: [Sample]

    /// Creates a family.
    public init(name: String, type: MetricType, help: String? = nil, unit: String? = nil, samples: [Sample] = []) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}

/// Escaping rules shared by the parser, the CLI and PromQL templates.
public enum ExpositionEscaping {
    /// Escapes a label value for the exposition formats and PromQL string literals: `\`, `"`, newline.
    public static func escapedLabelValue(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
