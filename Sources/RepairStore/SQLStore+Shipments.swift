import Foundation
import RepairCore

// Shipments: each call one IMMEDIATE transaction; the core's rules decide, the
// SQL only persists. Updates are guarded by the status they expect, so a lost
// race (another process confirmed first) fails instead of writing twice.
extension SQLStore {
    public func shipmentGroups(customerID: Int64) throws -> [ShipmentGroup] {
        try read { db in
            let orders = try db.rows(Rows.openOrdersSQL, [.integer(customerID)], Rows.order)
            return ShipmentGroup.grouping(orders)
        }
    }

    /// Open orders (confirmed, in no shipment) counted per (location, method) in SQL; nil counts every customer.
    public func openOrderGroupCounts(customerID: Int64?) throws -> [ShipmentGroupKey: Int] {
        try read { db in
            var sql = """
                SELECT o.location_id, o.method_id, COUNT(*) AS open_count FROM orders o
                WHERE o.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM shipment_orders s WHERE s.order_id = o.id)
                """
            var values: [SQLValue] = []
            if let customerID {
                sql += " AND o.customer_id = ?"
                values.append(.integer(customerID))
            }
            sql += " GROUP BY o.location_id, o.method_id"
            let rows = try db.rows(sql, values) { row in
                (
                    ShipmentGroupKey(locationID: row.int64("location_id"), methodID: row.int64("method_id")),
                    Int(row.int64("open_count"))
                )
            }
            return Dictionary(rows, uniquingKeysWith: +)
        }
    }

    public func shipments(customerID: Int64) throws -> [Shipment] {
        try read { db in
            let shipments = try db.rows(
                "SELECT \(Rows.shipmentColumns) FROM shipments WHERE customer_id = ? ORDER BY id DESC",
                [.integer(customerID)], Rows.shipment)
            return try shipments.map { shipment in
                var shipment = shipment
                shipment.orderIDs = try Self.shipmentOrderIDs(shipment.id, in: db)
                return shipment
            }
        }
    }

    public func shipment(id: Int64) throws -> Shipment? {
        try read { db in try Self.shipment(id: id, in: db) }
    }

    public func shipmentOrders(shipmentID: Int64) throws -> [ServiceOrder] {
        try read { db in try Self.shipmentOrders(shipmentID, in: db) }
    }

    public func createShipment(orderNumbers: [OrderNumber], by user: User, at date: Date) throws -> Shipment {
        try write { db in
            try Shipment.checkReseller(user)
            let orders = try Self.shipmentCandidates(numbers: orderNumbers, in: db)
            var shipment = try Shipment.makeDraft(
                orders, by: user, holders: try Self.shipmentHolders(of: orders, in: db), at: date)
            try db.run(
                """
                INSERT INTO shipments (customer_id, location_id, method_id, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, 'draft', ?, ?, ?)
                """,
                [
                    .integer(shipment.customerID), .integer(shipment.group.locationID),
                    .integer(shipment.group.methodID),
                    .integer(user.id), .real(date.timeIntervalSince1970), .real(date.timeIntervalSince1970),
                ])
            shipment.id = db.lastInsertRowID
            try Self.insertOrders(shipment.orderIDs, shipmentID: shipment.id, from: 0, in: db)
            return shipment
        }
    }

    public func addOrders(_ orderNumbers: [OrderNumber], toShipment id: Int64, by user: User, at date: Date) throws
        -> Shipment
    {
        try write { db in
            let shipment = try Self.requireShipment(id: id, by: user, in: db)
            let orders = try Self.shipmentCandidates(numbers: orderNumbers, in: db)
            let added = try shipment.adding(
                orders, by: user, holders: try Self.shipmentHolders(of: orders, in: db), at: date)
            let newIDs = Array(added.orderIDs.dropFirst(shipment.orderIDs.count))
            try Self.insertOrders(newIDs, shipmentID: id, from: try Self.nextPosition(id, in: db), in: db)
            try Self.touchShipment(id, at: date, in: db)
            return added
        }
    }

