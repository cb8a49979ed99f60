import RepairCore
import RepairStore

/// `repairshop user list`: lists accounts, one per line.
public struct UserListCommand: CLICommand {
    public static let name = "user list"
    public static let summary = "List user accounts"
    public static let options: [CLIOption] = [.database]

    let databasePath: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        let store = try context.openStore(at: databasePath)
        for user in try store.users() {
            var flags: [String] = []
            if !user.isConfirmed { flags.append("unconfirmed") }
            if user.isDisabled { flags.append("disabled") }
            let customer = user.customerID.map { " customer \($0)" } ?? ""
            let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
            output.standardOutput(
                "\(user.id)\t\(user.email)\t\(user.role.rawValue)\(customer)\t\(user.displayName)\(suffix)")
        }
        return 0
    }
}
