/// A customer of the shop: a person or a company; resellers get automatic approval.
public struct Customer: Sendable, Hashable, Codable, Identifiable {
    /// Whether the customer is a person or a company.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person
        case company
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    /// Reseller orders are confirmed automatically at approval and can be shipped in batches.
    public var isReseller: Bool
    /// Postal address, several lines; printed on packing lists and labels.
    public var address: String

    /// Makes a customer.
    public init(id: Int64, name: String, kind: Kind, isReseller: Bool, address: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.isReseller = isReseller
        self.address = address
    }
}