    public func removeOrders(_ orderNumbers: [OrderNumber], fromShipment id: Int64, by user: User, at date: Date)
        throws -> Shipment
    {
        try write { db in
            let shipment = try Self.requireShipment(id: id, by: user, in: db)
            let orders = try Self.shipmentCandidates(numbers: orderNumbers, in: db)
            let remaining = try shipment.removing(orders, by: user, at: date)
            for order in orders {
                try db.run(
                    "DELETE FROM shipment_orders WHERE order_id = ? AND shipment_id = ?",
                    [.integer(order.id), .integer(id)])
            }
            try Self.touchShipment(id, at: date, in: db)
            return remaining
        }
    }

    public func discardShipment(id: Int64, by user: User) throws {
        try write { db in
            let shipment = try Self.requireShipment(id: id, by: user, in: db)
            try shipment.checkDiscard(by: user)
            try db.run("DELETE FROM shipments WHERE id = ? AND status = 'draft'", [.integer(id)])
            guard db.changes == 1 else { throw Problem(.alreadyConfirmed, reference: shipment.reference) }
        }
    }

    public func confirmShipment(id: Int64, parcelCount: Int, weightKg: Double?, by user: User, at date: Date) throws
        -> Shipment
    {
        try write { db in
            let shipment = try Self.requireShipment(id: id, by: user, in: db)
            let orders = try Self.shipmentOrders(id, in: db)
            let result = try shipment.confirming(
                orders: orders, parcelCount: parcelCount, weightKg: weightKg, by: user, at: date)
            let time = SQLValue.real(date.timeIntervalSince1970)
            try db.run(
                """
                UPDATE shipments SET status = 'confirmed', confirmed_at = ?, updated_at = ?, parcel_count = ?, weight_kg = ?
                WHERE id = ? AND status = 'draft'
                """,
                [time, time, .integer(Int64(parcelCount)), weightKg.map(SQLValue.real) ?? .null, .integer(id)])
            // Another connection (another process) confirmed between our read and this write.
            guard db.changes == 1 else { throw Problem(.alreadyConfirmed, reference: shipment.reference) }
            for (order, event) in zip(result.orders, result.events) {
                try db.run(
                    "UPDATE orders SET status = 'shipped', updated_at = ? WHERE id = ? AND status = 'confirmed'",
                    [time, .integer(order.id)])
                guard db.changes == 1 else {
                    throw Problem(
                        .orderNotConfirmed, reference: shipment.reference, orderNumber: order.number.description)
                }
                try Self.append(event, in: db)
            }
            return result.shipment
        }
    }

    public func recordCarrier(_ tracking: CarrierTracking, shipmentID id: Int64, by user: User, at date: Date) throws
        -> Shipment
    {
        try write { db in
            let shipment = try Self.requireShipment(id: id, by: user, in: db)
            let recorded = try shipment.recordingCarrier(tracking, by: user, at: date)
            try db.run(
                """
                UPDATE shipments SET carrier = ?, tracking_number = ?, tracking_url = ?, updated_at = ?
                WHERE id = ? AND status = 'confirmed'
                """,
                [
                    .text(tracking.carrier), .text(tracking.trackingNumber), tracking.url.map(SQLValue.text) ?? .null,
                    .real(date.timeIntervalSince1970), .integer(id),
                ])
            return recorded
        }
    }

    public func carrierTracking(orderNumber: OrderNumber) throws -> CarrierTracking? {
        try read { db in
            try db.firstRow(
                """
                SELECT \(Rows.prefixed(Rows.carrierColumns, "s")) FROM orders o
                JOIN shipment_orders so ON so.order_id = o.id
                JOIN shipments s ON s.id = so.shipment_id
                WHERE o.number = ? AND s.status = 'confirmed' AND s.carrier IS NOT NULL
                """,
                [.text(orderNumber.description)], Rows.carrier)
        }
    }
}
