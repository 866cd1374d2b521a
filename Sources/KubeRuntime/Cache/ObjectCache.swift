import Kube

/// A local copy of one resource type, filled by an ``Informer``, with indexes for fast lookups.
///
/// Built-in indexes (names are the static members):
/// - ``namespaceIndex``: the object's namespace.
/// - ``labelIndex``: one `key=value` entry per label.
/// - ``ownerIndex``: one entry per ownerReference, both its uid and `Kind/name`.
///
/// Custom indexes map an object to any number of strings, for example "pods of this pool":
///
/// ```swift
/// let pods = ObjectCache<Pod>(indexers: ["pool": { pod in pod.metadata.labels?["poolpilot.dev/pool"].map { [$0] } ?? [] }])
/// let members = await pods.objects(in: "pool", value: "chat")
/// ```
/// A relist replaces the whole content in one step, so readers never see a half-relisted state.
public actor ObjectCache<Object: KubeResource> {
    /// Maps an object to the index values it is found under.
    public typealias Indexer = @Sendable (Object) -> [String]

    /// The namespace index.
    public static var namespaceIndex: String { "namespace" }
    /// The label index (`key=value`).
    public static var labelIndex: String { "label" }
    /// The owner index (owner uid and `Kind/name`).
    public static var ownerIndex: String { "owner" }

    private var items: [ObjectKey: Object] = [:]
    private let indexers: [String: Indexer]
    private var indexes: [String: [String: Set<ObjectKey>]] = [:]

    /// Creates an empty cache with the built-in indexes plus `indexers`.
    public init(indexers: [String: Indexer] = [:]) {
        var all: [String: Indexer] = [
            Self.namespaceIndex: { object in [object.metadata.namespace ?? ""] },
            Self.labelIndex: { object in (object.metadata.labels ?? [:]).map { "\($0.key)=\($0.value)" } },
            Self.ownerIndex: { object in
                (object.metadata.ownerReferences ?? []).flatMap { [$0.uid, "\($0.kind)/\($0.name)"] }
            },
        ]
        all.merge(indexers) { _, custom in custom }
        self.indexers = all
    }

    /// How many objects are cached.
    public var count: Int { items.count }

    /// The object with `key`, if cached.
    public func object(_ key: ObjectKey) -> Object? {
        items[key]
    }

    /// Every cached object, optionally only those in `namespace`, sorted by key.
    public func objects(namespace: String? = nil) -> [Object] {
        if let namespace { return objects(in: Self.namespaceIndex, value: namespace) }
        return items.keys.sorted().compactMap { items[$0] }
    }

    /// The objects an index lists under `value`, sorted by key; empty for unknown indexes.
    public func objects(in index: String, value: String) -> [Object] {
        keys(in: index, value: value).compactMap { items[$0] }
    }

    /// The keys an index lists under `value`, sorted.
    public func keys(in index: String, value: String) -> [ObjectKey] {
        (indexes[index]?[value] ?? []).sorted()
    }

    /// The objects that carry every label in `labels`.
    public func objects(matchingLabels labels: [String: String]) -> [Object] {
        var result: Set<ObjectKey>?
        for (key, value) in labels {
            let matching = indexes[Self.labelIndex]?["\(key)=\(value)"] ?? []
            result = result.map { $0.intersection(matching) } ?? matching
        }
        return (result ?? Set(items.keys)).sorted().compactMap { items[$0] }
    }

    /// Every cached key, sorted.
    public var keys: [ObjectKey] { items.keys.sorted() }

    // MARK: - Changes from the informer

    /// Stores `object`; returns the previous version.
    @discardableResult
    func upsert(_ object: Object) -> Object? {
        let key = Self.key(of: object)
        let old = items[key]
        if let old { unindex(old, key) }
        items[key] = object
        index(object, key)
        return old
    }

    /// Removes the object with `key`; returns what was cached.
    @discardableResult
    func remove(_ key: ObjectKey) -> Object? {
        guard let old = items.removeValue(forKey: key) else { return nil }
        unindex(old, key)
        return old
    }

    /// Replaces everything with `objects` at once; returns the differences as informer events.
    func replace(with objects: [Object]) -> [InformerEvent<Object>] {
        var fresh: [ObjectKey: Object] = [:]
        fresh.reserveCapacity(objects.count)
        for object in objects { fresh[Self.key(of: object)] = object }
        var events: [InformerEvent<Object>] = []
        // Key order, so handlers see a relist in a stable order.
        for key in fresh.keys.sorted() {
            guard let object = fresh[key] else { continue }
            if let old = items[key] {
                if old.metadata.resourceVersion != object.metadata.resourceVersion {
                    events.append(.updated(old: old, new: object))
                }
            } else {
                events.append(.added(object))
            }
        }
        for key in items.keys.sorted() where fresh[key] == nil {
            if let old = items[key] { events.append(.deleted(old)) }
        }
        items = fresh
        indexes = [:]
        for (key, object) in fresh { index(object, key) }
        return events
    }

    /// The key of an object: its namespace and name.
    public static func key(of object: Object) -> ObjectKey {
        ObjectKey(namespace: object.metadata.namespace, name: object.metadata.name ?? "")
    }

    private func index(_ object: Object, _ key: ObjectKey) {
        for (name, indexer) in indexers {
            for value in indexer(object) {
                indexes[name, default: [:]][value, default: []].insert(key)
            }
        }
    }

    private func unindex(_ object: Object, _ key: ObjectKey) {
        for (name, indexer) in indexers {
            for value in indexer(object) {
                indexes[name]?[value]?.remove(key)
                if indexes[name]?[value]?.isEmpty == true { indexes[name]?[value] = nil }
            }
        }
    }
}

/// A change an informer observed.
public enum InformerEvent<Object: KubeResource>: Sendable {
    /// A new object (also every object of the first list).
    case added(Object)
    /// A changed object; a resync delivers `old == new`.
    case updated(old: Object, new: Object)
    /// A removed object, in its last known state.
    case deleted(Object)

    /// The newest state the event carries.
    public var object: Object {
        switch self {
        case .added(let object), .deleted(let object), .updated(_, let object): object
        }
    }
}
