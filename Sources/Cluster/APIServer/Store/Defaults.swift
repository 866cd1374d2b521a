import YAML

/// Per-kind defaults the real API server fills in, for the fields clients commonly read back.
enum Defaults {
    /// `object` with the defaults of its kind applied where the fields are absent.
    static func apply(_ input: JSONValue, resource: ResourceDefinition) -> JSONValue {
        var object = input
        switch (resource.group, resource.plural) {
        case ("", "namespaces"):
            set(&object, ["spec", "finalizers"], ["kubernetes"])
            set(&object, ["status", "phase"], "Active")
            var labels = object["metadata"]?["labels"]?.objectValue ?? [:]
            labels["kubernetes.io/metadata.name"] = .string(object.name)
            object.setValue(.object(labels), at: ["metadata", "labels"])
        case ("", "pods"):
            set(&object, ["spec", "restartPolicy"], "Always")
            set(&object, ["spec", "schedulerName"], "default-scheduler")
            set(&object, ["spec", "dnsPolicy"], "ClusterFirst")
            set(&object, ["spec", "terminationGracePeriodSeconds"], 30)
            set(&object, ["status", "phase"], "Pending")
            if let containers = object["spec"]?["containers"]?.arrayValue {
                object.setValue(.array(containers.map(containerDefaults)), at: ["spec", "containers"])
            }
        case ("", "services"):
            set(&object, ["spec", "type"], "ClusterIP")
            set(&object, ["spec", "sessionAffinity"], "None")
            if let ports = object["spec"]?["ports"]?.arrayValue {
                let defaulted = ports.map { port -> JSONValue in
                    var port = port
                    if port["protocol"] == nil { port["protocol"] = "TCP" }
                    if port["targetPort"] == nil { port["targetPort"] = port["port"] ?? .null }
                    return port
                }
                object.setValue(.array(defaulted), at: ["spec", "ports"])
            }
        case ("", "secrets"):
            set(&object, ["type"], "Opaque")
            if let stringData = object["stringData"]?.objectValue {
                var data = object["data"]?.objectValue ?? [:]
                for (key, value) in stringData {
                    data[key] = .string(Base64.encode(Array((value.stringValue ?? "").utf8)))
                }
                object["data"] = .object(data)
                object["stringData"] = nil
            }
        case ("apps", "deployments"):
            set(&object, ["spec", "replicas"], 1)
            set(&object, ["spec", "revisionHistoryLimit"], 10)
            set(&object, ["spec", "progressDeadlineSeconds"], 600)
            set(
                &object,
                ["spec", "strategy"],
                ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]]
            )
        case ("apps", "replicasets"), ("apps", "statefulsets"):
            set(&object, ["spec", "replicas"], 1)
        default:
            break
        }
        return object
    }

    private static func containerDefaults(_ container: JSONValue) -> JSONValue {
        var container = container
        if container["imagePullPolicy"] == nil {
            let image = container["image"]?.stringValue ?? ""
            let tag = image.split(separator: "/").last.map { $0.split(separator: ":").dropFirst().first } ?? nil
            container["imagePullPolicy"] = tag == nil || tag == "latest" ? "Always" : "IfNotPresent"
        }
        if container["terminationMessagePath"] == nil { container["terminationMessagePath"] = "/dev/termination-log" }
        if container["terminationMessagePolicy"] == nil { container["terminationMessagePolicy"] = "File" }
        return container
    }

    private static func set(_ object: inout JSONValue, _ path: [String], _ value: JSONValue) {
        if object.value(at: path) == nil || object.value(at: path)?.isNull == true { object.setValue(value, at: path) }
    }
}

/// Standard base64, used for Secret `stringData`.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes bytes with padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value =
                (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8)
                | UInt32(chunk.count > 2 ? chunk[2] : 0)
            output.append(alphabet[Int((value >> 18) & 63)])
            output.append(alphabet[Int((value >> 12) & 63)])
            output.append(chunk.count > 1 ? alphabet[Int((value >> 6) & 63)] : UInt8(ascii: "="))
            output.append(chunk.count > 2 ? alphabet[Int(value & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
