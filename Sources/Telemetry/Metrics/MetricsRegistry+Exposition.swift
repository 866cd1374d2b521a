extension MetricsRegistry {
    /// Every metric in Prometheus text format 0.0.4: `# HELP`, `# TYPE`, then samples.
    ///
    /// Families are ordered by name and series by label values, so the output is stable. A family
    /// with no series yet still shows its HELP and TYPE lines.
    public func exposition() -> String {
        var out = ""
        for name in families.keys.sorted() {
            guard let family = families[name] else { continue }
            out += "# HELP \(name) \(Self.escapedHelp(family.help))\n"
            out += "# TYPE \(name) \(family.kind.rawValue)\n"
            let series = family.series.withLock { $0 }
            if family.kind == .histogram {
                appendHistogram(family, series, to: &out)
            } else {
                for labelValues in series.values.keys.sorted(by: Self.lexicographic) {
                    let value = series.values[labelValues] ?? 0
                    out += name + Self.labelText(family.labelNames, labelValues) + " " + Self.number(value) + "\n"
                }
            }
        }
        return out
    }

    private func appendHistogram(_ family: MetricFamily, _ series: MetricFamily.Series, to out: inout String) {
        for labelValues in series.histograms.keys.sorted(by: Self.lexicographic) {
            guard let state = series.histograms[labelValues] else { continue }
            let cumulative = Self.cumulative(state.bucketCounts)
            for (bound, count) in zip(family.buckets, cumulative) {
                let labels = Self.labelText(family.labelNames + ["le"], labelValues + [Self.number(bound)])
                out += "\(family.name)_bucket\(labels) \(count)\n"
            }
            let infinity = Self.labelText(family.labelNames + ["le"], labelValues + ["+Inf"])
            out += "\(family.name)_bucket\(infinity) \(state.count)\n"
            let labels = Self.labelText(family.labelNames, labelValues)
            out += "\(family.name)_sum\(labels) \(Self.number(state.sum))\n"
            out += "\(family.name)_count\(labels) \(state.count)\n"
        }
    }

    static func lexicographic(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.lexicographicallyPrecedes(rhs)
    }

    /// `{a="1",b="2"}`, or nothing when there are no labels.
    static func labelText(_ names: [String], _ values: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let pairs = zip(names, values).map { name, value in "\(name)=\"\(escapedLabelValue(value))\"" }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// HELP text escapes backslash and newline.
    static func escapedHelp(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n")
    }

    /// Label values escape backslash, double quote and newline.
    static func escapedLabelValue(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n")
    }

    /// Integral values without a fraction, others in shortest form, and `+Inf`, `-Inf`, `NaN`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
