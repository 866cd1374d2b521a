/// Where a kind of object lives in the API: group, version, plural resource name and scope.
///
/// ```swift
/// let pools = ResourceDescriptor(
///     group: "poolpilot.dev", version: "v1alpha1", plural: "inferencepools", kind: "InferencePool", namespaced: true)
/// ```
public struct ResourceDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The API group; empty for the core group (`v1`).
    public var group: String
    /// The version within the group, such as `v1`.
    public var version: String
    /// The plural resource name used in URLs, such as `deployments`.
    public var plural: String
    /// The kind, such as `Deployment`.
    public var kind: String
    /// Whether objects live in a namespace.
    public var namespaced: Bool

    /// Creates a descriptor.
    public init(group: String, version: String, plural: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.namespaced = namespaced
    }

    /// `group/version`, or just `version` for the core group: the objects' `apiVersion`.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The path prefix of the group version: `/api/v1` or `/apis/<group>/<version>`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The collection path, in `namespace` when the resource is namespaced and a namespace is given.
    ///
    /// A namespaced resource with `namespace == nil` gives the all-namespaces collection.
    public func collectionPath(namespace: String?) -> String {
        if namespaced, let namespace {
            return "\(groupVersionPath)/namespaces/\(Self.escape(namespace))/\(plural)"
        }
        return "\(groupVersionPath)/\(plural)"
    }

    /// The path of one object, optionally of one of its subresources (`status`, `scale`).
    public func objectPath(name: String, namespace: String?, subresource: String? = nil) -> String {
        let base = collectionPath(namespace: namespace) + "/" + Self.escape(name)
        guard let subresource else { return base }
        return base + "/" + subresource
    }

    /// `plural.group`, such as `deployments.apps`, as kubectl names resources.
    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// Percent-escapes a path segment; Kubernetes names are DNS-like, so this rarely changes anything.
    static func escape(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// A Kubernetes object type with a typed model: it knows its resource and carries metadata.
public protocol KubeResource: Codable, Sendable, Equatable {
    /// Where objects of this type live in the API.
    static var resource: ResourceDescriptor { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get set }
}
