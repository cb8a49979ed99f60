import Foundation

// The shipment rules (SPEC.md "Shipments"): pure functions of the shipment, the
// orders and the acting user. The store loads what they need inside one
// transaction and persists only what they return, so a refusal changes nothing.
extension Shipment {
    /// Throws unless `user` is an active reseller user.
    public static func checkReseller(_ user: User) throws(Problem) {
        guard AccessPolicy.standard.decide(user, .manageShipments).isAllowed else { throw Problem(.notReseller) }
    }

    /// Throws `shipmentNotFound` unless `user` is a reseller of this shipment's customer.
    public func checkOwner(_ user: User) throws(Problem) {
        try Self.checkReseller(user)
        guard AccessPolicy.standard.decide(user, .manageShipments, on: .shipment(self)).isAllowed else {
            throw Problem(.shipmentNotFound, reference: reference)
        }
    }

    /// Checks a selection of orders for a shipment and returns their common group.
    ///
    /// - Parameters:
    ///   - holders: for each order already in a shipment, that shipment's reference.
    ///   - group: the group the orders must join (an existing shipment's), or nil for a new one.
    public static func checkSelection(
        _ orders: [ServiceOrder], by user: User, holders: [Int64: String], group: ShipmentGroupKey?
    ) throws(Problem) -> ShipmentGroupKey {
        try checkReseller(user)
        guard let first = orders.first else { throw Problem(.emptySelection, field: "orders") }
        let expected = group ?? ShipmentGroupKey(first)
        for order in orders {
            let number = order.number.description
            // Another customer's order is reported as missing: it must not be revealed.
            guard order.customerID == user.customerID else {
                throw Problem(.orderNotFound, orderNumber: number, field: "orders")
            }
            if let holder = holders[order.id] {
                throw Problem(
                    .orderInShipment, orderNumber: number, field: "orders", parameters: ["holder": .text(holder)])
            }
            guard order.status == .confirmed else {
                throw Problem(
                    .orderNotConfirmed, orderNumber: number, field: "orders",
                    parameters: ["status": .text(order.status.rawValue)])
            }
            guard ShipmentGroupKey(order) == expected else {
                throw Problem(.mixedGroups, orderNumber: number, field: "orders")
            }
        }
        return expected
    }

    /// Makes a draft shipment of `orders` (one group, the reseller's own, confirmed, in no shipment).
    public static func makeDraft(
        _ orders: [ServiceOrder], by user: User, holders: [Int64: String], at date: Date,
        limits: ShipmentLimits = .default
    ) throws(Problem) -> Shipment {
        let unique = uniqued(orders)
        let group = try checkSelection(unique, by: user, holders: holders, group: nil)
        guard unique.count <= limits.maxOrders else {
            throw Problem(.tooManyOrders, field: "orders", parameters: ["maximum": .number(limits.maxOrders)])
        }
        return Shipment(
            id: 0, customerID: user.customerID ?? 0, group: group, orderIDs: unique.map(\.id),
            createdByUserID: user.id, createdAt: date)
    }

    /// Returns the draft with `orders` appended (same rules as a new shipment, in this one's group).
    public func adding(
        _ orders: [ServiceOrder], by user: User, holders: [Int64: String], at date: Date,
        limits: ShipmentLimits = .default
    ) throws(Problem) -> Shipment {
        try checkOwner(user)
        var shipment = self
        shipment.status = try status.editing(reference)
        let unique = Self.uniqued(orders)
        _ = try Self.checkSelection(unique, by: user, holders: holders, group: group)
        guard orderIDs.count + unique.count <= limits.maxOrders else {
            throw Problem(
                .tooManyOrders, reference: reference, field: "orders",
                parameters: ["maximum": .number(limits.maxOrders)])
        }
        shipment.orderIDs += unique.map(\.id)
        shipment.updatedAt = date
        return shipment
    }

    /// Returns the draft without `orders`; each must be in it.
    public func removing(_ orders: [ServiceOrder], by user: User, at date: Date) throws(Problem) -> Shipment {
        try checkOwner(user)
        var shipment = self
        shipment.status = try status.editing(reference)
        guard !orders.isEmpty else { throw Problem(.emptySelection, reference: reference, field: "orders") }
        for order in orders where order.customerID != customerID {
            throw Problem(.orderNotFound, orderNumber: order.number.description, field: "orders")
        }
        for order in orders where !orderIDs.contains(order.id) {
            throw Problem(
                .orderNotInShipment, reference: reference, orderNumber: order.number.description, field: "orders")
        }
        let removed = Set(orders.map(\.id))
        shipment.orderIDs.removeAll { removed.contains($0) }
        shipment.updatedAt = date
        return shipment
    }

    /// Throws unless `user` may discard this shipment (its owner, while a draft).
    public func checkDiscard(by user: User) throws(Problem) {
        try checkOwner(user)
        try status.discarding(reference)
    }

    /// Confirms the draft: returns it confirmed, its orders moved to `shipped`, and one history event per order.
    ///
    /// `orders` are the shipment's orders as stored now; one no longer `confirmed` blocks the confirm.
    public func confirming(
        orders: [ServiceOrder], parcelCount: Int, weightKg: Double?, by user: User, at date: Date,
        limits: ShipmentLimits = .default
    ) throws(Problem) -> (shipment: Shipment, orders: [ServiceOrder], events: [OrderEvent]) {
        try checkOwner(user)
        var shipment = self
        shipment.status = try status.confirming(reference)
        guard !orderIDs.isEmpty else { throw Problem(.emptyShipment, reference: reference) }
        guard (1...limits.maxParcelCount).contains(parcelCount) else {
            throw .invalid("parcelCount", .parcelCount, ["maximum": .number(limits.maxParcelCount)])
        }
        if let weightKg, !(weightKg > 0 && weightKg <= limits.maxWeightKg) {
            throw .invalid("weightKg", .weight, ["maximum": .number(Int(limits.maxWeightKg))])
        }
        var moved: [ServiceOrder] = []
        var events: [OrderEvent] = []
        for order in orders {
            guard order.status.canMove(to: .shipped), order.status == .confirmed else {
                throw Problem(
                    .orderNotConfirmed, reference: reference, orderNumber: order.number.description,
                    parameters: ["status": .text(order.status.rawValue)])
            }
            var shipped = order
            shipped.status = .shipped
            shipped.updatedAt = date
            moved.append(shipped)
            events.append(
                OrderEvent(
                    orderID: order.id, at: date, actorUserID: user.id, fromStatus: .confirmed, toStatus: .shipped,
                    note: "shipped in \(reference)", isPublic: true))
        }
        shipment.confirmedAt = date
        shipment.updatedAt = date
        shipment.parcelCount = parcelCount
        shipment.weightKg = weightKg
        return (shipment, moved, events)
    }

    /// Returns the confirmed shipment with the carrier's tracking details (replacing earlier ones).
    public func recordingCarrier(_ tracking: CarrierTracking, by user: User, at date: Date) throws(Problem)
        -> Shipment
    {
        try checkOwner(user)
        var shipment = self
        shipment.status = try status.recordingCarrier(reference)
        shipment.carrier = tracking
        shipment.updatedAt = date
        return shipment
    }

    // A number selected twice counts once.
    private static func uniqued(_ orders: [ServiceOrder]) -> [ServiceOrder] {
        var seen: Set<Int64> = []
        return orders.filter { seen.insert($0.id).inserted }
    }
}
