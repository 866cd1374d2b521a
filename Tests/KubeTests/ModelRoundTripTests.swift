import Foundation
import Kube
import Testing
import YAML

@Suite struct ModelRoundTripTests {
    static let deploymentJSON = #"""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"vllm","namespace":"ml","uid":"u-1","resourceVersion":"42","generation":3,
           "labels":{"app":"vllm"},"selfLink":"/x","futureMeta":{"a":1},
           "ownerReferences":[{"apiVersion":"poolpilot.dev/v1alpha1","kind":"InferencePool","name":"p","uid":"u-0",
             "controller":true,"newField":"kept"}],
           "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1",
             "fieldsV1":{"f:spec":{"f:replicas":{}}}}]},
         "spec":{"replicas":2,"revisionHistoryLimit":10,
           "selector":{"matchLabels":{"app":"vllm"}},
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}},
           "template":{"metadata":{"labels":{"app":"vllm"}},
             "spec":{"volumes":[{"name":"shm","emptyDir":{"medium":"Memory"}}],
               "containers":[{"name":"server","image":"vllm/vllm-openai:v0.6.0","args":["--model","llama"],
                 "livenessProbe":{"httpGet":{"path":"/health","port":8000}},
                 "env":[{"name":"A","value":"1"},{"name":"B","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],
                 "ports":[{"containerPort":8000,"name":"http","hostPort":0}],
                 "resources":{"limits":{"nvidia.com/gpu":"1","memory":"80Gi"},"requests":{"cpu":"500m"}}}],
               "tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}]}}},
         "status":{"replicas":2,"readyReplicas":1,"collisionCount":0,
           "conditions":[{"type":"Available","status":"True","lastUpdateTime":"2025-01-01T00:00:00Z","extra":true}]}}
        """#

    @Test func `keeps unknown Deployment fields through decode and encode`() throws {
        let original = try JSONValue(jsonBytes: Array(Self.deploymentJSON.utf8))
        let deployment = try original.decode(Deployment.self)
        #expect(deployment.spec?.replicas == 2)
        #expect(deployment.metadata.ownerReferences?.first?.controller == true)
        let container = try #require(deployment.spec?.template?.spec?.containers.first)
        #expect(container.resources?.limits?["nvidia.com/gpu"] == (try Quantity("1")))
        #expect(container.unknownFields["livenessProbe"] != nil)
        #expect(deployment.spec?.template?.spec?.unknownFields["volumes"] != nil)
        #expect(try JSONValue(encoding: deployment) == original)
    }

    @Test func `keeps unknown fields through a read-modify-write`() throws {
        let original = try JSONValue(jsonBytes: Array(Self.deploymentJSON.utf8))
        var deployment = try original.decode(Deployment.self)
        deployment.spec?.replicas = 5
        let written = try JSONValue(encoding: deployment)
        #expect(written.value(at: ["spec", "replicas"]) == 5)
        #expect(written.value(at: ["spec", "revisionHistoryLimit"]) == 10)
        #expect(written.value(at: ["metadata", "futureMeta"]) == ["a": 1])
        #expect(written.value(at: ["status", "conditions"])?[0]?["extra"] == true)
    }

    @Test func `fills apiVersion and kind that list items leave out`() throws {
        let json =
            #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"abc"},"#
            + #""items":[{"metadata":{"name":"a"},"spec":{"containers":[]},"status":{"phase":"Running"}}]}"#
        let list = try JSONDecoder().decode(KubeList<Pod>.self, from: Data(json.utf8))
        #expect(list.metadata.continue == "abc")
        #expect(list.items.first?.kind == "Pod")
        #expect(list.items.first?.apiVersion == "v1")
        #expect(list.items.first?.status?.phase == "Running")
    }

    @Test func `treats null items as an empty list`() throws {
        let list = try JSONDecoder().decode(KubeList<Node>.self, from: Data(#"{"metadata":{},"items":null}"#.utf8))
        #expect(list.items.isEmpty)
    }

    @Test func `round-trips every typed model from a YAML manifest`() throws {
        let manifest = """
            apiVersion: v1
            kind: Node
            metadata: {name: gpu-1, labels: {nvidia.com/gpu.product: A100}}
            spec: {taints: [{key: gpu, effect: NoSchedule, extra: 1}], unknownSpec: true}
            status:
              allocatable: {nvidia.com/gpu: "8", memory: 1Ti}
              capacity: {cpu: "96"}
              conditions: [{type: Ready, status: "True", lastHeartbeatTime: "2025-01-01T00:00:00Z"}]
              addresses: [{type: InternalIP, address: 10.0.0.1}]
              daemonEndpoints: {kubeletEndpoint: {Port: 10250}}
            ---
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: poolpilot, namespace: poolpilot-system}
            spec: {holderIdentity: a_1, leaseDurationSeconds: 15, renewTime: "2025-01-01T00:00:10.000000Z"}
            ---
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: e1, namespace: ml}
            eventTime: "2025-01-01T00:00:00.000000Z"
            regarding: {kind: Deployment, name: vllm, namespace: ml}
            note: scaled
            reportingController: poolpilot.dev/operator
            """
        let documents = try YAML.decodeDocuments(manifest)
        #expect(documents.count == 3)
        let node = try documents[0].decode(Node.self)
        #expect(node.status?.allocatable?["nvidia.com/gpu"]?.integerValue == 8)
        #expect(try JSONValue(encoding: node) == documents[0])
        let lease = try documents[1].decode(Lease.self)
        #expect(lease.spec?.leaseDurationSeconds == 15)
        #expect(try JSONValue(encoding: lease) == documents[1])
        let event = try documents[2].decode(EventsV1Event.self)
        #expect(event.regarding?.name == "vllm")
        #expect(try JSONValue(encoding: event) == documents[2])
    }

    @Test func `decodes a Status with causes`() throws {
        let json =
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","reason":"Conflict","#
            + #""code":409,"details":{"name":"web","kind":"deployments","causes":[{"reason":"FieldManagerConflict","#
            + #""message":"conflict with \"x\"","field":".spec.replicas"}]}}"#
        let status = try JSONDecoder().decode(Status.self, from: Data(json.utf8))
        #expect(status.code == 409)
        #expect(status.details?.causes?.first?.reason == "FieldManagerConflict")
        #expect(status.details?.causes?.first?.field == ".spec.replicas")
    }

    @Test func `keeps every member of an unstructured object`() throws {
        let value: JSONValue = [
            "apiVersion": "poolpilot.dev/v1alpha1", "kind": "InferencePool",
            "metadata": ["name": "p", "namespace": "ml", "resourceVersion": "7"],
            "spec": ["minReplicas": 1, "weird": [nil, 1.5]],
        ]
        var object = try value.decode(UnstructuredObject.self)
        #expect(object.name == "p")
        #expect(object.resourceVersion == "7")
        #expect(try JSONValue(encoding: object) == value)
        object.metadata.labels = ["a": "b"]
        #expect(object.object.value(at: ["metadata", "labels", "a"]) == "b")
        #expect(object.object.value(at: ["metadata", "namespace"]) == "ml")
    }

    @Test func `describes resource paths`() {
        #expect(Deployment.resource.collectionPath(namespace: "ml") == "/apis/apps/v1/namespaces/ml/deployments")
        #expect(Pod.resource.collectionPath(namespace: nil) == "/api/v1/pods")
        #expect(Node.resource.objectPath(name: "gpu-1", namespace: "ml") == "/api/v1/nodes/gpu-1")
        #expect(
            Deployment.resource.objectPath(name: "web", namespace: "ml", subresource: "scale")
                == "/apis/apps/v1/namespaces/ml/deployments/web/scale"
        )
        #expect(Lease.resource.apiVersion == "coordination.k8s.io/v1")
    }
}
