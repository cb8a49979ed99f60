// Reading an account request typed into a form or sent as JSON: one rule for every entry point.
extension AccountRequest {
    /// A request from text as typed: the customer's ID must be a number, the role a customer role or empty.
    public init(customerIDText: String, email: String, displayName: String, roleText: String) throws(Problem) {
        guard let customerID = Int64(customerIDText) else { throw .invalid("customerID", .customerRequired) }
        self.init(
            customerID: customerID, email: email, displayName: displayName, role: try Self.role(from: roleText))
    }

    /// The role field: empty means "match the customer"; staff roles cannot be given to a customer's account.
    public static func role(from text: String) throws(Problem) -> User.Role? {
        switch text {
        case "": return nil
        case "customer": return .customer
        case "reseller": return .reseller
        default: throw .invalid("role", .oneOf, ["choices": .list(["customer", "reseller"])])
        }
    }
}
