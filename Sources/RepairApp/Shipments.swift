import Foundation
import RepairCore

/// A reseller company's shipments: gathering confirmed orders per (location, method), confirming, carrier details.
///
/// Another company's shipment answers exactly like a missing one (`shipment_not_found`).
public struct Shipments: Sendable {
    let store: any RepairRepository & ShipmentRepository
    let now: @Sendable () -> Date
    let policy: AccessPolicy

    /// The use cases over `store`, reading the time from `now`, deciding access with `policy`.
    public init(
        store: any RepairRepository & ShipmentRepository, now: @escaping @Sendable () -> Date,
        policy: AccessPolicy = .standard
    ) {
        self.store = store
        self.now = now
        self.policy = policy
    }

    /// The viewer's open orders by group and their shipments, newest first.
    public func overview(for viewer: User) throws -> (groups: [ShipmentGroup], shipments: [Shipment]) {
        let customerID = try company(of: viewer)
        return (try store.shipmentGroups(customerID: customerID), try store.shipments(customerID: customerID))
    }

    /// The shipment named by `key` (row ID or `SH-…` reference) if the viewer's company owns it.
    public func shipment(_ key: String, for viewer: User) throws -> Shipment {
        _ = try company(of: viewer)
        let notFound = Problem(
            .shipmentNotFound, reference: key.hasPrefix("SH") ? key : Shipment.reference(for: Int64(key) ?? 0))
        guard let id = Int64(key).flatMap({ $0 > 0 ? $0 : nil }) ?? Shipment.id(fromReference: key),
            let shipment = try store.shipment(id: id)
        else { throw notFound }
        try policy.check(viewer, .manageShipments, on: .shipment(shipment), hidden: notFound)
        return shipment
    }

    /// The shipment's orders, in shipment order, and the open orders of its group that could still join it.
    public func contents(of shipment: Shipment) throws -> (orders: [ServiceOrder], open: [ServiceOrder]) {
        let open =
            shipment.status == .draft
            ? try store.shipmentGroups(customerID: shipment.customerID).first { $0.key == shipment.group }?.orders ?? []
            : []
        return (try store.shipmentOrders(shipmentID: shipment.id), open)
    }

    /// A draft shipment of the orders numbered `orderNumbers` (as typed; a malformed one is a field error).
    public func create(orderNumbers: [String], by viewer: User) throws -> Shipment {
        _ = try company(of: viewer)
        let numbers = try Self.parse(orderNumbers)
        return try store.createShipment(orderNumbers: numbers, by: viewer, at: now())
    }

    /// Adds orders to the draft shipment `key`.
    public func add(orderNumbers: [String], to key: String, by viewer: User) throws -> Shipment {
        let shipment = try shipment(key, for: viewer)
        return try store.addOrders(try Self.parse(orderNumbers), toShipment: shipment.id, by: viewer, at: now())
    }

    /// Removes orders from the draft shipment `key`; `field` names the input the numbers came from.
    public func remove(orderNumbers: [String], from key: String, field: String = "orders", by viewer: User) throws
        -> Shipment
    {
        let shipment = try shipment(key, for: viewer)
        let numbers = try Self.parse(orderNumbers, field: field)
        return try store.removeOrders(numbers, fromShipment: shipment.id, by: viewer, at: now())
    }

    /// Deletes the draft shipment `key`; its orders become open again.
    public func discard(_ key: String, by viewer: User) throws {
        try store.discardShipment(id: try shipment(key, for: viewer).id, by: viewer)
    }

    /// Confirms the draft `key` with `parcelCount` parcels and an optional total weight.
    public func confirm(_ key: String, parcelCount: Int, weightKg: Double?, by viewer: User) throws -> Shipment {
        let shipment = try shipment(key, for: viewer)
        return try store.confirmShipment(
            id: shipment.id, parcelCount: parcelCount, weightKg: weightKg, by: viewer, at: now())
    }

    /// Confirms the draft `key` from form text: parcels (empty = 1) and kilograms (empty = unknown, `,` or `.`).
    public func confirm(_ key: String, parcelText: String, weightText: String, by viewer: User) throws -> Shipment {
        let shipment = try shipment(key, for: viewer)
        let (parcels, weight) = try ShipmentLimits.default.parseConfirmation(parcels: parcelText, weight: weightText)
        return try store.confirmShipment(id: shipment.id, parcelCount: parcels, weightKg: weight, by: viewer, at: now())
    }

    /// Records the carrier's details on the confirmed shipment `key`.
    public func recordCarrier(
        _ carrier: String, trackingNumber: String, url: String?, on key: String, by viewer: User
    ) throws -> Shipment {
        let shipment = try shipment(key, for: viewer)
        let tracking = try CarrierTracking.validated(carrier: carrier, trackingNumber: trackingNumber, url: url)
        return try store.recordCarrier(tracking, shipmentID: shipment.id, by: viewer, at: now())
    }

    // Shipments are a reseller company's; the policy says who that is.
    private func company(of viewer: User) throws(Problem) -> Int64 {
        try policy.check(viewer, .manageShipments, hidden: Problem(.notReseller))
        return viewer.customerID ?? 0
    }

    /// Order numbers as typed or posted; a malformed one is a field error naming it.
    static func parse(_ texts: [String], field: String = "orders") throws(Problem) -> [OrderNumber] {
        try texts.map { (text: String) throws(Problem) -> OrderNumber in
            guard let number = OrderNumber(text.trimmingCharacters(in: .whitespaces)) else {
                throw .invalid(field, .orderNumberFormat, ["value": .text(String(text.prefix(40)))])
            }
            return number
        }
    }
}
