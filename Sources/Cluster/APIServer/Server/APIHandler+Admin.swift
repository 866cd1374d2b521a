import Foundation
import HTTP
import YAML

// The test-only admin endpoint under /poolpilot/admin (documented in docs/embedded-cluster.md).
extension APIHandler {
    func admin(_ request: HTTPServerRequest, path: String, user: UserInfo) async throws -> HTTPServerResponse {
        guard user.groups.contains("system:masters") else {
            throw APIError(
                code: 403,
                reason: "Forbidden",
                message: "user \"\(user.name)\" may not use the admin endpoint"
            )
        }
        switch (request.method, path) {
        case ("GET", "/poolpilot/admin/faults"):
            return Self.json(faults.settings.json)
        case ("PUT", "/poolpilot/admin/faults"), ("POST", "/poolpilot/admin/faults"):
            let changes =
                request.body.isEmpty
                ? JSONValue.object([:]) : try Self.parseJSON(request.body, contentType: "application/json")
            let settings = try faults.settings.merging(changes)
            faults.settings = settings
            await store.setWatchCuts(
                afterEvents: settings.watchCutAfterEvents,
                afterSeconds: settings.watchCutAfterSeconds
            )
            return Self.json(settings.json)
        case ("DELETE", "/poolpilot/admin/faults"):
            let settings = faults.settings.cleared
            faults.settings = settings
            await store.setWatchCuts(afterEvents: nil, afterSeconds: nil)
            return Self.json(settings.json)
        case ("POST", "/poolpilot/admin/compact"):
            await store.compactHistory()
            return Self.json(["compactedRevision": .integer(await store.currentRevision)])
        case ("POST", "/poolpilot/admin/restart"):
            let options =
                request.body.isEmpty
                ? JSONValue.object([:]) : try Self.parseJSON(request.body, contentType: "application/json")
            let seconds = options["unavailableSeconds"]?.doubleValue ?? 0
            store.hub.closeAll()
            await store.compactHistory()
            if seconds > 0 { faults.beUnavailable(for: seconds) }
            return Self.json(["restarted": true, "unavailableSeconds": .double(seconds)])
        case ("GET", "/poolpilot/admin/stats"):
            return Self.json([
                "revision": .integer(await store.currentRevision), "objects": .integer(Int64(await store.objectCount)),
                "watches": .integer(Int64(store.hub.count)),
            ])
        default:
            throw APIError.pathNotFound()
        }
    }
}
