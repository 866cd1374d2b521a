import Kube
import KubeRuntime
import Synchronization

/// An in-memory API for one resource type with watch history, cuts and compaction, for informer
/// tests that need no server.
final class FakeListWatcher: ListWatcher, Sendable {
    typealias Object = Pod

    struct State {
        var revision = 100
        var objects: [String: Pod] = [:]
        var history: [(revision: Int, event: WatchEvent<Pod>)] = []
        var compactedRevision = 0
        var cutAfterEvents: Int?
        var failuresLeft = 0
        var lists = 0
        var watches: [String] = []
        var listeners: [UInt64: AsyncStream<Void>.Continuation] = [:]
        var nextListener: UInt64 = 0
    }

    let state = Mutex(State())

    var resourceDescription: String { "pods" }

    /// Creates, updates or deletes a pod and records the change.
    func apply(_ name: String, labels: [String: String] = [:], deleting: Bool = false) {
        let listeners = state.withLock { state in
            state.revision += 1
            var pod = Pod(
                metadata: ObjectMeta(
                    name: name,
                    namespace: "ns",
                    resourceVersion: String(state.revision),
                    labels: labels
                )
            )
            let event: WatchEvent<Pod>
            if deleting {
                pod = state.objects.removeValue(forKey: name) ?? pod
                pod.metadata.resourceVersion = String(state.revision)
                event = .deleted(pod)
            } else {
                event = state.objects[name] == nil ? .added(pod) : .modified(pod)
                state.objects[name] = pod
            }
            state.history.append((state.revision, event))
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield() }
    }

    /// Forgets history so that older resourceVersions get 410.
    func compact() {
        let listeners = state.withLock { state in
            state.compactedRevision = state.revision
            state.history.removeAll()
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    func list() async throws -> (items: [Pod], resourceVersion: String) {
        state.withLock { state in
            state.lists += 1
            return (
                state.objects.values.sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") },
                String(state.revision)
            )
        }
    }

    func watch(from resourceVersion: String, timeoutSeconds: Int, onEvent: (WatchEvent<Pod>) async throws -> Void)
        async throws
    {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let setup: (UInt64, Bool)? = try state.withLock { state in
            state.watches.append(resourceVersion)
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                throw KubeClientError.api(verb: "watch", path: "/api/v1/pods", code: 500, status: nil)
            }
            guard let start = Int(resourceVersion), start >= state.compactedRevision else {
                throw KubeClientError.gone(verb: "watch", path: "/api/v1/pods", status: nil)
            }
            state.nextListener += 1
            state.listeners[state.nextListener] = continuation
            return (state.nextListener, true)
        }
        defer { _ = state.withLock { $0.listeners.removeValue(forKey: setup?.0 ?? 0) } }
        var position = Int(resourceVersion) ?? 0
        var sent = 0
        continuation.yield()
        for await _ in stream {
            // One snapshot of history and revision, so the bookmark never skips a later change.
            let (pending, gone, cut, snapshot) = state.withLock { state in
                (
                    state.history.filter { $0.revision > position }, position < state.compactedRevision,
                    state.cutAfterEvents, state.revision
                )
            }
            if gone { throw KubeClientError.gone(verb: "watch", path: "/api/v1/pods", status: nil) }
            if let cut, sent >= cut { return }
            for (revision, event) in pending {
                try await onEvent(event)
                position = revision
                sent += 1
                if let cut, sent >= cut { return }
            }
            try await onEvent(.bookmark(resourceVersion: String(snapshot)))
            position = max(position, snapshot)
        }
    }
}
