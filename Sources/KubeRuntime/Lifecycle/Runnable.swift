import Kube

/// A long-running piece the ``Manager`` starts and stops: informers, controllers, the event recorder.
public protocol Runnable: Sendable {
    /// Runs until ``stop()`` (or cancellation).
    func run() async
    /// Asks ``run()`` to finish its work and return.
    func stop() async
}

/// An informer's view the manager needs: whether its first list is stored.
public protocol CacheSyncing: Runnable {
    /// A description for logs.
    var resourceName: String { get }
    /// Returns once the first list is stored, or when the calling task is cancelled.
    func waitUntilSynced() async
}

extension Informer: CacheSyncing {
    /// The resource this informer watches.
    public var resourceName: String { Object.resource.description }
}

extension Controller: Runnable {}

extension EventRecorder: Runnable {}
