import Foundation
import TestSupport

/// One embedded cluster shared by a serialized suite; the server exits with the test process.
enum SharedCluster {
    static let matrix = Holder { EmbeddedCluster.Options() }

    /// Starts the cluster on first use.
    actor Holder {
        private let options: @Sendable () -> EmbeddedCluster.Options
        private var starting: Task<EmbeddedCluster, any Error>?

        init(_ options: @escaping @Sendable () -> EmbeddedCluster.Options) {
            self.options = options
        }

        /// The cluster; concurrent first callers share one start (the actor is reentrant across awaits).
        func get() async throws -> EmbeddedCluster {
            if let starting { return try await starting.value }
            let options = options()
            let task = Task { try await EmbeddedCluster.start(options) }
            starting = task
            return try await task.value
        }
    }
}

/// Paths of files the tests apply.
enum Fixtures {
    static var widgetsCRD: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures/widgets.crd", withExtension: "json") else {
                throw FixtureError.missing("widgets.crd.json")
            }
            return url
        }
    }

    static var crdDirectory: URL { TestPaths.repositoryRoot.appendingPathComponent("crds") }
    static var samplesDirectory: URL { TestPaths.repositoryRoot.appendingPathComponent("manifests/samples") }

    enum FixtureError: Error {
        case missing(String)
    }
}

extension KubectlResult {
    /// Output lines split into columns, for asserting on tables.
    var rows: [[String]] {
        stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
    }

    /// stdout and stderr together, for failure messages.
    var combined: String { "exit \(exitCode)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}
