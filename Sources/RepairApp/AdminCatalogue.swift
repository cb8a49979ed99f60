import Foundation
import RepairCore

/// Admin edits of the catalogue (locations, shipping methods, device models, tasks) and of customers.
///
/// An `id` of 0 adds, any other updates; each call is one audited transaction, and `AdminRules` decide.
public struct AdminCatalogue: Sendable {
    let store: any RepairRepository & AdminRepository
    let now: @Sendable () -> Date

    /// The use cases over `store`, reading the time from `now`.
    public init(store: any RepairRepository & AdminRepository, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Adds or updates a location with its accepted methods.
    public func saveLocation(_ location: Location, by admin: User) throws -> Location {
        try store.saveLocation(location, by: admin, at: now())
    }

    /// Adds or renames a shipping method.
    public func saveShippingMethod(_ method: ShippingMethod, by admin: User) throws -> ShippingMethod {
        try store.saveShippingMethod(method, by: admin, at: now())
    }

    /// Removes a shipping method no order uses.
    public func removeShippingMethod(id: Int64, by admin: User) throws {
        try store.removeShippingMethod(id: id, by: admin, at: now())
    }

    /// Adds or updates a device model.
    public func saveDeviceModel(_ model: DeviceModel, by admin: User) throws -> DeviceModel {
        try store.saveDeviceModel(model, by: admin, at: now())
    }

    /// Adds or updates a task (question) with its scope.
    public func saveTask(_ task: ServiceTask, by admin: User) throws -> ServiceTask {
        try store.saveTask(task, by: admin, at: now())
    }

    /// Adds or updates a customer.
    public func saveCustomer(_ customer: Customer, by admin: User) throws -> Customer {
        try store.saveCustomer(customer, by: admin, at: now())
    }
}
