/// Staff's "create user account for a customer" input, checked before anything is written.
public struct AccountRequest: Sendable, Hashable, Codable {
    /// Longest e-mail address accepted (default 254, RFC 5321 §4.5.3.1.3).
    public static let maxEmailLength = 254
    /// Longest display name accepted (default 120 characters).
    public static let maxDisplayNameLength = 120

    public var customerID: Int64
    public var email: String
    public var displayName: String
    /// `customer` or `reseller`; must match the customer's reseller flag. Nil picks the matching one.
    public var role: User.Role?

    /// Makes a request.
    public init(customerID: Int64, email: String, displayName: String, role: User.Role? = nil) {
        self.customerID = customerID
        self.email = email
        self.displayName = displayName
        self.role = role
    }

    /// The invited (unconfirmed, password-less) user for `customer`, or every broken rule as field errors.
    ///
    /// `unusablePasswordHash` is stored until confirmation; it must never verify (e.g. `!`).
    public func makeUser(for customer: Customer, by actor: User, unusablePasswordHash: String = "!") throws(Problem)
        -> User
    {
        try actor.checkIsAdmin()
        var errors: [FieldError] = []
        let email = AccountRules.email(email, errors: &errors)
        let name = AccountRules.displayName(displayName, errors: &errors)
        let expected: User.Role = customer.isReseller ? .reseller : .customer
        AccountRules.checkCustomer(role: role ?? expected, customerID: customer.id, customer: customer, errors: &errors)
        guard errors.isEmpty else { throw .validation(errors) }
        return User(
            id: 0, email: email, displayName: name, role: expected, customerID: customer.id,
            passwordHash: unusablePasswordHash, isConfirmed: false, isDisabled: false)
    }

    /// Why `email` is not a plain ASCII `local@domain.tld` address, or nil when it is.
    ///
    /// Deliberately strict: the address goes into an SMTP envelope and a mail header.
    public static func emailRule(_ email: String) -> FieldRule? {
        guard !email.isEmpty else { return FieldRule(.emailRequired) }
        guard email.utf8.count <= maxEmailLength else {
            return FieldRule(.tooLong, ["maximum": .number(maxEmailLength)])
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return FieldRule(.emailShape) }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard parts[0].allSatisfy(allowedLocal.contains), parts[1].allSatisfy(allowedDomain.contains),
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
            !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..")
        else { return FieldRule(.emailCharacters) }
        return nil
    }
}
