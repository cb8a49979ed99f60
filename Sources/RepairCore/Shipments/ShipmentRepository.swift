import Foundation

/// Shipment storage; synchronous and thread-safe, each call one transaction that writes all or nothing.
///
/// Orders are named by their public numbers. Refusals throw `Problem`
/// (from the rules in `Shipment+Rules.swift`) and leave the store unchanged.
public protocol ShipmentRepository: Sendable {
    /// The customer's open orders (confirmed, in no shipment), grouped by (location, method).
    func shipmentGroups(customerID: Int64) throws -> [ShipmentGroup]
    /// Open orders (confirmed, in no shipment) counted per (location, method); nil counts every customer's.
    func openOrderGroupCounts(customerID: Int64?) throws -> [ShipmentGroupKey: Int]
    /// The customer's shipments, newest first.
    func shipments(customerID: Int64) throws -> [Shipment]
    /// The shipment with `id`, if any (callers check ownership with `checkOwner`).
    func shipment(id: Int64) throws -> Shipment?
    /// The orders of a shipment, in shipment order.
    func shipmentOrders(shipmentID: Int64) throws -> [ServiceOrder]
    /// Creates a draft shipment from the selected orders.
    func createShipment(orderNumbers: [OrderNumber], by user: User, at date: Date) throws -> Shipment
    /// Adds orders to a draft shipment.
    func addOrders(_ orderNumbers: [OrderNumber], toShipment id: Int64, by user: User, at date: Date) throws -> Shipment
    /// Removes orders from a draft shipment.
    func removeOrders(_ orderNumbers: [OrderNumber], fromShipment id: Int64, by user: User, at date: Date) throws
        -> Shipment
    /// Deletes a draft shipment; its orders become open again.
    func discardShipment(id: Int64, by user: User) throws
    /// Confirms a draft: immutable from now on, its orders `shipped` with a history event each.
    func confirmShipment(id: Int64, parcelCount: Int, weightKg: Double?, by user: User, at date: Date) throws
        -> Shipment
    /// Records the carrier's tracking details on a confirmed shipment.
    func recordCarrier(_ tracking: CarrierTracking, shipmentID: Int64, by user: User, at date: Date) throws -> Shipment
    /// The carrier tracking of the confirmed shipment holding the order, if any (for anonymous tracking).
    func carrierTracking(orderNumber: OrderNumber) throws -> CarrierTracking?
}
