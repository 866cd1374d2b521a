/// The Prometheus configuration and target file the demo writes: one scrape job reading loopback
/// pod targets from a file the demo keeps up to date (`file_sd_configs`).
public enum PrometheusDemoConfig {
    /// A target: the pod's loopback address and port, with its namespace and name as labels.
    public struct Target: Sendable, Equatable {
        /// `ip:port`; must be on 127.0.0.0/8.
        public var address: String
        /// Pod namespace.
        public var namespace: String
        /// Pod name.
        public var pod: String

        /// Creates a target.
        public init(address: String, namespace: String, pod: String) {
            self.address = address
            self.namespace = namespace
            self.pod = pod
        }
    }

    /// `prometheus.yml` scraping the targets listed in `targetsFile` every `interval` seconds.
    public static func configuration(targetsFile: String, interval: Int) -> String {
        """
        global:
          scrape_interval: \(interval)s
          evaluation_interval: \(interval)s
        scrape_configs:
        - job_name: poolpilot-demo-pods
          scrape_interval: \(interval)s
          scrape_timeout: \(max(1, interval - 1))s
          metrics_path: /metrics
          file_sd_configs:
          - files: ['\(targetsFile)']
            refresh_interval: \(interval)s

        """
    }

    /// The `file_sd` JSON for the targets; any target not on loopback is left out.
    public static func targets(_ targets: [Target]) -> String {
        let entries = targets.filter { $0.address.hasPrefix("127.") }.map { target in
            "{\"targets\":[\"\(target.address)\"],\"labels\":{\"namespace\":\"\(target.namespace)\",\"pod\":\"\(target.pod)\"}}"
        }
        return "[" + entries.joined(separator: ",") + "]\n"
    }
}
