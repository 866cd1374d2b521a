import Foundation

/// The CA, serving certificate, admin client certificate and admin token of one embedded cluster.
///
/// Generated once per cluster directory with the `openssl` command-line tool and reused on restart,
/// so a kubeconfig written earlier keeps working.
public struct ClusterCredentials: Sendable {
    /// The CA certificate (PEM) that signed the serving and client certificates.
    public var certificateAuthorityPEM: String
    /// The serving certificate (PEM), valid for 127.0.0.1 and localhost.
    public var serverCertificatePEM: String
    /// The serving key (PEM).
    public var serverKeyPEM: String
    /// The admin client certificate (PEM): CN=admin, O=system:masters.
    public var clientCertificatePEM: String
    /// The admin client key (PEM).
    public var clientKeyPEM: String
    /// The admin bearer token.
    public var adminToken: String

    /// Creates credentials from their parts.
    public init(
        certificateAuthorityPEM: String,
        serverCertificatePEM: String,
        serverKeyPEM: String,
        clientCertificatePEM: String,
        clientKeyPEM: String,
        adminToken: String
    ) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.serverCertificatePEM = serverCertificatePEM
        self.serverKeyPEM = serverKeyPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.adminToken = adminToken
    }

    /// Credentials with only a token, for plain-HTTP servers.
    public static func tokenOnly(_ token: String) -> ClusterCredentials {
        ClusterCredentials(
            certificateAuthorityPEM: "",
            serverCertificatePEM: "",
            serverKeyPEM: "",
            clientCertificatePEM: "",
            clientKeyPEM: "",
            adminToken: token
        )
    }

    /// A random 32-byte hex token.
    public static func randomToken() -> String {
        (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// Loads the credentials under `directory/pki`, generating whatever is missing.
    ///
    /// - Throws: ``ClusterError/certificates(_:)`` when `openssl` is missing or fails.
    public static func loadOrCreate(in directory: URL, withCertificates: Bool = true) throws -> ClusterCredentials {
        let pki = directory.appendingPathComponent("pki")
        try FileManager.default.createDirectory(at: pki, withIntermediateDirectories: true)
        let tokenURL = pki.appendingPathComponent("admin.token")
        if !FileManager.default.fileExists(atPath: tokenURL.path) {
            try Data(randomToken().utf8).write(to: tokenURL, options: .atomic)
            chmod(tokenURL.path, 0o600)
        }
        let token = try String(contentsOf: tokenURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard withCertificates else { return tokenOnly(token) }
        let generator = CertificateGenerator(directory: pki)
        try generator.ensure()
        func read(_ name: String) throws -> String {
            try String(contentsOf: pki.appendingPathComponent(name), encoding: .utf8)
        }
        return ClusterCredentials(
            certificateAuthorityPEM: try read("ca.crt"),
            serverCertificatePEM: try read("server.crt"),
            serverKeyPEM: try read("server.key"),
            clientCertificatePEM: try read("admin.crt"),
            clientKeyPEM: try read("admin.key"),
            adminToken: token
        )
    }
}

/// Runs `openssl` to make the cluster's CA and certificates.
struct CertificateGenerator {
    let directory: URL

    func ensure() throws {
        let manager = FileManager.default
        let needed = ["ca.crt", "ca.key", "server.crt", "server.key", "admin.crt", "admin.key"]
        if needed.allSatisfy({ manager.fileExists(atPath: directory.appendingPathComponent($0).path) }) { return }
        try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "3650", "-subj", "/CN=poolpilot-embedded-ca",
        ])
        try issue(
            name: "server",
            subject: "/CN=poolpilot-apiserver",
            extensions: "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
        )
        try issue(name: "admin", subject: "/O=system:masters/CN=admin", extensions: "extendedKeyUsage=clientAuth\n")
        for key in ["ca.key", "server.key", "admin.key"] { chmod(directory.appendingPathComponent(key).path, 0o600) }
    }

    private func issue(name: String, subject: String, extensions: String) throws {
        let extensionsFile = directory.appendingPathComponent("\(name).ext")
        try Data(extensions.utf8).write(to: extensionsFile)
        defer { try? FileManager.default.removeItem(at: extensionsFile) }
        try openssl([
            "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "\(name).key",
            "-out", "\(name).csr", "-subj", subject,
        ])
        try openssl([
            "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
            String(UInt32.random(in: 1...UInt32.max)), "-days", "825", "-out", "\(name).crt", "-extfile", "\(name).ext",
        ])
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(name).csr"))
    }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ClusterError.certificates("cannot run openssl (install the openssl package): \(error)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ClusterError.certificates("openssl \(arguments.first ?? "") failed: \(message)")
        }
    }
}

/// Errors from setting up or controlling an embedded cluster.
public enum ClusterError: Error, Sendable, CustomStringConvertible {
    /// Certificates could not be made.
    case certificates(String)
    /// A cluster already runs in the directory.
    case alreadyRunning(directory: String, pid: Int32, server: String)
    /// Nothing runs in the directory.
    case notRunning(directory: String)
    /// The server did not become ready in time, with the tail of its log.
    case startFailed(String)
    /// The port is taken.
    case portInUse(Int)

    /// A lowercase description.
    public var description: String {
        switch self {
        case .certificates(let reason): return "certificates: \(reason)"
        case .alreadyRunning(let directory, let pid, let server):
            return "a cluster is already running in \(directory) (pid \(pid), \(server)); "
                + "run 'poolpilot cluster down --dir \(directory)' first"
        case .notRunning(let directory): return "no cluster is running in \(directory)"
        case .startFailed(let reason): return "cluster failed to start: \(reason)"
        case .portInUse(let port): return "port \(port) is already in use; pick another with --port or use --port 0"
        }
    }
}
