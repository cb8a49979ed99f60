import Foundation
import RepairCore

// Reading domain values from rows. Column lists and readers sit together so
// they cannot drift apart.
enum Rows {
    static let customerColumns = "id, name, kind, is_reseller, address"
    static func customer(_ row: Statement) throws -> Customer {
        Customer(
            id: row.int64(0), name: row.text(1), kind: try enumValue(row.text(2), "customers.kind"),
            isReseller: row.bool(3), address: row.text(4))
    }

    static let userColumns =
        "id, email, display_name, role, customer_id, password_hash, is_confirmed, is_disabled"
    static func user(_ row: Statement) throws -> User {
        User(
            id: row.int64(0), email: row.text(1), displayName: row.text(2),
            role: try enumValue(row.text(3), "users.role"), customerID: row.optionalInt64(4),
            passwordHash: row.text(5), isConfirmed: row.bool(6), isDisabled: row.bool(7))
    }

    static let taskColumns =
        "id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids"
    static func task(_ row: Statement) throws -> ServiceTask {
        let kind: ServiceTask.Kind
        switch row.text(2) {
        case "text": kind = .text
        case "yes_no": kind = .yesNo
        case "number": kind = .number
        case "choice": kind = .choice(row.text(3).split(separator: "\n").map(String.init))
        case let other: throw corrupt("tasks.kind", other)
        }
        let ids = row.text(7).split(separator: ",").compactMap { Int64($0) }
        let scope: ServiceTask.Scope
        switch row.text(6) {
        case "all": scope = .allDevices
        case "models": scope = .models(ids)
        case "customers": scope = .customers(ids)
        case let other: throw corrupt("tasks.scope", other)
        }
        return ServiceTask(
            id: row.int64(0), text: row.text(1), kind: kind, isFilledByCustomer: row.bool(4),
            isRequiredInPortal: row.bool(5), scope: scope)
    }

    static func taskValues(_ task: ServiceTask) -> [SQLValue] {
        let (kind, choices): (String, String) =
            switch task.kind {
            case .text: ("text", "")
            case .yesNo: ("yes_no", "")
            case .number: ("number", "")
            case .choice(let options): ("choice", options.joined(separator: "\n"))
            }
        let (scope, ids): (String, [Int64]) =
            switch task.scope {
            case .allDevices: ("all", [])
            case .models(let ids): ("models", ids)
            case .customers(let ids): ("customers", ids)
            }
        return [
            .text(task.text), .text(kind), .text(choices), .bool(task.isFilledByCustomer),
            .bool(task.isRequiredInPortal), .text(scope), .text(ids.map(String.init).joined(separator: ",")),
        ]
    }

    static let orderColumns = """
        id, number, customer_id, created_by, model_id, serial, fault, location_id, method_id, \
        contact_first_name, contact_surname, contact_email, contact_phone, status, assigned_agent_id, \
        created_at, updated_at
        """
    static func order(_ row: Statement) throws -> ServiceOrder {
        guard let number = OrderNumber(row.text(1)) else { throw corrupt("orders.number", row.text(1)) }
        let intake = Intake(
            modelID: row.int64(4), serial: row.text(5), fault: row.text(6), locationID: row.int64(7),
            methodID: row.int64(8),
            contact: Contact(firstName: row.text(9), surname: row.text(10), email: row.text(11), phone: row.text(12)))
        return ServiceOrder(
            id: row.int64(0), number: number, customerID: row.int64(2), createdByUserID: row.int64(3),
            intake: intake, status: try enumValue(row.text(13), "orders.status"),
            assignedAgentID: row.optionalInt64(14), createdAt: Date(timeIntervalSince1970: row.double(15)),
            updatedAt: Date(timeIntervalSince1970: row.double(16)))
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
    static func event(_ row: Statement) throws -> OrderEvent {
        OrderEvent(
            orderID: row.int64(0), at: Date(timeIntervalSince1970: row.double(1)), actorUserID: row.optionalInt64(2),
            fromStatus: try row.optionalText(3).map { try enumValue($0, "order_events.from_status") },
            toStatus: try enumValue(row.text(4), "order_events.to_status"), note: row.text(5), isPublic: row.bool(6))
    }

    static func enumValue<T: RawRepresentable>(_ text: String, _ column: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw corrupt(column, text) }
        return value
    }

    static func corrupt(_ column: String, _ value: String) -> DatabaseError {
        DatabaseError(code: 11, message: "unexpected value '\(value)' in \(column)")
    }
}
