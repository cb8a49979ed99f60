import Foundation
import RepairCore

// Customers, users and the catalogue's tables.
extension Rows {
    static let customerColumns = "id, name, kind, is_reseller, address"
    static let insertCustomer = insertSQL("customers", customerColumns)
    static func customer(_ row: any SQLRow) throws -> Customer {
        Customer(
            id: row.int64("id"), name: row.text("name"), kind: try enumValue(row.text("kind"), "customers.kind"),
            isReseller: row.bool("is_reseller"), address: row.text("address"))
    }
    static func customerValues(_ customer: Customer) -> [SQLValue] {
        [
            idValue(customer.id), .text(customer.name), .text(customer.kind.rawValue), .bool(customer.isReseller),
            .text(customer.address),
        ]
    }

    static let userColumns = "id, email, display_name, role, customer_id, password_hash, is_confirmed, is_disabled"
    static let insertUser = insertSQL("users", userColumns)
    static func user(_ row: any SQLRow) throws -> User {
        User(
            id: row.int64("id"), email: row.text("email"), displayName: row.text("display_name"),
            role: try enumValue(row.text("role"), "users.role"), customerID: row.optionalInt64("customer_id"),
            passwordHash: row.text("password_hash"), isConfirmed: row.bool("is_confirmed"),
            isDisabled: row.bool("is_disabled"))
    }
    static func userValues(_ user: User) -> [SQLValue] {
        [
            idValue(user.id), .text(user.email), .text(user.displayName), .text(user.role.rawValue),
            .nullable(user.customerID), .text(user.passwordHash), .bool(user.isConfirmed), .bool(user.isDisabled),
        ]
    }

    static let locationColumns = "id, name, address, tat_days, is_public"
    static let insertLocation = insertSQL("locations", locationColumns)
    static func location(_ row: any SQLRow, methodIDs: [Int64]) -> Location {
        Location(
            id: row.int64("id"), name: row.text("name"), address: row.text("address"),
            tatDays: Int(row.int64("tat_days")), isPublic: row.bool("is_public"), methodIDs: methodIDs)
    }
    static func locationValues(_ location: Location) -> [SQLValue] {
        [
            idValue(location.id), .text(location.name), .text(location.address), .integer(Int64(location.tatDays)),
            .bool(location.isPublic),
        ]
    }

    static let locationMethodColumns = "location_id, method_id"
    static let insertLocationMethod = insertSQL("location_methods", locationMethodColumns)

    static let deviceModelColumns = "id, manufacturer, name"
    static let insertDeviceModel = insertSQL("device_models", deviceModelColumns)
    static func deviceModel(_ row: any SQLRow) -> DeviceModel {
        DeviceModel(id: row.int64("id"), manufacturer: row.text("manufacturer"), name: row.text("name"))
    }
    static func deviceModelValues(_ model: DeviceModel) -> [SQLValue] {
        [idValue(model.id), .text(model.manufacturer), .text(model.name)]
    }

    static let shippingMethodColumns = "id, name"
    static let insertShippingMethod = insertSQL("shipping_methods", shippingMethodColumns)
    static func shippingMethod(_ row: any SQLRow) -> ShippingMethod {
        ShippingMethod(id: row.int64("id"), name: row.text("name"))
    }
    static func shippingMethodValues(_ method: ShippingMethod) -> [SQLValue] {
        [idValue(method.id), .text(method.name)]
    }

    static let taskColumns = "id, text, kind, choices, is_filled_by_customer, is_required_in_portal, scope, scope_ids"
    static let insertTask = insertSQL("tasks", taskColumns)
    static func task(_ row: any SQLRow) throws -> ServiceTask {
        let kind: ServiceTask.Kind
        switch row.text("kind") {
        case "text": kind = .text
        case "yes_no": kind = .yesNo
        case "number": kind = .number
        case "choice": kind = .choice(row.text("choices").split(separator: "\n").map(String.init))
        case let other: throw corrupt("tasks.kind", other)
        }
        let ids = row.text("scope_ids").split(separator: ",").compactMap { Int64($0) }
        let scope: ServiceTask.Scope
        switch row.text("scope") {
        case "all": scope = .allDevices
        case "models": scope = .models(ids)
        case "customers": scope = .customers(ids)
        case let other: throw corrupt("tasks.scope", other)
        }
        return ServiceTask(
            id: row.int64("id"), text: row.text("text"), kind: kind,
            isFilledByCustomer: row.bool("is_filled_by_customer"),
            isRequiredInPortal: row.bool("is_required_in_portal"), scope: scope)
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
            idValue(task.id), .text(task.text), .text(kind), .text(choices), .bool(task.isFilledByCustomer),
            .bool(task.isRequiredInPortal), .text(scope), .text(ids.map(String.init).joined(separator: ",")),
        ]
    }
}
