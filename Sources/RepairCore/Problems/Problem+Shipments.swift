// Shipment problems (SPEC.md "Shipments"): each its own code, as the API has always answered them.
extension ProblemCode {
    /// Only active reseller users have shipments.
    public static let notReseller = ProblemCode("not_reseller")
    /// No such shipment among the user's own (another customer's is reported the same way).
    public static let shipmentNotFound = ProblemCode("shipment_not_found")
    /// No such order among the user's own (another customer's is reported the same way).
    public static let orderNotFound = ProblemCode("order_not_found")
    /// The order is not `confirmed` (draft, submitted, or already on its way).
    public static let orderNotConfirmed = ProblemCode("order_not_confirmed")
    /// The order already sits in a shipment (draft or confirmed).
    public static let orderInShipment = ProblemCode("order_in_shipment")
    /// The orders belong to different (location, method) groups.
    public static let mixedGroups = ProblemCode("mixed_groups")
    /// No orders were selected.
    public static let emptySelection = ProblemCode("empty_selection")
    /// A confirm of a shipment with no orders.
    public static let emptyShipment = ProblemCode("empty_shipment")
    /// The order to remove is not in this shipment.
    public static let orderNotInShipment = ProblemCode("order_not_in_shipment")
    /// The shipment is confirmed and can no longer change.
    public static let alreadyConfirmed = ProblemCode("already_confirmed")
    /// Carrier tracking is recorded on confirmed shipments only.
    public static let notConfirmed = ProblemCode("not_confirmed")
    /// More orders than one shipment may hold.
    public static let tooManyOrders = ProblemCode("too_many_orders")

    /// The shipment codes.
    public static let shipments: [ProblemCode] = [
        .notReseller, .shipmentNotFound, .orderNotFound, .orderNotConfirmed, .orderInShipment, .mixedGroups,
        .emptySelection, .emptyShipment, .orderNotInShipment, .alreadyConfirmed, .notConfirmed, .tooManyOrders,
    ]
}

extension Problem {
    /// A shipment problem about the shipment `reference` (`SH-000042`) and/or the order `orderNumber`.
    @_disfavoredOverload
    public init(
        _ code: ProblemCode, reference: String? = nil, orderNumber: String? = nil, field: String? = nil,
        parameters: [String: ProblemValue] = [:]
    ) {
        var all = parameters
        if let reference { all["reference"] = .text(reference) }
        if let orderNumber { all["number"] = .text(orderNumber) }
        self.init(code, field: field, parameters: all)
    }
}
