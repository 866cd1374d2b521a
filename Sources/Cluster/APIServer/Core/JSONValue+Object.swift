import Foundation
import YAML

// Accessors for the parts of an unstructured Kubernetes object the server reads and writes.
extension JSONValue {
    /// The `metadata` object, or an empty one.
    var metadata: [String: JSONValue] {
        get { self["metadata"]?.objectValue ?? [:] }
        set { self["metadata"] = .object(newValue) }
    }

    /// `metadata.name`, or "".
    var name: String { self["metadata"]?["name"]?.stringValue ?? "" }
    /// `metadata.namespace`, or "".
    var namespace: String { self["metadata"]?["namespace"]?.stringValue ?? "" }
    /// `metadata.uid`, or "".
    var uid: String { self["metadata"]?["uid"]?.stringValue ?? "" }
    /// `metadata.resourceVersion`, or "".
    var resourceVersion: String { self["metadata"]?["resourceVersion"]?.stringValue ?? "" }

    /// `metadata.labels` as strings.
    var labels: [String: String] {
        guard let labels = self["metadata"]?["labels"]?.objectValue else { return [:] }
        return labels.compactMapValues(\.stringValue)
    }

    /// `metadata.finalizers`.
    var finalizers: [String] {
        self["metadata"]?["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Whether `metadata.deletionTimestamp` is set.
    var isBeingDeleted: Bool {
        if let stamp = self["metadata"]?["deletionTimestamp"], !stamp.isNull { return true }
        return false
    }

    /// `metadata.ownerReferences` uids.
    var ownerUIDs: [String] {
        self["metadata"]?["ownerReferences"]?.arrayValue?.compactMap { $0["uid"]?.stringValue } ?? []
    }

    /// Sets one metadata member, or removes it for `nil`.
    mutating func setMetadata(_ key: String, _ value: JSONValue?) {
        var meta = metadata
        meta[key] = value
        metadata = meta
    }

    /// The value at a path of keys; array steps are not supported here.
    func value(atDotted path: String) -> JSONValue? {
        value(at: path.split(separator: ".").map(String.init))
    }

    /// Sets the value at a path of object keys, creating intermediate objects; `nil` removes it.
    mutating func setValue(_ newValue: JSONValue?, at path: [String]) {
        guard let first = path.first else {
            if let newValue { self = newValue }
            return
        }
        guard case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = newValue
        } else {
            var child = members[first] ?? .object([:])
            if child.objectValue == nil { child = .object([:]) }
            child.setValue(newValue, at: Array(path.dropFirst()))
            members[first] = child
        }
        self = .object(members)
    }

    /// This value without the keys `keys` (objects only).
    func removing(_ keys: [String]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for key in keys { members[key] = nil }
        return .object(members)
    }
}

/// Timestamps in the formats Kubernetes uses.
enum KubeTime {
    /// RFC 3339 with seconds precision and `Z`, as in `creationTimestamp`.
    static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T"
            + "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// Parses RFC 3339 (with or without fractional seconds).
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// A short human age, like kubectl prints: `45s`, `5m`, `3h12m`, `2d`.
    static func humanAge(since date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        let days = hours / 24
        if days < 8 { return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h" }
        if days < 365 * 2 { return "\(days)d" }
        return "\(days / 365)y"
    }
}
