import Foundation

/// The embedded server's test-only admin endpoint (`/poolpilot/admin`, see docs/embedded-cluster.md),
/// reached through kubectl's `--raw` verbs with the cluster's admin credentials.
extension EmbeddedCluster {
    /// Changes fault settings; members left out keep their values.
    ///
    /// Example:
    /// `try await cluster.setFaults(#"{"tooManyRequestsFraction":0.5,"latencyMilliseconds":20}"#)`.
    public func setFaults(_ json: String) async throws {
        try await admin(["replace", "--raw", "/poolpilot/admin/faults", "-f", "-"], body: json)
    }

    /// Turns every fault off.
    public func clearFaults() async throws {
        try await admin(["delete", "--raw", "/poolpilot/admin/faults"], body: nil)
    }

    /// Drops the watch history: resuming a watch or a list from any earlier resourceVersion answers 410.
    public func compactHistory() async throws {
        try await admin(["create", "--raw", "/poolpilot/admin/compact", "-f", "-"], body: "{}")
    }

    /// Simulates an API server restart: closes every watch, drops the history and answers 503 for a while.
    public func simulateRestart(unavailableSeconds: Double = 0) async throws {
        try await admin(
            ["create", "--raw", "/poolpilot/admin/restart", "-f", "-"],
            body: "{\"unavailableSeconds\":\(unavailableSeconds)}"
        )
    }

    private func admin(_ arguments: [String], body: String?) async throws {
        let result = try await Kubectl(cluster: self).run(arguments, stdin: body)
        guard result.exitCode == 0 else { throw EmbeddedClusterError.adminFailed(result.stderr) }
    }
}
