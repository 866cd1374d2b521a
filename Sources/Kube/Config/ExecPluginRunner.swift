import Foundation
import YAML

/// What an exec credential plugin returned.
struct ExecCredential: Sendable {
    /// The bearer token, if the plugin gave one.
    var token: Secret?
    /// PEM client certificate and key, if the plugin gave them.
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: Secret?
    /// When the credential stops being valid; `nil` means it never expires.
    var expiration: Date?
}

/// Runs exec credential plugins (`client.authentication.k8s.io` v1 and v1beta1).
enum ExecPluginRunner {
    /// Cluster details offered to a plugin when `provideClusterInfo` is set.
    struct ClusterInfo: Sendable {
        var server: String
        var tlsServerName: String?
        var insecureSkipTLSVerify: Bool
        var certificateAuthorityPEM: [UInt8]?
    }

    /// Runs the plugin once and parses its ExecCredential.
    ///
    /// - Throws: ``KubeClientError/credentials(_:)`` when the command cannot start, exits non-zero,
    ///   or prints something other than a matching ExecCredential.
    static func run(_ plugin: ExecPluginConfiguration, cluster: ClusterInfo?) async throws -> ExecCredential {
        if plugin.interactiveMode == "Always" {
            throw KubeClientError.credentials("exec plugin \(plugin.command) needs an interactive terminal")
        }
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in plugin.environment { environment[name] = value }
        environment["KUBERNETES_EXEC_INFO"] = try execInfo(plugin, cluster: cluster)
        let executable = try locate(plugin, path: environment["PATH"] ?? "/usr/bin:/bin")

        let output = try await runProcess(executable: executable, arguments: plugin.arguments, environment: environment)
        guard output.status == 0 else {
            let excerpt = String(decoding: output.standardError.prefix(300), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeClientError.credentials(
                "exec plugin \(plugin.command) exited with status \(output.status): \(excerpt)"
            )
        }
        return try parse(output.standardOutput, plugin: plugin)
    }

    /// The `KUBERNETES_EXEC_INFO` document.
    static func execInfo(_ plugin: ExecPluginConfiguration, cluster: ClusterInfo?) throws -> String {
        var spec: [String: JSONValue] = ["interactive": false]
        if plugin.provideClusterInfo, let cluster {
            var info: [String: JSONValue] = [
                "server": .string(cluster.server),
                "insecure-skip-tls-verify": .bool(cluster.insecureSkipTLSVerify),
            ]
            if let name = cluster.tlsServerName { info["tls-server-name"] = .string(name) }
            if let pem = cluster.certificateAuthorityPEM {
                info["certificate-authority-data"] = .string(Data(pem).base64EncodedString())
            }
            spec["cluster"] = .object(info)
        }
        let document: JSONValue = [
            "kind": "ExecCredential", "apiVersion": .string(plugin.apiVersion), "spec": .object(spec),
        ]
        return String(decoding: try document.jsonBytes(), as: UTF8.self)
    }

    /// Parses a plugin's standard output.
    static func parse(_ output: [UInt8], plugin: ExecPluginConfiguration) throws -> ExecCredential {
        guard let document = try? JSONValue(jsonBytes: output) else {
            throw KubeClientError.credentials("exec plugin \(plugin.command) did not print JSON")
        }
        guard document["kind"]?.stringValue == "ExecCredential" else {
            throw KubeClientError.credentials("exec plugin \(plugin.command) did not print an ExecCredential")
        }
        guard document["apiVersion"]?.stringValue == plugin.apiVersion else {
            let got = document["apiVersion"]?.stringValue ?? "none"
            throw KubeClientError.credentials(
                "exec plugin \(plugin.command) answered apiVersion \(got), expected \(plugin.apiVersion)"
            )
        }
        let status = document["status"]
        var credential = ExecCredential()
        credential.token = status?["token"]?.stringValue.flatMap { $0.isEmpty ? nil : Secret($0) }
        credential.clientCertificatePEM = status?["clientCertificateData"]?.stringValue.map { Array($0.utf8) }
        credential.clientKeyPEM = status?["clientKeyData"]?.stringValue.map(Secret.init)
        if let expiration = status?["expirationTimestamp"]?.stringValue {
            guard let date = KubeTime.parse(expiration) else {
                throw KubeClientError.credentials("exec plugin \(plugin.command) gave a bad expirationTimestamp")
            }
            credential.expiration = date
        }
        let hasCertificate = credential.clientCertificatePEM != nil && credential.clientKeyPEM != nil
        guard credential.token != nil || hasCertificate else {
            throw KubeClientError.credentials(
                "exec plugin \(plugin.command) gave neither a token nor a client certificate and key"
            )
        }
        return credential
    }

    private static func locate(_ plugin: ExecPluginConfiguration, path: String) throws -> URL {
        if plugin.command.contains("/") { return URL(fileURLWithPath: plugin.command) }
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(plugin.command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        let hint = plugin.installHint.map { ": \($0)" } ?? ""
        throw KubeClientError.credentials("exec plugin \(plugin.command) not found in PATH\(hint)")
    }

    private struct ProcessOutput {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    /// Runs a process to completion without blocking a concurrency thread; output goes through
    /// temporary files so a chatty plugin can never fill a pipe and stall.
    private static func runProcess(
        executable: URL,
        arguments: [String],
        environment: [String: String]
    ) async throws -> ProcessOutput {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("poolpilot-exec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(
                    throwing: KubeClientError.credentials(
                        "exec plugin \(executable.path) could not start: \(error.localizedDescription)"
                    )
                )
            }
        }
        let standardOutput = (try? Data(contentsOf: outURL)).map { Array($0) } ?? []
        let standardError = (try? Data(contentsOf: errURL)).map { Array($0) } ?? []
        return ProcessOutput(status: status, standardOutput: standardOutput, standardError: standardError)
    }
}
