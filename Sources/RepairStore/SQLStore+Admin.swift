import Foundation
import RepairCore

// Admin edits of the catalogue and customers. Each call is one transaction that
// checks the acting user, validates with `AdminRules` against the current rows,
// writes, and appends its audit entry, so an edit and its record are kept together.
// An `id` of 0 adds a new entry; any other ID updates that entry.
extension SQLStore {
    /// Adds or updates a location with its accepted methods; returns it as saved.
    public func saveLocation(_ location: Location, by user: User, at date: Date) throws -> Location {
        try adminWrite(by: user, field: "name") { db in
            let catalogue = try Self.catalogue(in: db)
            let old = try Self.existing(location.id, in: catalogue.locations, entity: .location)
            var saved = try AdminRules.validated(location, in: catalogue)
            if old == nil {
                try db.run(Rows.insertLocation, Rows.locationValues(saved))
                saved.id = db.lastInsertRowID
            } else {
                try db.run(
                    Rows.updateSQL("locations", Rows.locationColumns), Rows.updateValues(Rows.locationValues(saved)))
                try db.run("DELETE FROM location_methods WHERE location_id = ?", [.integer(saved.id)])
            }
            try Self.insertMethods(of: saved, in: db)
            try db.recordAdminEdit(old, saved, entity: "location", key: saved.id, by: user, at: date)
            return saved
        }
    }

    /// Adds or renames a shipping method; returns it as saved.
    public func saveShippingMethod(_ method: ShippingMethod, by user: User, at date: Date) throws -> ShippingMethod {
        try adminWrite(by: user, field: "name") { db in
            let catalogue = try Self.catalogue(in: db)
            let old = try Self.existing(method.id, in: catalogue.methods, entity: .shippingMethod)
            var saved = try AdminRules.validated(method, in: catalogue)
            if old == nil {
                try db.run(Rows.insertShippingMethod, Rows.shippingMethodValues(saved))
                saved.id = db.lastInsertRowID
            } else {
                try db.run(
                    Rows.updateSQL("shipping_methods", Rows.shippingMethodColumns),
                    Rows.updateValues(Rows.shippingMethodValues(saved)))
            }
            try db.recordAdminEdit(old, saved, entity: "shippingMethod", key: saved.id, by: user, at: date)
            return saved
        }
    }

    /// Removes a shipping method and drops it from the locations that accepted it.
    ///
    /// Refused with `Problem.conflict(field: "method")` and the count while any
    /// order (open, or kept in the history) still uses it: orders must keep their method.
    public func removeShippingMethod(id: Int64, by user: User, at date: Date) throws {
        try adminWrite(by: user, field: "method") { db in
            let catalogue = try Self.catalogue(in: db)
            guard let method = catalogue.method(id: id) else {
                throw Problem.notFound(.shippingMethod, key: String(id))
            }
            let statuses = try db.rows("SELECT status FROM orders WHERE method_id = ?", [.integer(id)]) {
                try Rows.enumValue($0.text("status"), "orders.status") as OrderStatus
            }
            let openCount = statuses.filter(\.isOpen).count
            if openCount > 0 {
                throw Problem.conflict(field: "method", .methodInOpenOrders, ["count": .number(openCount)])
            }
            if !statuses.isEmpty {
                throw Problem.conflict(field: "method", .methodInHistory, ["count": .number(statuses.count)])
            }
            let locations = catalogue.locations.filter { $0.methodIDs.contains(id) }.map(\.name)
            try db.run("DELETE FROM location_methods WHERE method_id = ?", [.integer(id)])
            try db.run("DELETE FROM shipping_methods WHERE id = ?", [.integer(id)])
            let dropped = locations.isEmpty ? "" : "; dropped from locations: " + locations.joined(separator: ", ")
            try db.recordAudit(
                actorID: user.id, action: "shippingMethod.remove", entity: "shippingMethod", entityKey: String(id),
                details: "name: \(method.name)" + dropped, at: date)
        }
    }

    /// Adds or updates a device model; returns it as saved.
    public func saveDeviceModel(_ model: DeviceModel, by user: User, at date: Date) throws -> DeviceModel {
        try adminWrite(by: user, field: "name") { db in
            let catalogue = try Self.catalogue(in: db)
            let old = try Self.existing(model.id, in: catalogue.models, entity: .deviceModel)
            var saved = try AdminRules.validated(model, in: catalogue)
            if old == nil {
                try db.run(Rows.insertDeviceModel, Rows.deviceModelValues(saved))
                saved.id = db.lastInsertRowID
            } else {
                try db.run(
                    Rows.updateSQL("device_models", Rows.deviceModelColumns),
                    Rows.updateValues(Rows.deviceModelValues(saved)))
            }
            try db.recordAdminEdit(old, saved, entity: "deviceModel", key: saved.id, by: user, at: date)
            return saved
        }
    }

    /// Adds or updates a task (question) with its scope; returns it as saved.
    public func saveTask(_ task: ServiceTask, by user: User, at date: Date) throws -> ServiceTask {
        try adminWrite(by: user, field: "text") { db in
            let catalogue = try Self.catalogue(in: db)
            let customerIDs = Set(try db.rows("SELECT id FROM customers") { $0.int64("id") })
            let old = try Self.existing(task.id, in: catalogue.tasks, entity: .task)
            var saved = try AdminRules.validated(task, in: catalogue, customerIDs: customerIDs)
            if old == nil {
                try db.run(Rows.insertTask, Rows.taskValues(saved))
                saved.id = db.lastInsertRowID
            } else {
                try db.run(Rows.updateSQL("tasks", Rows.taskColumns), Rows.updateValues(Rows.taskValues(saved)))
            }
            try db.recordAdminEdit(old, saved, entity: "task", key: saved.id, by: user, at: date)
            return saved
        }
    }

    /// Adds or updates a customer; returns it as saved.
    public func saveCustomer(_ customer: Customer, by user: User, at date: Date) throws -> Customer {
        try adminWrite(by: user, field: "name") { db in
            let old = customer.id == 0 ? nil : try Self.customer(id: customer.id, in: db)
            if customer.id != 0, old == nil { throw Problem.notFound(.customer, key: String(customer.id)) }
            var saved = try AdminRules.validated(customer)
            if old == nil {
                try db.run(Rows.insertCustomer, Rows.customerValues(saved))
                saved.id = db.lastInsertRowID
            } else {
                try db.run(
                    Rows.updateSQL("customers", Rows.customerColumns), Rows.updateValues(Rows.customerValues(saved)))
            }
            try db.recordAdminEdit(old, saved, entity: "customer", key: saved.id, by: user, at: date)
            return saved
        }
    }
}
