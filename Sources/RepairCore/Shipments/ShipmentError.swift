/// Why a shipment operation was refused; nothing was changed.
///
/// Carries the rule broken, the shipment and order it concerns and the field a form
/// or API body should highlight, so the portal can answer with a clear message.
public struct ShipmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// Only active reseller users have shipments.
        case notReseller = "not_reseller"
        /// No such shipment among the user's own (another customer's is reported the same way).
        case shipmentNotFound = "shipment_not_found"
        /// No such order among the user's own (another customer's is reported the same way).
        case orderNotFound = "order_not_found"
        /// The order is not `confirmed` (draft, submitted, or already on its way).
        case orderNotConfirmed = "order_not_confirmed"
        /// The order already sits in a shipment (draft or confirmed).
        case orderInShipment = "order_in_shipment"
        /// The orders belong to different (location, method) groups.
        case mixedGroups = "mixed_groups"
        /// No orders were selected.
        case emptySelection = "empty_selection"
        /// A confirm of a shipment with no orders.
        case emptyShipment = "empty_shipment"
        /// The order to remove is not in this shipment.
        case orderNotInShipment = "order_not_in_shipment"
        /// The shipment is confirmed and can no longer change.
        case alreadyConfirmed = "already_confirmed"
        /// Carrier tracking is recorded on confirmed shipments only.
        case notConfirmed = "not_confirmed"
        /// A field (parcel count, weight, carrier, tracking number, URL) is malformed.
        case invalidField = "invalid_field"
        /// More orders than one shipment may hold.
        case tooManyOrders = "too_many_orders"
    }

    public var rule: Rule
    /// The shipment's reference (`SH-000042`), when the error is about one.
    public var reference: String?
    /// The order number at fault, when there is one.
    public var orderNumber: String?
    /// The input field at fault (`orders`, `parcelCount`, `weightKg`, `carrier`, …).
    public var field: String?
    /// Extra words for a person (the order's status, the field's rule).
    public var detail: String?

    /// Makes an error.
    public init(
        _ rule: Rule, reference: String? = nil, orderNumber: String? = nil, field: String? = nil, detail: String? = nil
    ) {
        self.rule = rule
        self.reference = reference
        self.orderNumber = orderNumber
        self.field = field
        self.detail = detail
    }

    /// A malformed input field.
    public static func invalid(_ field: String, _ rule: String) -> ShipmentError {
        ShipmentError(.invalidField, field: field, detail: rule)
    }

    public var description: String {
        let order = orderNumber ?? "?"
        let shipment = reference ?? "the shipment"
        switch rule {
        case .notReseller: return "only reseller accounts have shipments"
        case .shipmentNotFound: return "shipment \(reference ?? "") not found"
        case .orderNotFound: return "order \(order) not found among your orders"
        case .orderNotConfirmed:
            return "order \(order) is \(detail ?? "not confirmed"); only confirmed orders can be shipped"
        case .orderInShipment: return "order \(order) is already in shipment \(detail ?? "")"
        case .mixedGroups:
            return "the orders go to different locations or by different methods; a shipment holds one group only"
        case .emptySelection: return "select at least one order"
        case .emptyShipment: return "\(shipment) has no orders; add some before confirming"
        case .orderNotInShipment: return "order \(order) is not in \(shipment)"
        case .alreadyConfirmed: return "\(shipment) is already confirmed and cannot change"
        case .notConfirmed: return "\(shipment) is not confirmed yet"
        case .invalidField: return "\(field ?? "field"): \(detail ?? "is invalid")"
        case .tooManyOrders: return "a shipment holds at most \(detail ?? "") orders"
        }
    }
}
