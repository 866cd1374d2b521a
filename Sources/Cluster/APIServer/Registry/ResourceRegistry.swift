import Synchronization
import YAML

/// The resources currently served: the built-ins plus every established CRD.
///
/// Shared between the request handler (lookups on every request) and the store (which installs and
/// removes CRDs), so it is a lock-protected class rather than an actor: lookups stay synchronous.
final class ResourceRegistry: Sendable {
    private struct State {
        var custom: [String: [ResourceDefinition]] = [:]
    }

    private let state = Mutex(State())

    /// Every served definition: built-ins first, then custom resources ordered by CRD name.
    var all: [ResourceDefinition] {
        let custom = state.withLock { $0.custom }
        return BuiltinResources.all + custom.keys.sorted().flatMap { custom[$0] ?? [] }
    }

    /// The definition for `group/version/plural`, or `nil`.
    func definition(group: String, version: String, plural: String) -> ResourceDefinition? {
        all.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    /// The definition objects of `storageKey` are stored at (the first served version).
    func storageDefinition(forKey storageKey: String) -> ResourceDefinition? {
        all.first { $0.storageKey == storageKey }
    }

    /// The definition for an `apiVersion` and `kind`, used to resolve owner references.
    func definition(apiVersion: String, kind: String) -> ResourceDefinition? {
        all.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// The groups and their versions in preference order.
    var groups: [(group: String, versions: [String])] {
        var result = BuiltinResources.groupOrder
        let custom = state.withLock { $0.custom }
        for name in custom.keys.sorted() {
            guard let definitions = custom[name], let first = definitions.first else { continue }
            var versions: [String] = []
            for definition in definitions where !versions.contains(definition.version) {
                versions.append(definition.version)
            }
            if let index = result.firstIndex(where: { $0.group == first.group }) {
                for version in versions where !result[index].versions.contains(version) {
                    result[index].versions.append(version)
                }
            } else {
                result.append((first.group, versions))
            }
        }
        return result
    }

    /// Whether `group` and `version` are served at all.
    func serves(group: String, version: String) -> Bool {
        groups.contains { $0.group == group && $0.versions.contains(version) }
    }

    /// Installs (or replaces) the resources of one CRD.
    func install(crdName: String, definitions: [ResourceDefinition]) {
        state.withLock { $0.custom[crdName] = definitions }
    }

    /// Removes the resources of one CRD.
    func remove(crdName: String) {
        state.withLock { $0.custom[crdName] = nil }
    }
}
