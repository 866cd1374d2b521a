import Operator
import Testing

@Suite struct SpecValidatorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout InferencePoolSpec) -> Void
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "two slices of one MIG profile",
            change: {
                $0.gpu.resourceName = "nvidia.com/mig-3g.40gb"
                $0.gpu.count = 2
            },
            expected: "gpu.count must be 1 for the MIG profile nvidia.com/mig-3g.40gb"
        ),
        Case(
            name: "several slices of a media-extension MIG profile",
            change: {
                $0.gpu.resourceName = "nvidia.com/mig-1g.10gb.me"
                $0.gpu.count = 4
            },
            expected: "gpu.count must be 1 for the MIG profile nvidia.com/mig-1g.10gb.me"
        ),
        Case(
            name: "prometheus source without a server",
            change: { $0.metrics.source = .prometheus },
            expected: "metrics.prometheus is missing"
        ),
        Case(
            name: "a PromQL custom target on a scraped pool",
            change: { $0.targets.custom = [CustomTarget(name: "q", query: "sum(x)", targetPerReplica: 1)] },
            expected: "has a PromQL query but metrics.source is scrape"
        ),
        Case(
            name: "zero minimum without scale to zero",
            change: { $0.minReplicas = 0 },
            expected: "minReplicas 0 needs scaleToZero.enabled"
        ),
        Case(
            name: "scale to zero without Prometheus",
            change: { $0.scaleToZero = ScaleToZeroSpec(enabled: true, activationQuery: "sum(q)") },
            expected: "scaleToZero needs metrics.prometheus"
        ),
        Case(
            name: "fallback outside the bounds",
            change: { $0.metrics.fallback = FallbackSpec(replicas: 20) },
            expected: "metrics.fallback.replicas (20) must be between"
        ),
        Case(
            name: "a malformed MIG profile",
            change: { $0.gpu.resourceName = "nvidia.com/mig-big" },
            expected: "is not a MIG profile"
        ),
        Case(name: "a hold above the maximum", change: { $0.replicas = 12 }, expected: "a manual hold of 12"),
        Case(
            name: "a fraction target above one",
            change: { $0.targets.kvCacheUtilization = 80 },
            expected: "must be at most 1"
        ),
    ]

    @Test(arguments: cases) func `rejects what the schema cannot express`(_ testCase: Case) {
        var spec = ReconcilePlannerTests.spec()
        testCase.change(&spec)
        let problems = SpecValidator.problems(in: spec)
        #expect(problems.contains { $0.contains(testCase.expected) }, "\(problems)")
    }

    @Test func `accepts the samples' kind of spec`() {
        #expect(SpecValidator.problems(in: ReconcilePlannerTests.spec()) == [])
        var full = PoolExamples.fullSpec
        #expect(SpecValidator.problems(in: full).count == 1)
        full.targets.custom.removeFirst()
        #expect(SpecValidator.problems(in: full) == [])
    }
}
