/// A device model from the catalogue.
public struct DeviceModel: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var manufacturer: String
    public var name: String

    /// Makes a device model.
    public init(id: Int64, manufacturer: String, name: String) {
        self.id = id
        self.manufacturer = manufacturer
        self.name = name
    }

    /// "Manufacturer Name", as shown to people.
    public var displayName: String { "\(manufacturer) \(name)" }
}
