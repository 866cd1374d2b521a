import Operator
import Testing

@testable import OperatorCLI

@Suite struct RunOptionsTests {
    static let spec = CommandSpec(name: "run", summary: "", options: RunOptions.options)

    static func configuration(_ arguments: [String], environment: [String: String] = [:]) throws
        -> OperatorConfiguration
    {
        try RunOptions.configuration(from: ParsedArguments(arguments, spec: spec), environment: environment)
    }

    @Test func `kubebuilder flags set the configuration`() throws {
        let configuration = try Self.configuration([
            "--kubeconfig", "/tmp/kc", "--context", "gpu", "-n", "a", "--namespace=b", "--leader-elect",
            "--leader-election-id", "pp", "--leader-election-namespace", "ops", "--workers", "4",
            "--metrics-bind-address", "127.0.0.1:0", "--health-probe-bind-address", "0", "--log-level", "debug",
            "--log-format", "text",
        ])
        #expect(configuration.kubeconfig == "/tmp/kc")
        #expect(configuration.context == "gpu")
        #expect(configuration.namespaces == ["a", "b"])
        #expect(configuration.leaderElect)
        #expect(configuration.leaderElectionID == "pp")
        #expect(configuration.leaderElectionNamespace == "ops")
        #expect(configuration.workers == 4)
        #expect(configuration.metricsBindAddress == OperatorConfiguration.BindAddress(host: "127.0.0.1", port: 0))
        #expect(configuration.healthProbeBindAddress == nil)
        #expect(configuration.logLevel == "debug")
        #expect(configuration.logFormat == "text")
    }

    @Test func `the environment fills in what flags leave out, and flags win`() throws {
        let environment = [
            "POOLPILOT_NAMESPACE": "x,y", "POOLPILOT_LEADER_ELECT": "true", "POOLPILOT_WORKERS": "3",
            "POOLPILOT_METRICS_BIND_ADDRESS": ":9090", "KUBECONFIG": "/env/kc",
        ]
        let configuration = try Self.configuration(["--workers", "5"], environment: environment)
        #expect(configuration.namespaces == ["x", "y"])
        #expect(configuration.leaderElect)
        #expect(configuration.workers == 5)
        #expect(configuration.metricsBindAddress == OperatorConfiguration.BindAddress(host: "0.0.0.0", port: 9090))
        #expect(configuration.kubeconfig == "/env/kc")
    }

    @Test func `bad values are usage errors`() {
        #expect(throws: ArgumentError.self) { try Self.configuration(["--workers", "0"]) }
        #expect(throws: ArgumentError.self) { try Self.configuration(["--log-format", "xml"]) }
        #expect(throws: ArgumentError.self) { try Self.configuration(["--health-probe-bind-address", "nowhere"]) }
    }
}
