/// What an action is about, as the policy needs to see it: nothing in particular, a customer, an order or a
/// shipment. New inputs (an order's sharing within the company) come in as data here, not as new parameters.
public enum AccessResource: Sendable, Hashable {
    /// The shop itself (staff queue, administration, one's own tokens).
    case shop
    /// A customer's (company's) orders or shipments as a whole.
    case customer(Int64)
    /// One order.
    case order(ServiceOrder)
    /// One shipment.
    case shipment(Shipment)

    /// The customer the resource belongs to; nil for the shop.
    public var customerID: Int64? {
        switch self {
        case .shop: nil
        case .customer(let id): id
        case .order(let order): order.customerID
        case .shipment(let shipment): shipment.customerID
        }
    }
}
