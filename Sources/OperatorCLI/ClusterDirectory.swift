import Cluster
import Foundation
import YAML

#if canImport(Glibc)
    import Glibc
#endif

/// The files of one embedded cluster under its directory.
///
/// `cluster.json` (written once the server listens) holds the server's pid and URL; `kubeconfig`, `pki/`,
/// `data/` and `server.log` sit next to it.
struct ClusterDirectory {
    let url: URL

    /// `$POOLPILOT_CLUSTER_DIR`, else `$XDG_STATE_HOME/poolpilot/cluster`, else `~/.poolpilot/cluster`.
    static var defaultURL: URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["POOLPILOT_CLUSTER_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return URL(fileURLWithPath: state).appendingPathComponent("poolpilot/cluster")
        }
        // $HOME first, as a shell's `~` does; the passwd entry only when HOME is unset.
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".poolpilot/cluster")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".poolpilot/cluster")
    }

    init(_ path: String?) {
        url = path.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? Self.defaultURL
    }

    var stateFile: URL { url.appendingPathComponent("cluster.json") }
    var kubeconfig: URL { url.appendingPathComponent("kubeconfig") }
    var log: URL { url.appendingPathComponent("server.log") }
    var data: URL { url.appendingPathComponent("data") }

    /// What `cluster.json` says.
    struct State {
        var pid: Int32
        var server: String
    }

    /// The recorded state, or `nil` when there is none.
    func readState() -> State? {
        guard let data = FileManager.default.contents(atPath: stateFile.path),
            let value = try? JSONDecoder().decode(JSONValue.self, from: data),
            let pid = value["pid"]?.integerValue, let server = value["server"]?.stringValue
        else { return nil }
        return State(pid: Int32(pid), server: server)
    }

    /// The state of a server that is still alive; a stale file (its process gone) is removed.
    func runningState() -> State? {
        guard let state = readState() else { return nil }
        if Self.isAlive(state.pid) { return state }
        try? FileManager.default.removeItem(at: stateFile)
        return nil
    }

    func writeState(pid: Int32, server: String) throws {
        let value: JSONValue = [
            "pid": .integer(Int64(pid)), "server": .string(server), "kubeconfig": .string(kubeconfig.path),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(value).write(to: stateFile, options: .atomic)
    }

    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 { return errno == EPERM }
        // A zombie still answers kill(0); /proc tells the difference.
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let fields = status.split(separator: ")").last?.split(separator: " ")
        return fields?.first != "Z"
    }
}
