import Kube

/// Lists and watches one resource type; ``KubeListWatcher`` does it through ``KubeClient``.
public protocol ListWatcher<Object>: Sendable {
    /// The object type.
    associatedtype Object: KubeResource

    /// A description for logs and metric labels, such as `pods`.
    var resourceDescription: String { get }

    /// Lists every object (all pages) with a consistent read; returns them and the list's resourceVersion.
    func list() async throws -> (items: [Object], resourceVersion: String)

    /// Watches changes after `resourceVersion`, calling `onEvent` for each, until the server ends
    /// the stream (returns) or it fails (throws; a 410 throws ``KubeClientError/gone(verb:path:status:)``).
    func watch(
        from resourceVersion: String,
        timeoutSeconds: Int,
        onEvent: (WatchEvent<Object>) async throws -> Void
    ) async throws
}

/// A ``ListWatcher`` over ``KubeClient``, optionally limited to a namespace and selectors so that
/// memory stays proportional to what the operator manages.
public struct KubeListWatcher<Object: KubeResource>: ListWatcher {
    /// The client.
    public let client: KubeClient
    /// The namespace, or `nil` for all namespaces.
    public let namespace: String?
    /// A label selector such as `app.kubernetes.io/managed-by=poolpilot`.
    public let labelSelector: String?
    /// A field selector such as `spec.nodeName=gpu-1`.
    public let fieldSelector: String?
    /// Items per list page (default 500).
    public let pageSize: Int
    let counting: APIRequestCounting

    /// Creates a list-watcher.
    public init(
        client: KubeClient,
        namespace: String? = nil,
        labelSelector: String? = nil,
        fieldSelector: String? = nil,
        pageSize: Int = 500,
        metrics: RuntimeMetrics? = nil
    ) {
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.pageSize = pageSize
        self.counting = APIRequestCounting(metrics: metrics)
    }

    /// The plural resource name, such as `pods` or `inferencepools.poolpilot.dev`.
    public var resourceDescription: String { Object.resource.description }

    /// Lists all pages.
    public func list() async throws -> (items: [Object], resourceVersion: String) {
        let options = ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector)
        let list = try await counting.call("list") {
            try await client.listAll(
                Object.self,
                Object.resource,
                namespace: namespace,
                options: options,
                pageSize: pageSize
            )
        }
        return (list.items, list.metadata.resourceVersion ?? "")
    }

    /// Watches with bookmarks from `resourceVersion`.
    public func watch(
        from resourceVersion: String,
        timeoutSeconds: Int,
        onEvent: (WatchEvent<Object>) async throws -> Void
    ) async throws {
        let options = WatchOptions(
            resourceVersion: resourceVersion,
            labelSelector: labelSelector,
            fieldSelector: fieldSelector,
            allowWatchBookmarks: true,
            timeoutSeconds: timeoutSeconds
        )
        let stream = try await counting.call("watch") {
            try await client.watch(Object.self, namespace: namespace, options: options)
        }
        for try await event in stream {
            try await onEvent(event)
        }
    }
}
