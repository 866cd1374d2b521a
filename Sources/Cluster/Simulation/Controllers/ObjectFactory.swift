import Foundation
import Kube
import YAML

/// Builds the objects the simulated controllers create: owner references, pods from templates,
/// names with random suffixes, events.
enum ObjectFactory {
    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// `base-xxxxx` with five random characters from the Kubernetes name-suffix alphabet.
    static func generatedName(_ base: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<5).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        return "\(base)-\(suffix)"
    }

    /// A controlling owner reference to an object.
    static func ownerReference(apiVersion: String, kind: String, metadata: ObjectMeta) -> OwnerReference {
        OwnerReference(
            apiVersion: apiVersion,
            kind: kind,
            name: metadata.name ?? "",
            uid: metadata.uid ?? "",
            controller: true,
            blockOwnerDeletion: true
        )
    }

    /// A new Pending pod from a template, owned by `owner`.
    static func pod(
        template: PodTemplateSpec?,
        name: String,
        namespace: String,
        owner: OwnerReference,
        extraLabels: [String: String] = [:],
        nodeName: String? = nil
    ) -> Pod {
        var labels = template?.metadata?.labels ?? [:]
        labels.merge(extraLabels) { _, new in new }
        var spec = template?.spec ?? PodSpec(containers: [])
        if let nodeName { spec.nodeName = nodeName }
        return Pod(
            metadata: ObjectMeta(
                name: name,
                namespace: namespace,
                labels: labels,
                annotations: template?.metadata?.annotations,
                ownerReferences: [owner]
            ),
            spec: spec,
            status: PodStatus(phase: "Pending")
        )
    }

    /// A core/v1 Event about an object.
    static func event(
        about reference: ObjectReference,
        type: String,
        reason: String,
        message: String,
        component: String,
        now: Date
    ) -> Event {
        let time = Kube.KubeTime.format(now)
        let base = "\(reference.name ?? "object").\(UInt64(now.timeIntervalSince1970 * 1_000_000))"
        return Event(
            metadata: ObjectMeta(name: base, namespace: reference.namespace ?? "default"),
            involvedObject: reference,
            reason: reason,
            message: message,
            type: type,
            source: EventSource(component: component),
            firstTimestamp: time,
            lastTimestamp: time,
            count: 1,
            reportingComponent: component,
            reportingInstance: component
        )
    }

    /// A reference to a pod for events.
    static func reference(to pod: Pod) -> ObjectReference {
        ObjectReference(
            kind: "Pod",
            namespace: pod.metadata.namespace,
            name: pod.metadata.name,
            uid: pod.metadata.uid,
            apiVersion: "v1",
            resourceVersion: pod.metadata.resourceVersion
        )
    }

    /// A condition with both transition and probe times set to `now`.
    static func condition(_ type: String, _ isTrue: Bool, reason: String? = nil, message: String? = nil, now: String)
        -> Condition
    {
        Condition(
            type: type,
            status: isTrue ? "True" : "False",
            reason: reason,
            message: message,
            lastTransitionTime: now,
            lastProbeTime: nil
        )
    }
}
