import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The last termination signal received; written by the C signal handler (an atomic store is
/// async-signal-safe), read by ``SignalHandler``.
private let receivedSignal = Atomic<Int32>(0)

/// Turns SIGTERM and SIGINT into a ``StopSignal`` so the runtime can shut down gracefully.
///
/// The first signal asks for a graceful stop; a second one exits at once with status 1, as
/// controller-runtime does. The C handler only stores the signal number; ``watch(firing:)``
/// notices it within ``pollInterval`` and fires the stop signal.
public enum SignalHandler {
    /// How often the flag is checked (default 100 ms).
    public static let pollInterval: Duration = .milliseconds(100)

    /// Installs the handlers for SIGTERM and SIGINT; call it once, early in `main`.
    public static func install() {
        let handler: @convention(c) (Int32) -> Void = { signalNumber in
            if receivedSignal.exchange(signalNumber, ordering: .sequentiallyConsistent) != 0 {
                _exit(1)
            }
        }
        signal(SIGTERM, handler)
        signal(SIGINT, handler)
    }

    /// The signal received so far, if any.
    public static var received: Int32? {
        let value = receivedSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Fires `stop` when a signal arrives; returns then, or when `stop` fires otherwise, or on cancellation.
    public static func watch(firing stop: StopSignal, clock: any RuntimeClock = SystemRuntimeClock()) async {
        while !stop.isFired {
            if received != nil {
                stop.fire()
                return
            }
            guard await stop.sleep(on: clock, until: clock.now.advanced(by: pollInterval)) else { return }
        }
    }
}
