/// Settings of the simulated cluster's controllers.
public struct SimulationOptions: Sendable {
    /// Seconds between controller passes.
    ///
    /// Default: 0.25.
    public var passInterval: Double
    /// Seconds a vLLM/Triton pod takes from Running to Ready by default.
    ///
    /// Used when its Deployment sets no `sim.poolpilot.dev/model-load-seconds`. Default: 10.
    public var defaultModelLoadSeconds: Double
    /// Seconds between updates of the `poolpilot-sim-<deployment>` stats ConfigMaps.
    ///
    /// Default: 1.
    public var statsInterval: Double
    /// The nodes to create.
    public var nodes: NodePoolDescription

    /// Creates options; every argument defaults to the documented value.
    public init(
        passInterval: Double = 0.25,
        defaultModelLoadSeconds: Double = 10,
        statsInterval: Double = 1,
        nodes: NodePoolDescription = .standard
    ) {
        self.passInterval = passInterval
        self.defaultModelLoadSeconds = defaultModelLoadSeconds
        self.statsInterval = statsInterval
        self.nodes = nodes
    }
}
