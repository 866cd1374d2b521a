import Kube

/// Kubernetes resource quantities in base units (cores, bytes, counts) for the scheduler's fit checks.
///
/// Parsing is Kube's ``Quantity``, the one parser in the project; this only turns it into a `Double`,
/// whose precision is plenty for comparing requests with allocatable.
public enum ResourceQuantity {
    /// The value of `text` in base units; `nil` when it is not a quantity.
    public static func value(_ text: String) -> Double? {
        (try? Quantity(text))?.doubleValue
    }
}
