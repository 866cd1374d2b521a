import Kube
import KubeRuntime

/// The reconciler's ``EventSink`` on top of the runtime's `EventRecorder` (what `poolpilot run` uses).
///
/// The recorder buffers without blocking the reconcile, aggregates repeats into one Event with a
/// count, writes events.k8s.io/v1 (core/v1 when that group is not served), and writes nothing
/// while this replica does not lead.
public struct RecorderEventSink: EventSink {
    /// The recorder events go to.
    public let recorder: EventRecorder

    /// Creates a sink feeding `recorder`.
    public init(recorder: EventRecorder) {
        self.recorder = recorder
    }

    /// Buffers `event` about the pool; returns at once.
    public func record(_ event: PlannedEvent, namespace: String, name: String, uid: String?) async {
        let reference = ObjectReference(
            kind: InferencePoolCRD.kind,
            namespace: namespace,
            name: name,
            uid: uid,
            apiVersion: "\(InferencePoolAPI.group)/\(InferencePoolAPI.version)"
        )
        recorder.record(
            EventOccurrence(
                regarding: reference,
                severity: event.type == "Normal" ? .normal : .warning,
                reason: event.reason.rawValue,
                action: event.reason.action,
                note: event.message
            )
        )
    }
}

extension EventReason {
    /// The `action` an events.k8s.io Event carries: what PoolPilot did or tried.
    var action: String {
        switch self {
        case .ScaledUp, .ScaledDown, .ScaleLimited, .CapacityExhausted: return "Scale"
        case .PlacementPatched: return "PatchTemplate"
        case .MetricsUnavailable: return "ReadSignals"
        case .InvalidSpec, .TargetNotFound: return "Validate"
        case .Conflict, .ManualScale: return "Observe"
        }
    }
}
