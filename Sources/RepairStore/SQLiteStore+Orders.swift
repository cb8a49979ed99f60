import Foundation
import RepairCore

// Orders: the pipeline's writes, each one transaction, and the reads.
extension SQLiteStore: RepairRepository {
    public func createDraft(customerID: Int64, intake: Intake, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            guard try Self.customer(id: customerID, in: db) != nil else {
                throw RepairError.notFound(entity: "customer", key: String(customerID))
            }
            // Draw numbers until one is free: with 40 bits a collision is rare, a second one rarer.
            for _ in 0..<configuration.maxNumberAttempts {
                var order = try ServiceOrder.makeDraft(
                    number: configuration.numbers.next(), customerID: customerID, by: user, intake: intake, at: date)
                do {
                    order.id = try Self.insert(order, in: db)
                    return order
                } catch let error as DatabaseError
                    where error.isUniqueViolation && error.message.contains("orders.number")
                {
                    continue
                }
            }
            throw RepairError.conflict(
                field: "number", rule: "no free order number after \(configuration.maxNumberAttempts) attempts")
        }
    }

    /// Inserts `order` (with its answers) as it is, keeping its number; returns the new row ID.
    static func insert(_ order: ServiceOrder, in db: Database) throws -> Int64 {
        let intake = order.intake
        try db.run(
            """
            INSERT INTO orders (id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id,
                contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                idValue(order.id), .text(order.number.description), .integer(order.customerID),
                .integer(order.createdByUserID),
                .integer(intake.modelID), .text(intake.serial), .text(intake.fault), .integer(intake.locationID),
                .integer(intake.methodID), .text(intake.contact.firstName), .text(intake.contact.surname),
                .text(intake.contact.email), .text(intake.contact.phone), .text(order.status.rawValue),
                .nullable(order.assignedAgentID), .real(order.createdAt.timeIntervalSince1970),
                .real(order.updatedAt.timeIntervalSince1970),
            ])
        let id = db.lastInsertRowID
        try saveAnswers(order.answers, orderID: id, in: db)
        return id
    }

    static func saveAnswers(_ answers: [Int64: Answer], orderID: Int64, in db: Database) throws {
        try db.run("DELETE FROM order_answers WHERE order_id = ?", [.integer(orderID)])
        for (taskID, answer) in answers.sorted(by: { $0.key < $1.key }) {
            try db.run(
                "INSERT INTO order_answers (order_id, task_id, kind, value) VALUES (?, ?, ?, ?)",
                [.integer(orderID), .integer(taskID), .text(Rows.answerKind(answer)), .text(answer.storedText)])
        }
    }

    public func reviseDraft(orderID: Int64, intake: Intake, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            let revised = try order.revising(intake, tasks: try Self.tasks(in: db), by: user, at: date)
            try db.run(
                """
                UPDATE orders SET model_id = ?, serial = ?, fault = ?, location_id = ?, method_id = ?,
                    contact_first_name = ?, contact_surname = ?, contact_email = ?, contact_phone = ?, updated_at = ?
                WHERE id = ?
                """,
                [
                    .integer(intake.modelID), .text(intake.serial), .text(intake.fault), .integer(intake.locationID),
                    .integer(intake.methodID), .text(intake.contact.firstName), .text(intake.contact.surname),
                    .text(intake.contact.email), .text(intake.contact.phone), .real(date.timeIntervalSince1970),
                    .integer(orderID),
                ])
            try Self.saveAnswers(revised.answers, orderID: orderID, in: db)
            return revised
        }
    }

    public func answerDraft(orderID: Int64, answers: [Int64: String], by user: User, at date: Date) throws
        -> ServiceOrder
    {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            let answered = try order.answering(answers, tasks: try Self.tasks(in: db), by: user, at: date)
            try Self.saveAnswers(answered.answers, orderID: orderID, in: db)
            try db.run(
                "UPDATE orders SET updated_at = ? WHERE id = ?", [.real(date.timeIntervalSince1970), .integer(orderID)])
            return answered
        }
    }

    public func discardDraft(orderID: Int64, by user: User) throws {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            try user.checkCanAct(on: order)
            guard order.status == .draft else { throw RepairError.notADraft(order.number) }
            try db.run("DELETE FROM orders WHERE id = ? AND status = 'draft'", [.integer(orderID)])
        }
    }

    public func approve(orderID: Int64, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            guard let customer = try Self.customer(id: order.customerID, in: db) else {
                throw RepairError.notFound(entity: "customer", key: String(order.customerID))
            }
            let (approved, event) = try order.approved(
                by: user, customer: customer, tasks: try Self.tasks(in: db), at: date)
            try db.run(
                "UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = 'draft'",
                [.text(approved.status.rawValue), .real(date.timeIntervalSince1970), .integer(orderID)])
            try Self.append(event, in: db)
            return approved
        }
    }

    public func moveOrder(
        orderID: Int64, to status: OrderStatus, by user: User, note: String, isPublic: Bool, at date: Date
    ) throws -> ServiceOrder {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            let (moved, event) = try order.moving(to: status, by: user, note: note, isPublic: isPublic, at: date)
            try db.run(
                "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?",
                [.text(moved.status.rawValue), .real(date.timeIntervalSince1970), .integer(orderID)])
            try Self.append(event, in: db)
            return moved
        }
    }

    public func assignAgent(orderID: Int64, agentID: Int64?, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            try user.checkIsStaff()
            var order = try Self.requireOrder(id: orderID, in: db)
            if let agentID {
                guard let agent = try Self.user(id: agentID, in: db), agent.role.isStaff else {
                    throw RepairError.invalid("agentID", "must be an agent or admin")
                }
            }
            order.assignedAgentID = agentID
            order.updatedAt = date
            try db.run(
                "UPDATE orders SET assigned_agent_id = ?, updated_at = ? WHERE id = ?",
                [.nullable(agentID), .real(date.timeIntervalSince1970), .integer(orderID)])
            return order
        }
    }

    static func append(_ event: OrderEvent, in db: Database) throws {
        try db.run(
            "INSERT INTO order_events (\(Rows.eventColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .integer(event.orderID), .real(event.at.timeIntervalSince1970), .nullable(event.actorUserID),
                event.fromStatus.map { .text($0.rawValue) } ?? .null, .text(event.toStatus.rawValue), .text(event.note),
                .bool(event.isPublic),
            ])
    }

    public func order(id: Int64) throws -> ServiceOrder? {
        try read { db in try Self.order(id: id, in: db) }
    }

    public func order(number: OrderNumber) throws -> ServiceOrder? {
        try read { db in
            guard
                var order = try db.firstRow(
                    "SELECT \(Rows.orderColumns) FROM orders WHERE number = ?", [.text(number.description)], Rows.order)
            else { return nil }
            order.answers = try Self.answers(orderID: order.id, in: db)
            return order
        }
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
        try read { db in
            try db.rows(
                "SELECT \(Rows.eventColumns) FROM order_events WHERE order_id = ? ORDER BY id", [.integer(orderID)],
                Rows.event)
        }
    }

    public func tracking(number: OrderNumber) throws -> TrackingInfo? {
        try read(isSnapshot: false) { db in
            try db.firstRow(Self.trackingSQL, [.text(number.description)]) { row in
                TrackingInfo(
                    number: number, status: try Rows.enumValue(row.text(0), "orders.status"),
                    deviceDescription: row.text(1), agentDisplayName: row.optionalText(2), locationName: row.text(3),
                    tatDays: Int(row.int64(4)), contactSurname: row.text(5))
            }
        }
    }

    /// Tracking's one query: by the UNIQUE index on `orders.number`, joined to model, location and agent.
    public static let trackingSQL = """
        SELECT o.status, m.manufacturer || ' ' || m.name, u.display_name, l.name, l.tat_days, o.contact_surname
        FROM orders o
        JOIN device_models m ON m.id = o.model_id
        JOIN locations l ON l.id = o.location_id
        LEFT JOIN users u ON u.id = o.assigned_agent_id
        WHERE o.number = ?
        """

    static func order(id: Int64, in db: Database) throws -> ServiceOrder? {
        guard
            var order = try db.firstRow(
                "SELECT \(Rows.orderColumns) FROM orders WHERE id = ?", [.integer(id)], Rows.order)
        else { return nil }
        order.answers = try answers(orderID: id, in: db)
        return order
    }

    static func requireOrder(id: Int64, in db: Database) throws -> ServiceOrder {
        guard let order = try order(id: id, in: db) else {
            throw RepairError.notFound(entity: "order", key: String(id))
        }
        return order
    }

    static func answers(orderID: Int64, in db: Database) throws -> [Int64: Answer] {
        let pairs = try db.rows(
            "SELECT task_id, kind, value FROM order_answers WHERE order_id = ?", [.integer(orderID)]
        ) {
            ($0.int64(0), try Rows.answer(kind: $0.text(1), value: $0.text(2)))
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
