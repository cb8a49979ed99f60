/// A login account: a customer or reseller user, or staff (agent, admin).
public struct User: Sendable, Hashable, Codable, Identifiable {
    /// What the account may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case customer
        case reseller
        case agent
        case admin

        /// Staff work on every customer's orders.
        public var isStaff: Bool {
            switch self {
            case .agent, .admin: true
            case .customer, .reseller: false
            }
        }
    }

    public var id: Int64
    /// Unique, compared case-insensitively.
    public var email: String
    public var displayName: String
    public var role: Role
    /// The customer this user acts for; set for customer and reseller users only.
    public var customerID: Int64?
    /// Opaque password hash (crypt(3) string); hashing is the portal's job.
    public var passwordHash: String
    /// The account works only after its e-mail address is confirmed.
    public var isConfirmed: Bool
    public var isDisabled: Bool

    /// Makes a user account.
    public init(
        id: Int64, email: String, displayName: String, role: Role, customerID: Int64?,
        passwordHash: String, isConfirmed: Bool = true, isDisabled: Bool = false
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.customerID = customerID
        self.passwordHash = passwordHash
        self.isConfirmed = isConfirmed
        self.isDisabled = isDisabled
    }

    /// Whether the account may sign in and act at all.
    public var isActive: Bool { isConfirmed && !isDisabled }
}
