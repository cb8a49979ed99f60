import RepairCore
import RepairStore

/// `repairshop customer list`: lists customers, one per line.
public struct CustomerListCommand: CLICommand {
    public static let name = "customer list"
    public static let summary = "List customers"
    public static let options: [CLIOption] = [.database]

    let databasePath: String

    public init(arguments: ParsedArguments, environment: [String: String]) throws(CLIError) {
        databasePath = arguments.databasePath(environment: environment)
    }

    public func run(in context: CLIContext) throws -> Int32 {
        let output = context.output
        for customer in try context.openStore(at: databasePath).customers() {
            let reseller = customer.isReseller ? "\treseller" : ""
            output.standardOutput("\(customer.id)\t\(customer.kind.rawValue)\t\(customer.name)\(reseller)")
        }
        return 0
    }
}
