import RepairCore

// Reading orders, their history and what tracking needs.
extension SQLStore {
    public func order(id: Int64) throws -> ServiceOrder? {
        try read { db in try Self.order(id: id, in: db) }
    }

    public func order(number: OrderNumber) throws -> ServiceOrder? {
        try read { db in try Self.order(number: number, in: db) }
    }

    static func order(number: OrderNumber, in db: any SQLConnection) throws -> ServiceOrder? {
        guard
            var order = try db.firstRow(
                "SELECT \(Rows.orderColumns) FROM orders WHERE number = ?", [.text(number.description)], Rows.order)
        else { return nil }
        order.answers = try answers(orderID: order.id, in: db)
        return order
    }

    public func orders(customerID: Int64) throws -> [ServiceOrder] {
        try read { db in
            try db.rows(
                "SELECT \(Rows.orderColumns) FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC",
                [.integer(customerID)], Rows.order
            ).map { order in
                var order = order
                order.answers = try Self.answers(orderID: order.id, in: db)
                return order
            }
        }
    }

    public func orders(status: OrderStatus) throws -> [ServiceOrder] {
        try read { db in
            try db.rows(
                "SELECT \(Rows.orderColumns) FROM orders WHERE status = ? ORDER BY created_at, id",
                [.text(status.rawValue)], Rows.order)
        }
    }

    public func events(orderID: Int64) throws -> [OrderEvent] {
        try read { db in try Self.events(orderID: orderID, in: db) }
    }

    static func events(orderID: Int64, in db: any SQLConnection) throws -> [OrderEvent] {
        try db.rows(
            "SELECT \(Rows.eventColumns) FROM order_events WHERE order_id = ? ORDER BY id", [.integer(orderID)],
            Rows.event)
    }

    /// The public view of order `number`, or nil when there is none.
    public func tracking(number: OrderNumber) throws -> TrackingInfo? {
        guard case .found(let info) = try trackingLookUp(number: number) else { return nil }
        return info
    }

    /// Order `number`'s public view, or `.notFound` after reading a stand-in order in its place.
    ///
    /// Both outcomes run the same joins on a real row and build the same value, so the time a look-up
    /// takes does not tell whether a number exists; anonymous tracking also compares the stand-in's
    /// surname. The stand-in is spread over all orders by the number's hash (the same one each time
    /// for a number), so it is no more likely to be in the cache than a real order.
    public func trackingLookUp(number: OrderNumber, in snapshot: (any ReadSnapshot)?) throws -> TrackingLookUp {
        let text = number.description
        let row = try read(in: snapshot, isSnapshot: false) { db in
            try db.firstRow(TrackingQuery.sql, [.text(text), .integer(TrackingQuery.standInSeed(text))]) { row in
                // The hot path: indices resolved by name once per prepared statement, not per look-up.
                let column = row.resolved(TrackingColumns.init)
                return (
                    info: TrackingInfo(
                        number: number, status: try Rows.enumValue(row.text(column.status), "orders.status"),
                        deviceDescription: row.text(column.device), agentDisplayName: row.optionalText(column.agent),
                        locationName: row.text(column.location), tatDays: Int(row.int64(column.tatDays)),
                        contactSurname: row.text(column.surname),
                        carrier: row.isNull(column.carrier)
                            ? nil
                            : CarrierTracking(
                                carrier: row.text(column.carrier), trackingNumber: row.text(column.trackingNumber),
                                url: row.optionalText(column.trackingURL))),
                    isRequested: row.int64(column.isRequested) == 1
                )
            }
        }
        guard let row else { return .notFound(standInSurname: nil) }
        return row.isRequested ? .found(row.info) : .notFound(standInSurname: row.info.contactSurname)
    }

    /// Where a number's stand-in is looked for (`TrackingQuery.standInSeed`).
    public static func trackingStandInSeed(_ printedNumber: String) -> Int64 {
        TrackingQuery.standInSeed(printedNumber)
    }

    /// Tracking's one query (`TrackingQuery.sql`).
    public static var trackingSQL: String { TrackingQuery.sql }

    static func order(id: Int64, in db: any SQLConnection) throws -> ServiceOrder? {
        guard
            var order = try db.firstRow(
                "SELECT \(Rows.orderColumns) FROM orders WHERE id = ?", [.integer(id)], Rows.order)
        else { return nil }
        order.answers = try answers(orderID: id, in: db)
        return order
    }

    static func requireOrder(id: Int64, in db: any SQLConnection) throws -> ServiceOrder {
        guard let order = try order(id: id, in: db) else {
            throw Problem.notFound(.order, key: String(id))
        }
        return order
    }

    static func answers(orderID: Int64, in db: any SQLConnection) throws -> [Int64: Answer] {
        let pairs = try db.rows(
            "SELECT \(Rows.answerColumns) FROM order_answers WHERE order_id = ?", [.integer(orderID)], Rows.answer)
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
