import RepairCore
import RepairStore

/// `repairshop user add`: creates a user account.
public struct UserAddCommand: CLICommand {
    public static let name = "user add"
    public static let summary = "Create a user account"
    public static let options: [CLIOption] = [
        .database,
        CLIOption("email", value: "EMAIL", isRequired: true, help: "Sign-in e-mail, unique"),
        CLIOption("name", value: "NAME", isRequired: true, help: "Display name"),
        CLIOption("role", value: "ROLE", isRequired: true, help: "customer, reseller, agent or admin"),
        CLIOption("customer", value: "ID", help: "Customer ID (customer and reseller users only)"),
        CLIOption("password-hash", value: "HASH", isRequired: true, help: "crypt(3) hash of the password"),
        CLIOption("confirmed", help: "Mark the e-mail address as confirmed"),
    ]

    let databasePath: String
    let user: User

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
        guard let role = User.Role(rawValue: arguments.values["role", default: ""]) else {
            throw .usage("--role must be customer, reseller, agent or admin")
        }
        var customerID: Int64?
        if let text = arguments.values["customer"] {
            guard let id = Int64(text), id > 0 else { throw .usage("--customer must be a customer ID") }
            customerID = id
        }
        let hash = arguments.values["password-hash", default: ""]
        guard hash.hasPrefix("$") else { throw .usage("--password-hash must be a crypt(3) hash starting with $") }
        user = User(
            id: 0, email: arguments.values["email", default: ""], displayName: arguments.values["name", default: ""],
            role: role, customerID: customerID, passwordHash: hash,
            isConfirmed: arguments.flags.contains("confirmed"))
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        // The account rules (e-mail, name, staff without a customer, a customer of the role's kind) are the
        // use case's, as for an admin's invitation.
        let saved = try context.openApp(at: databasePath).0.accounts.addUser(user)
        output.standardOutput("created user \(saved.id) \(saved.email) (\(saved.role.rawValue))")
        return 0
    }
}
