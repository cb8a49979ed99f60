import Foundation
import RepairCore

// Orders: the pipeline's writes, each one transaction, and the reads.
extension SQLStore {
    public func createDraft(customerID: Int64, intake: Intake, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            guard try Self.customer(id: customerID, in: db) != nil else {
                throw Problem.notFound(.customer, key: String(customerID))
            }
            // Draw numbers until one is free: with 40 bits a collision is rare, a second one rarer.
            for _ in 0..<maxNumberAttempts {
                var order = try ServiceOrder.makeDraft(
                    number: orderNumbers.next(), customerID: customerID, by: user, intake: intake, at: date)
                do {
                    // In a savepoint: PostgreSQL takes no statement after an error until it is rolled back.
                    order.id = try db.savepoint { try Self.insert(order, in: db) }
                    return order
                } catch let error as DatabaseError where error.knownConstraint == .orderNumber {
                    continue
                }
            }
            throw Problem.conflict(
                field: "number", .noFreeNumber, ["attempts": .number(maxNumberAttempts)])
        }
    }

    /// Inserts `order` (with its answers) as it is, keeping its number; returns the new row ID.
    static func insert(_ order: ServiceOrder, in db: any SQLConnection) throws -> Int64 {
        try db.run(Rows.insertOrder, Rows.orderValues(order))
        let id = db.lastInsertRowID
        try saveAnswers(order.answers, orderID: id, in: db)
        return id
    }

    static func saveAnswers(_ answers: [Int64: Answer], orderID: Int64, in db: any SQLConnection) throws {
        try db.run("DELETE FROM order_answers WHERE order_id = ?", [.integer(orderID)])
        for (taskID, answer) in answers.sorted(by: { $0.key < $1.key }) {
            try db.run(Rows.insertAnswer, Rows.answerValues(answer, taskID: taskID, orderID: orderID))
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
            guard order.status == .draft else { throw Problem.notADraft(order.number) }
            try db.run("DELETE FROM orders WHERE id = ? AND status = 'draft'", [.integer(orderID)])
        }
    }

    public func approve(orderID: Int64, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            let order = try Self.requireOrder(id: orderID, in: db)
            guard let customer = try Self.customer(id: order.customerID, in: db) else {
                throw Problem.notFound(.customer, key: String(order.customerID))
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
            return try Self.saveStatus(of: moved, event: event, in: db)
        }
    }

    public func confirmOrder(orderID: Int64, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            let (confirmed, event) = try Self.requireOrder(id: orderID, in: db).confirming(by: user, at: date)
            return try Self.saveStatus(of: confirmed, event: event, in: db)
        }
    }

    private static func saveStatus(of order: ServiceOrder, event: OrderEvent, in db: any SQLConnection) throws -> ServiceOrder {
        try db.run(
            "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?",
            [.text(order.status.rawValue), .real(order.updatedAt.timeIntervalSince1970), .integer(order.id)])
        try append(event, in: db)
        return order
    }

    public func assignAgent(orderID: Int64, agentID: Int64?, by user: User, at date: Date) throws -> ServiceOrder {
        try write { db in
            try user.checkIsStaff()
            var order = try Self.requireOrder(id: orderID, in: db)
            var agentName = "nobody"
            if let agentID {
                guard let agent = try Self.user(id: agentID, in: db) else {
                    throw Problem.invalid("agentID", .notAssignable)
                }
                try agent.checkCanBeAssigned()
                agentName = agent.displayName
            }
            try Self.append(try order.noting("assigned to \(agentName)", by: user, isPublic: false, at: date), in: db)
            order.assignedAgentID = agentID
            order.updatedAt = date
            try db.run(
                "UPDATE orders SET assigned_agent_id = ?, updated_at = ? WHERE id = ?",
                [.nullable(agentID), .real(date.timeIntervalSince1970), .integer(orderID)])
            return order
        }
    }

    public func addNote(orderID: Int64, note: String, isPublic: Bool, by user: User, at date: Date) throws -> OrderEvent
    {
        try write { db in
            let event = try Self.requireOrder(id: orderID, in: db).noting(note, by: user, isPublic: isPublic, at: date)
            try Self.append(event, in: db)
            return event
        }
    }

    static func append(_ event: OrderEvent, in db: any SQLConnection) throws {
        try db.run(Rows.insertEvent, Rows.eventValues(event))
    }
}
