import YAML

/// Converts objects between the version a client speaks and the version the store keeps.
///
/// Events are stored as `core/v1` and also served as `events.k8s.io/v1` with renamed fields;
/// HorizontalPodAutoscalers are stored as `autoscaling/v2` and served as `autoscaling/v1` with the
/// CPU target mapped. Every other multi-version resource (CRDs with `conversion: None`) only has its
/// `apiVersion` rewritten, like the real server.
enum Conversion {
    private static let eventRenames: [(core: String, events: String)] = [
        ("involvedObject", "regarding"), ("message", "note"), ("source", "deprecatedSource"),
        ("firstTimestamp", "deprecatedFirstTimestamp"), ("lastTimestamp", "deprecatedLastTimestamp"),
        ("count", "deprecatedCount"), ("reportingComponent", "reportingController"),
    ]

    /// The object as `resource`'s version presents it.
    static func toServed(_ object: JSONValue, resource: ResourceDefinition) -> JSONValue {
        var converted = object
        if resource.group == "events.k8s.io" {
            converted = renamed(object, from: \.core, to: \.events)
        } else if resource.group == "autoscaling", resource.version == "v1" {
            converted = hpaToV1(object)
        }
        converted["apiVersion"] = .string(resource.apiVersion)
        return converted
    }

    /// The object as the store keeps it, from what a client sent for `resource`.
    static func toStored(_ object: JSONValue, resource: ResourceDefinition, storageVersion: String) -> JSONValue {
        var converted = object
        if resource.group == "events.k8s.io" {
            converted = renamed(object, from: \.events, to: \.core)
        } else if resource.group == "autoscaling", resource.version == "v1" {
            converted = hpaToV2(object)
        }
        converted["apiVersion"] = .string(storageVersion)
        return converted
    }

    private static func renamed(
        _ object: JSONValue,
        from: KeyPath<(core: String, events: String), String>,
        to: KeyPath<(core: String, events: String), String>
    ) -> JSONValue {
        guard case .object(var members) = object else { return object }
        for pair in eventRenames {
            if let value = members.removeValue(forKey: pair[keyPath: from]) { members[pair[keyPath: to]] = value }
        }
        return .object(members)
    }

    private static func hpaToV1(_ object: JSONValue) -> JSONValue {
        var converted = object
        let metrics = object["spec"]?["metrics"]?.arrayValue ?? []
        let cpu = metrics.first { $0["resource"]?["name"] == "cpu" }
        converted.setValue(nil, at: ["spec", "metrics"])
        converted.setValue(nil, at: ["spec", "behavior"])
        if let utilization = cpu?["resource"]?["target"]?["averageUtilization"] {
            converted.setValue(utilization, at: ["spec", "targetCPUUtilizationPercentage"])
        }
        if var status = object["status"]?.objectValue {
            status["conditions"] = nil
            status["currentMetrics"] = nil
            converted["status"] = .object(status)
        }
        return converted
    }

    private static func hpaToV2(_ object: JSONValue) -> JSONValue {
        var converted = object
        guard let utilization = object["spec"]?["targetCPUUtilizationPercentage"] else { return converted }
        converted.setValue(nil, at: ["spec", "targetCPUUtilizationPercentage"])
        let metric: JSONValue = [
            "type": "Resource",
            "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": utilization]],
        ]
        converted.setValue([metric], at: ["spec", "metrics"])
        return converted
    }
}
