import Foundation
import RepairCore

// Shipment reads shared by the transactions in `SQLiteStore+Shipments.swift`.
extension SQLStore {
    static func shipment(id: Int64, in db: any SQLConnection) throws -> Shipment? {
        guard
            var shipment = try db.firstRow(
                "SELECT \(Rows.shipmentColumns) FROM shipments WHERE id = ?", [.integer(id)], Rows.shipment)
        else { return nil }
        shipment.orderIDs = try shipmentOrderIDs(id, in: db)
        return shipment
    }

    /// The shipment, if `user` owns it; another customer's answers exactly like a missing one.
    static func requireShipment(id: Int64, by user: User, in db: any SQLConnection) throws -> Shipment {
        guard let shipment = try shipment(id: id, in: db) else {
            throw Problem(.shipmentNotFound, reference: Shipment.reference(for: id))
        }
        try shipment.checkOwner(user)
        return shipment
    }

    static func shipmentOrderIDs(_ shipmentID: Int64, in db: any SQLConnection) throws -> [Int64] {
        try db.rows(
            "SELECT order_id FROM shipment_orders WHERE shipment_id = ? ORDER BY position", [.integer(shipmentID)]
        ) { $0.int64("order_id") }
    }

    static func shipmentOrders(_ shipmentID: Int64, in db: any SQLConnection) throws -> [ServiceOrder] {
        try db.rows(
            """
            SELECT \(Rows.prefixed(Rows.orderColumns, "o"))
            FROM shipment_orders so JOIN orders o ON o.id = so.order_id
            WHERE so.shipment_id = ? ORDER BY so.position
            """, [.integer(shipmentID)], Rows.order)
    }

    /// The orders with `numbers`, in that order; a missing number is `orderNotFound`.
    static func shipmentCandidates(numbers: [OrderNumber], in db: any SQLConnection) throws -> [ServiceOrder] {
        try numbers.map { number in
            guard
                let order = try db.firstRow(
                    "SELECT \(Rows.orderColumns) FROM orders WHERE number = ?", [.text(number.description)], Rows.order)
            else { throw Problem(.orderNotFound, orderNumber: number.description, field: "orders") }
            return order
        }
    }

    /// For each of `orders` already in a shipment, that shipment's reference.
    static func shipmentHolders(of orders: [ServiceOrder], in db: any SQLConnection) throws -> [Int64: String] {
        var holders: [Int64: String] = [:]
        for order in orders {
            let holder = try db.firstRow(
                "SELECT shipment_id FROM shipment_orders WHERE order_id = ?", [.integer(order.id)]
            ) { $0.int64("shipment_id") }
            if let holder { holders[order.id] = Shipment.reference(for: holder) }
        }
        return holders
    }

    static func insertOrders(_ orderIDs: [Int64], shipmentID: Int64, from position: Int64, in db: any SQLConnection) throws {
        for (offset, orderID) in orderIDs.enumerated() {
            try db.run(
                Rows.insertShipmentOrder, [.integer(orderID), .integer(shipmentID), .integer(position + Int64(offset))])
        }
    }

    static func nextPosition(_ shipmentID: Int64, in db: any SQLConnection) throws -> Int64 {
        try db.firstRow(
            "SELECT COALESCE(MAX(position) + 1, 0) AS position FROM shipment_orders WHERE shipment_id = ?",
            [.integer(shipmentID)]
        ) { $0.int64("position") } ?? 0
    }

    static func touchShipment(_ shipmentID: Int64, at date: Date, in db: any SQLConnection) throws {
        try db.run(
            "UPDATE shipments SET updated_at = ? WHERE id = ? AND status = 'draft'",
            [.real(date.timeIntervalSince1970), .integer(shipmentID)])
    }
}
