import Foundation
import RepairCore

// Orders, their answers and their history.
extension Rows {
    static let orderColumns = """
        id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id, \
        contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id, \
        created_at, updated_at
        """
    static let insertOrder = insertSQL("orders", orderColumns)
    static func order(_ row: any SQLRow) throws -> ServiceOrder {
        let numberText = row.text("number")
        guard let number = OrderNumber(numberText) else { throw corrupt("orders.number", numberText) }
        let intake = Intake(
            modelID: row.int64("model_id"), serial: row.text("serial"), fault: row.text("fault"),
            locationID: row.int64("location_id"), methodID: row.int64("method_id"),
            contact: Contact(
                firstName: row.text("contact_first_name"), surname: row.text("contact_surname"),
                email: row.text("contact_email"), phone: row.text("contact_phone")))
        return ServiceOrder(
            id: row.int64("id"), number: number, customerID: row.int64("customer_id"),
            createdByUserID: row.int64("created_by"), intake: intake,
            status: try enumValue(row.text("status"), "orders.status"),
            assignedAgentID: row.optionalInt64("assigned_agent_id"), createdAt: row.date("created_at"),
            updatedAt: row.date("updated_at"))
    }
    static func orderValues(_ order: ServiceOrder) -> [SQLValue] {
        let intake = order.intake
        return [
            idValue(order.id), .text(order.number.description), .integer(order.customerID),
            .integer(order.createdByUserID), .integer(intake.modelID), .text(intake.serial), .text(intake.fault),
            .integer(intake.locationID), .integer(intake.methodID), .text(intake.contact.firstName),
            .text(intake.contact.surname), .text(intake.contact.email), .text(intake.contact.phone),
            .text(order.status.rawValue), .nullable(order.assignedAgentID), time(order.createdAt),
            time(order.updatedAt),
        ]
    }

    static let answerColumns = "order_id, task_id, kind, value"
    static let insertAnswer = insertSQL("order_answers", answerColumns)
    static func answer(_ row: any SQLRow) throws -> (Int64, Answer) {
        (row.int64("task_id"), try answer(kind: row.text("kind"), value: row.text("value")))
    }
    static func answerValues(_ answer: Answer, taskID: Int64, orderID: Int64) -> [SQLValue] {
        [.integer(orderID), .integer(taskID), .text(answerKind(answer)), .text(answer.storedText)]
    }

    static func answer(kind: String, value: String) throws -> Answer {
        switch kind {
        case "text": return .text(value)
        case "choice": return .choice(value)
        case "yes_no": return .yesNo(value == "yes")
        case "number":
            guard let number = Double(value) else { throw corrupt("order_answers.value", value) }
            return .number(number)
        default: throw corrupt("order_answers.kind", kind)
        }
    }

    static func answerKind(_ answer: Answer) -> String {
        switch answer {
        case .text: "text"
        case .choice: "choice"
        case .yesNo: "yes_no"
        case .number: "number"
        }
    }

    static let eventColumns = "order_id, at, actor_id, from_status, to_status, note, is_public"
    static let insertEvent = insertSQL("order_events", eventColumns)
    static func event(_ row: any SQLRow) throws -> OrderEvent {
        OrderEvent(
            orderID: row.int64("order_id"), at: row.date("at"), actorUserID: row.optionalInt64("actor_id"),
            fromStatus: try row.optionalText("from_status").map { try enumValue($0, "order_events.from_status") },
            toStatus: try enumValue(row.text("to_status"), "order_events.to_status"), note: row.text("note"),
            isPublic: row.bool("is_public"))
    }
    static func eventValues(_ event: OrderEvent) -> [SQLValue] {
        [
            .integer(event.orderID), time(event.at), .nullable(event.actorUserID),
            event.fromStatus.map { .text($0.rawValue) } ?? .null, .text(event.toStatus.rawValue), .text(event.note),
            .bool(event.isPublic),
        ]
    }
}
