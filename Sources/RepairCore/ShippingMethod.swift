/// A way a device travels to a location (courier, post, drop-off).
public struct ShippingMethod: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String

    /// Makes a shipping method.
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
