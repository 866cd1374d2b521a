import Foundation
import YAML

/// The `pod-template-hash` label value of a pod template.
///
/// FNV-1a (32 bit) over the template's JSON with sorted keys, spelt in the consonant-and-digit alphabet Kubernetes uses so it never forms
/// words. The same template always hashes the same; any change in it gives a new ReplicaSet.
public enum PodTemplateHash {
    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// The hash of a template given as a JSON-compatible value.
    public static func hash(_ template: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(template)).map(Array.init) ?? []
        var value: UInt32 = 0x811c_9dc5
        for byte in bytes {
            value = (value ^ UInt32(byte)) &* 0x0100_0193
        }
        var digits = String(value)
        digits = String(digits.map { character in alphabet[Int(character.asciiValue ?? 48) % alphabet.count] })
        return digits
    }
}
