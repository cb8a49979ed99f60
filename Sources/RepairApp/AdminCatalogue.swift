import Foundation
import RepairCore

/// Admin edits of the catalogue (locations, shipping methods, device models, tasks) and of customers.
///
/// An `id` of 0 adds, any other updates; each call is one audited transaction, and `AdminRules` decide.
/// `inputErrors` are the fields the edge could not even read (a TAT that is not a number, an unknown kind): then
/// nothing is written, and the answer names them with every other broken rule, one error per field.
public struct AdminCatalogue: Sendable {
    let store: any RepairRepository & AdminRepository
    let now: @Sendable () -> Date

    /// The use cases over `store`, reading the time from `now`.
    public init(store: any RepairRepository & AdminRepository, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Adds or updates a location with its accepted methods.
    public func saveLocation(_ location: Location, inputErrors: [FieldError] = [], by admin: User) throws -> Location {
        try refuse(inputErrors) { [store] in _ = try AdminRules.validated(location, in: store.catalogue()) }
        return try store.saveLocation(location, by: admin, at: now())
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
    public func saveTask(_ task: ServiceTask, inputErrors: [FieldError] = [], by admin: User) throws -> ServiceTask {
        try refuse(inputErrors) { [store] in
            _ = try AdminRules.validated(task, in: store.catalogue(), customerIDs: Set(store.customers().map(\.id)))
        }
        return try store.saveTask(task, by: admin, at: now())
    }

    /// Adds or updates a customer.
    public func saveCustomer(_ customer: Customer, inputErrors: [FieldError] = [], by admin: User) throws -> Customer {
        try refuse(inputErrors) { _ = try AdminRules.validated(customer) }
        return try store.saveCustomer(customer, by: admin, at: now())
    }

    /// Adds a customer for the operator at the console (the CLI, which holds the database file and signs in as
    /// nobody): the same rules as an admin's edit, no audit entry.
    public func addCustomer(_ customer: Customer) throws -> Customer {
        try store.addCustomer(try AdminRules.validated(customer))
    }

    // With unreadable input nothing is saved: the pure rules still run, so the answer names every broken field,
    // the unreadable ones as such (not as the "is required" their placeholders would earn).
    private func refuse(_ inputErrors: [FieldError], _ rules: () throws -> Void) throws {
        guard !inputErrors.isEmpty else { return }
        var errors = inputErrors
        do {
            try rules()
        } catch let problem as Problem {
            let unreadable = Set(inputErrors.map(\.field))
            errors += problem.fieldErrors.filter { !unreadable.contains($0.field) }
        }
        throw Problem.validation(errors)
    }
}
