import Foundation
import RepairCore

/// An account as the JSON API shows it (never the password hash).
struct AccountBody: Codable, Sendable, Equatable {
    var id: Int64
    var email: String
    var displayName: String
    var role: String
    var customerID: Int64?
    /// `invited`, `active` or `disabled`.
    var state: String

    init(_ user: User) {
        id = user.id
        email = user.email
        displayName = user.displayName
        role = user.role.rawValue
        customerID = user.customerID
        state = user.accountState.rawValue
    }
}

/// `POST /api/v1/admin/accounts`: the account to create for a customer.
struct NewAccountBody: Decodable, Sendable {
    var customerID: Int64
    var email: String
    var displayName: String
    /// `customer` or `reseller`; omitted, the one matching the customer's reseller flag.
    var role: String?
}

/// `POST /api/v1/confirm/:token`: the password, typed twice.
struct ConfirmBody: Decodable, Sendable {
    var password: String
    var passwordRepeat: String
}
