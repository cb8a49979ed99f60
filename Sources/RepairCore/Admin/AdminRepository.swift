import Foundation

/// Admin edits of the catalogue and customers; each call one transaction with its audit entry.
///
/// The acting user must be an admin; rules are `AdminRules`; an `id` of 0 adds, any other ID updates.
/// A clash with an existing value is `Problem.conflict` on the field, and nothing is written.
public protocol AdminRepository: Sendable {
    /// Adds or updates a location with its accepted methods; returns it as saved.
    func saveLocation(_ location: Location, by user: User, at date: Date) throws -> Location
    /// Adds or renames a shipping method; returns it as saved.
    func saveShippingMethod(_ method: ShippingMethod, by user: User, at date: Date) throws -> ShippingMethod
    /// Removes a shipping method no order uses and drops it from the locations that accepted it.
    func removeShippingMethod(id: Int64, by user: User, at date: Date) throws
    /// Adds or updates a device model; returns it as saved.
    func saveDeviceModel(_ model: DeviceModel, by user: User, at date: Date) throws -> DeviceModel
    /// Adds or updates a task (question) with its scope; returns it as saved.
    func saveTask(_ task: ServiceTask, by user: User, at date: Date) throws -> ServiceTask
    /// Adds or updates a customer; returns it as saved.
    func saveCustomer(_ customer: Customer, by user: User, at date: Date) throws -> Customer
}
